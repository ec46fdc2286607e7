// Passerelle — signing credentials for the register.
#include "issuer/service/issuance.h"

#include "formats/json.h"
#include "formats/profile.h"
#include "issuer/credential_signer.h"
#include "issuer/status/status_entries.h"

namespace passerelle {

using nlohmann::json;

namespace {

std::string SubjectLabel(const json& credential) {
  const json* s = FindMember(credential, "credentialSubject");
  if (s != nullptr && s->is_array() && !s->empty()) s = &(*s)[0];
  if (s == nullptr || !s->is_object()) return {};
  for (const char* name : {"id", "name"})
    if (const json* v = FindMember(*s, name); v != nullptr && v->is_string()) return v->get<std::string>();
  return {};
}

// The learner's name as the credential states it: `name`, else the given
// and family names; "" when it names nobody.
std::string LearnerName(const json& credential) {
  const json* s = FindMember(credential, "credentialSubject");
  if (s != nullptr && s->is_array() && !s->empty()) s = &(*s)[0];
  if (s == nullptr || !s->is_object()) return {};
  if (const json* name = FindMember(*s, "name"); name != nullptr && name->is_string()) return name->get<std::string>();
  std::string name;
  for (const char* part : {"givenName", "familyName"})
    if (const json* v = FindMember(*s, part); v != nullptr && v->is_string())
      name += (name.empty() ? "" : " ") + v->get<std::string>();
  // Open Badges 3.0 names the learner by an unhashed IdentityObject of type "name".
  if (const json* ids = FindMember(*s, "identifier"); name.empty() && ids != nullptr && ids->is_array())
    for (const auto& id : *ids) {
      const json* type = FindMember(id, "identityType");
      const json* hashed = FindMember(id, "hashed");
      const json* value = FindMember(id, "identityHash");
      if (type != nullptr && *type == "name" && hashed != nullptr && *hashed == false && value != nullptr &&
          value->is_string())
        return value->get<std::string>();
    }
  return name;
}

}  // namespace

std::string KindLabel(const json& credential) {
  if (UsesPasserelleContext(credential)) {
    auto kind = KindOf(credential);
    if (kind.ok()) return CredentialKindName(*kind);
  }
  return "credential";
}

Result<std::unique_ptr<SignedIssuance>> SignForIssuance(const IssuanceContext& context, IssueRequest request) {
  if (context.signer == nullptr) return Status::Internal("issuance without a signer");
  json& credential = request.credential;
  if (!credential.is_object()) return Status::InvalidCredential("the credential must be a JSON object");
  std::vector<store::StatusSlot> slots;
  if (request.with_status && context.slots != nullptr) {
    // Refuse bad input before spending indexes on it.
    PSL_RETURN_IF_ERROR(CheckIncomingStatus(credential));
    PSL_ASSIGN_OR_RETURN(slots, context.slots->TakeForCredential());
    PSL_RETURN_IF_ERROR(AddStatusEntries(credential, slots, context.public_base_url));
  }
  auto snapshot = context.signer->Current();
  Timestamp now = context.env->Now();
  now.nanos = 0;
  PSL_ASSIGN_OR_RETURN(json signed_credential,
                       SignCredential(snapshot->issuer, snapshot->key, credential, SignRequest{request.suite, now}));
  auto out = std::make_unique<SignedIssuance>();
  store::CredentialRecord& r = out->pending.record;
  if (const json* id = FindMember(signed_credential, "id"); id != nullptr && id->is_string())
    r.id = id->get<std::string>();
  if (r.id.empty()) return Status::InvalidCredential("/id: a credential entering the register needs an id");
  r.kind = request.kind.empty() ? KindLabel(signed_credential) : request.kind;
  r.subject = SubjectLabel(signed_credential);
  r.learner = LearnerName(signed_credential);
  r.programme = request.programme;
  r.module = request.module;
  r.trainee = request.trainee;
  r.status = std::move(slots);
  r.issued_at = now;
  r.actor = request.actor;
  r.idempotency_key = request.idempotency_key;
  r.suite = CryptosuiteName(request.suite);
  out->pending.document = DumpJson(signed_credential);
  out->credential = std::move(signed_credential);
  return out;
}

}  // namespace passerelle
