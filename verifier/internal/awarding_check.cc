// Passerelle (verifier internal) — joint awards: every awarding body signs.
#include "verifier/internal/awarding_check.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "formats/json.h"
#include "keys/did_document.h"
#include "verifier/trust_registry.h"

namespace passerelle::internal {

using nlohmann::json;

namespace {

const json* AwardingBodyMember(const json& document, std::string* subject_pointer) {
  const json* s = FindMember(document, "credentialSubject");
  *subject_pointer = "/credentialSubject";
  if (s != nullptr && s->is_array()) {
    s = s->empty() ? nullptr : &(*s)[0];
    *subject_pointer = "/credentialSubject/0";
  }
  if (s == nullptr || !s->is_object()) return nullptr;
  const json* a = FindMember(*s, "achievement");
  if (a == nullptr || !a->is_object()) return nullptr;
  return FindMember(*a, "awardingBody");
}

std::string StringOr(const json& o, std::string_view name) {
  const json* m = FindMember(o, name);
  if (m == nullptr) return {};
  if (m->is_string()) return m->get<std::string>();
  // A language map: its English text, else its first.
  if (m->is_object()) {
    if (const json* en = FindMember(*m, "en"); en != nullptr && en->is_string()) return en->get<std::string>();
    for (const auto& v : *m)
      if (v.is_string()) return v.get<std::string>();
  }
  return {};
}

}  // namespace

bool NamesOtherAwardingBodies(const Credential& vc) {
  // Read from the member itself, as Achievement::awarding_bodies lists it
  // (a DID, or an object with an id; in an array, entries of neither shape
  // are skipped): building the whole achievement for this costs more than
  // the rest of a credential's checks.
  std::string at;
  const json* member = AwardingBodyMember(vc.unsecured(), &at);
  if (member == nullptr || !vc.uses_passerelle_context()) return false;
  const std::string& issuer = vc.issuer().id;
  const auto names_other = [&issuer](const json& entry) {
    if (entry.is_string()) return entry.get_ref<const std::string&>() != issuer;
    const json* id = entry.is_object() ? FindMember(entry, "id") : nullptr;
    if (id == nullptr) return false;
    return (id->is_string() ? std::string_view(id->get_ref<const std::string&>()) : std::string_view()) != issuer;
  };
  if (member->is_array()) return std::any_of(member->begin(), member->end(), names_other);
  return names_other(*member);
}

Status CheckAwardingBodies(const Credential& vc, const ProofCheckOutcome& proofs, const VerifyOptions& options,
                           std::string* detail) {
  std::string subject;
  const json* member = AwardingBodyMember(vc.unsecured(), &subject);
  if (member == nullptr) return Status::Ok();
  const std::string base = subject + "/achievement/awardingBody";
  // Each entry and its pointer: a DID string or an object with an id.
  std::vector<std::pair<const json*, std::string>> entries;
  if (member->is_array()) {
    for (std::size_t i = 0; i < member->size(); ++i) entries.emplace_back(&(*member)[i], base + "/" + std::to_string(i));
  } else {
    entries.emplace_back(member, base);
  }
  const std::string& issuer = vc.issuer().id;
  std::vector<std::string> names;
  for (const auto& [entry, where] : entries) {
    std::string id = entry->is_string() ? entry->get<std::string>() : entry->is_object() ? StringOr(*entry, "id") : "";
    if (id.empty())
      return Status::InvalidCredential(where + ": an awarding body is a DID, or an object with its DID as id")
          .AtPointer(where);
    const std::string name = entry->is_object() ? StringOr(*entry, "name") : std::string();
    names.push_back(name.empty() ? id : name);
    if (id == issuer) continue;
    const std::string who = id + (name.empty() ? std::string() : " (" + name + ")");
    std::vector<std::string> methods;
    std::vector<std::optional<Timestamp>> created;
    for (std::size_t i = 0; i < proofs.methods.size(); ++i)
      if (DidOf(proofs.methods[i]) == id) {
        methods.push_back(proofs.methods[i]);
        created.push_back(i < proofs.created.size() ? proofs.created[i] : std::nullopt);
      }
    if (methods.empty())
      return Status::VerificationFailed(where + ": incomplete: " + who +
                                        " is named as an awarding body but has not signed this credential")
          .AtPointer(where);
    if (std::find(options.trusted_issuers.begin(), options.trusted_issuers.end(), id) !=
        options.trusted_issuers.end())
      continue;
    const AccreditedIssuer* accredited =
        options.trust_registry != nullptr ? options.trust_registry->FindIssuer(id) : nullptr;
    if (accredited == nullptr)
      return Status::UntrustedIssuer(where + ": the awarding body " + who +
                                     " is trusted by no trust anchor given to the verifier")
          .AtPointer(where);
    const json* country = entry->is_object() ? FindMember(*entry, "country") : nullptr;
    std::string ignored;
    Status s = options.trust_registry->CheckAwardingBody(*accredited, vc.unsecured(), country, where, methods,
                                                         created, options.now, &ignored);
    if (!s.ok()) return s.pointer().empty() ? std::move(s).AtPointer(where) : s;
  }
  std::string list;
  for (std::size_t i = 0; i < names.size(); ++i)
    list += (i == 0 ? "" : i + 1 == names.size() ? " and " : ", ") + names[i];
  *detail = "awarded jointly by " + list + ": each signed it and is trusted for it";
  return Status::Ok();
}

}  // namespace passerelle::internal
