// Passerelle wallet — credential summaries for the index.
#include "wallet-cli/credential_summary.h"

#include "formats/json.h"
#include "formats/profile.h"
#include "formats/vc_model.h"

namespace passerelle::wallet {

using nlohmann::json;

namespace {

std::string StringMember(const json& o, std::string_view name) {
  const json* m = o.is_object() ? FindMember(o, name) : nullptr;
  return m != nullptr && m->is_string() ? m->get<std::string>() : std::string();
}

const json* FirstSubject(const json& vc) {
  const json* s = FindMember(vc, "credentialSubject");
  if (s != nullptr && s->is_array()) return s->empty() ? nullptr : &(*s)[0];
  return s != nullptr && s->is_object() ? s : nullptr;
}

int EqfLevelOf(const json& achievement) {
  std::string iri = StringMember(achievement, "eqfLevel");
  if (iri.rfind(kEqfLevelPrefix, 0) != 0) return 0;
  std::string digits = iri.substr(kEqfLevelPrefix.size());
  if (digits.size() != 1 || digits[0] < '1' || digits[0] > '8') return 0;
  return digits[0] - '0';
}

}  // namespace

CredentialSummary SummarizeCredential(const json& vc) {
  CredentialSummary s;
  s.credential_id = StringMember(vc, "id");
  auto kind = KindOf(vc);
  s.kind = UsesPasserelleContext(vc) && kind.ok() ? CredentialKindName(*kind) : "credential";
  if (auto issuer = CredentialIssuerId(vc); issuer.ok()) s.issuer_id = *issuer;
  if (const json* issuer = FindMember(vc, "issuer"); issuer != nullptr && issuer->is_object()) {
    const json* name = FindMember(*issuer, "name");
    if (name != nullptr && name->is_string()) s.issuer_name = name->get<std::string>();
  }
  s.valid_from = StringMember(vc, "validFrom");
  if (s.valid_from.empty()) s.valid_from = StringMember(vc, "issuanceDate");
  s.valid_until = StringMember(vc, "validUntil");
  if (s.valid_until.empty()) s.valid_until = StringMember(vc, "expirationDate");
  s.has_status = FindMember(vc, "credentialStatus") != nullptr;
  s.status = s.has_status ? "unknown" : "none";
  if (const json* subject = FirstSubject(vc)) {
    s.subject_id = StringMember(*subject, "id");
    const json* achievement = FindMember(*subject, "achievement");
    if (achievement != nullptr && achievement->is_object()) {
      if (const json* t = FindMember(*achievement, "title"); t && (t->is_object() || t->is_string()))
        s.title = *t;
      s.eqf_level = EqfLevelOf(*achievement);
      if (const json* e = FindMember(*achievement, "ects"); e && e->is_number()) s.ects = e->get<double>();
    }
  }
  if (s.title.is_null()) {
    if (const json* name = FindMember(vc, "name"); name && (name->is_string() || name->is_object()))
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
