// Passerelle wallet — credential summaries for the index.
#include "wallet-cli/credential_summary.h"

#include "formats/json.h"
#include "formats/profile.h"
#include "formats/vc_model.h"

namespace passerelle::wallet {

using nlohmann::json;

CredentialSummary SummarizeCredential(const Credential& vc) {
  CredentialSummary s;
  s.credential_id = vc.id();
  const Achievement* achievement = vc.achievement();
  s.kind = achievement != nullptr && achievement->kind ? CredentialKindName(*achievement->kind) : "credential";
  s.issuer_id = vc.issuer().id;
  s.issuer_name = std::string(PickLanguage(vc.issuer().name, ""));
  // As written: the index shows dates the way the credential states them.
  const json& doc = vc.unsecured();
  for (auto [names, field] : {std::pair{std::pair{"validFrom", "issuanceDate"}, &s.valid_from},
                              {{"validUntil", "expirationDate"}, &s.valid_until}}) {
    for (const char* name : {names.first, names.second}) {
      const json* m = FindMember(doc, name);
      if (field->empty() && m != nullptr && m->is_string()) *field = m->get<std::string>();
    }
  }
  s.has_status = vc.has_status();
  s.status = s.has_status ? "unknown" : "none";
  if (!vc.subject_ids().empty()) s.subject_id = vc.subject_ids().front();
  if (achievement != nullptr) {
    s.title = LanguageMapToJson(achievement->title);
    s.eqf_level = achievement->eqf_level;
    s.ects = achievement->ects;
  }
  if (s.title.is_null()) {
    if (const json* name = FindMember(doc, "name"); name && (name->is_string() || name->is_object()))
      s.title = *name;
  }
  return s;
}

json SummaryToJson(const CredentialSummary& s) {
  json o = {{"credentialId", s.credential_id}, {"kind", s.kind},         {"title", s.title},
            {"issuer", s.issuer_id},           {"issuerName", s.issuer_name},
            {"subject", s.subject_id},         {"eqfLevel", s.eqf_level}, {"validFrom", s.valid_from},
            {"validUntil", s.valid_until},     {"hasStatus", s.has_status}, {"status", s.status},
            {"statusCheckedAt", s.status_checked_at}};
  o["ects"] = s.ects ? json(*s.ects) : json(nullptr);
  return o;
}

Result<CredentialSummary> SummaryFromJson(const json& o) {
  if (!o.is_object()) return Status::Malformed("summary: must be an object");
  CredentialSummary s;
  for (auto [name, field] : {std::pair{"credentialId", &s.credential_id}, {"kind", &s.kind},
                             {"issuer", &s.issuer_id}, {"issuerName", &s.issuer_name},
                             {"subject", &s.subject_id}, {"validFrom", &s.valid_from},
                             {"validUntil", &s.valid_until}, {"status", &s.status},
                             {"statusCheckedAt", &s.status_checked_at}}) {
    PSL_ASSIGN_OR_RETURN(*field, GetString(o, name, "summary"));
  }
  const json* title = FindMember(o, "title");
  s.title = title != nullptr ? *title : json(nullptr);
  const json* eqf = FindMember(o, "eqfLevel");
  if (eqf == nullptr || !eqf->is_number_integer()) return Status::Malformed("summary/eqfLevel: must be an integer");
  s.eqf_level = eqf->get<int>();
  const json* ects = FindMember(o, "ects");
  if (ects != nullptr && ects->is_number()) s.ects = ects->get<double>();
  const json* has_status = FindMember(o, "hasStatus");
  s.has_status = has_status != nullptr && has_status->is_boolean() && has_status->get<bool>();
  return s;
}

}  // namespace passerelle::wallet
