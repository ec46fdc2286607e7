// Passerelle — Licence and Master diplomas, single, joint or double.
#include "issuer/pathways/diploma_credential.h"

#include <algorithm>

#include "formats/profile.h"

namespace passerelle {

using nlohmann::json;

namespace {

json BodyObject(const IssuerIdentity& body) {
  json o = {{"id", body.did}};
  if (!body.name.empty()) o["name"] = body.name;
  if (!body.country.empty()) o["country"] = body.country;
  return o;
}

}  // namespace

Result<json> BuildDiplomaCredential(const Programme& programme, const IssuerIdentity& issuer, const Learner& learner,
                                    const std::vector<std::string>& parts, const std::string& credential_id,
                                    Timestamp awarded_on, const DiplomaForm& form) {
  if (programme.ects <= 0)
    return Status::InvalidCredential("programme " + programme.code + ": a diploma states its ECTS (\"ects\")");
  // The level this awarding body may state: EQF where its country's
  // framework is referenced to the EQF, its national level elsewhere.
  const bool eqf_country = CountryReferencesEqf(issuer.country);
  Programme as_awarded = programme;
  if (!eqf_country) {
    if (programme.nqf_level.empty())
      return Status::InvalidCredential("programme " + programme.code + " gives no \"nqfLevel\": an awarding body in " +
                                       (issuer.country.empty() ? std::string("an unknown country") : issuer.country) +
                                       " states its national level, not an EQF level");
    as_awarded.eqf_level = 0;
  } else if (programme.eqf_level == 0 && programme.nqf_level.empty()) {
    return Status::InvalidCredential("programme " + programme.code + " gives no level (\"eqfLevel\" or \"nqfLevel\")");
  }
  PSL_ASSIGN_OR_RETURN(json vc, BuildCertificationCredential(as_awarded, issuer, learner, parts, credential_id,
                                                             awarded_on));
  vc["type"] = {"VerifiableCredential", CredentialKindType(CredentialKind::kDiploma)};
  json& achievement = vc["credentialSubject"]["achievement"];
  if (!programme.nqf_level.empty()) achievement["nqfLevel"] = programme.nqf_level;
  if (!form.joint_with.empty()) {
    json bodies = json::array({BodyObject(issuer)});
    std::vector<std::string> seen = {issuer.did};
    for (const auto& body : form.joint_with) {
      if (body.did.rfind("did:", 0) != 0)
        return Status::InvalidCredential("--joint-with \"" + body.did + "\": an awarding body is named by its DID");
      if (std::find(seen.begin(), seen.end(), body.did) != seen.end())
        return Status::InvalidCredential("--joint-with " + body.did +
                                         (body.did == issuer.did ? ": that is this issuer, the lead awarding body"
                                                                 : ": named twice"));
      seen.push_back(body.did);
      bodies.push_back(BodyObject(body));
    }
    achievement["awardingBody"] = std::move(bodies);
  }
  if (form.agreement) achievement["agreement"] = *form.agreement;
  if (form.paired_with) achievement["pairedDiploma"] = *form.paired_with;
  return vc;
}

}  // namespace passerelle
