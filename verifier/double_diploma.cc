// Passerelle — double diplomas: two diplomas that name each other.
#include "verifier/double_diploma.h"

#include <nlohmann/json.hpp>

#include "formats/json.h"

namespace passerelle {

using nlohmann::json;

std::optional<DiplomaPairing> PairingOf(const Credential& credential) {
  const Achievement* a = credential.achievement();
  if (a == nullptr || a->kind != CredentialKind::kDiploma) return std::nullopt;
  const json* s = FindMember(credential.unsecured(), "credentialSubject");
  if (s != nullptr && s->is_array()) s = s->empty() ? nullptr : &(*s)[0];
  const json* ach = s != nullptr && s->is_object() ? FindMember(*s, "achievement") : nullptr;
  if (ach == nullptr || !ach->is_object()) return std::nullopt;
  const json* agreement = FindMember(*ach, "agreement");
  const json* paired = FindMember(*ach, "pairedDiploma");
  if (paired == nullptr || !paired->is_string()) return std::nullopt;
  DiplomaPairing p;
  p.paired_with = paired->get<std::string>();
  if (agreement != nullptr && agreement->is_string()) p.agreement = agreement->get<std::string>();
  return p;
}

Status CheckDoubleDiploma(const Credential& a, const Credential& b) {
  auto pa = PairingOf(a);
  auto pb = PairingOf(b);
  const std::string an = a.id().empty() ? "(no id)" : a.id();
  const std::string bn = b.id().empty() ? "(no id)" : b.id();
  if (!pa || !pb)
    return Status::VerificationFailed((!pa ? an : bn) + " is not a diploma of a double diploma (no pairedDiploma)");
  if (pa->paired_with != b.id() || pb->paired_with != a.id())
    return Status::VerificationFailed(an + " names " + pa->paired_with + " and " + bn + " names " + pb->paired_with +
                                      ": they are not paired with each other");
  if (pa->agreement != pb->agreement)
    return Status::VerificationFailed("the two diplomas name different agreements (\"" + pa->agreement + "\", \"" +
                                      pb->agreement + "\")");
  if (a.subject_ids() != b.subject_ids() || a.subject_ids().empty() || a.subject_ids().front().empty())
    return Status::VerificationFailed("the two diplomas are not about the same learner");
  if (a.issuer().id == b.issuer().id)
    return Status::VerificationFailed("both diplomas are awarded by " + a.issuer().id +
                                      ": a double diploma is one diploma from each university");
  return Status::Ok();
}

}  // namespace passerelle
