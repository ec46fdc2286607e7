// Passerelle — trust lists chained to the operator's roots.
#include "verifier/trust_registry.h"

#include <algorithm>
#include <utility>

#include <nlohmann/json.hpp>

#include "formats/data_integrity.h"
#include "formats/json.h"
#include "formats/profile.h"
#include "env/env.h"
#include "keys/public_key.h"
#include "verifier/verifier.h"

namespace passerelle {
namespace {

using nlohmann::json;

// A national list of a few thousand entries is a few MB.
constexpr std::size_t kMaxTrustListBytes = 8u << 20;
constexpr int kMaxTrustListDepth = 16;

bool InWindow(const std::optional<Timestamp>& from, const std::optional<Timestamp>& until, Timestamp t) {
  return (!from || !(t < *from)) && (!until || t < *until);
}

}  // namespace

Result<DidDocument> DocumentFor(const TrustedEntity& e) {
  DidDocument d;
  d.id = e.did;
  for (const auto& k : e.keys) {
    auto key = Ed25519PublicKey::FromMultibase(k.public_key_multibase);
    if (!key.ok()) return key.status().Annotate("trust list key " + k.id);
    // A compromised key signs nothing from that date on: status lists and
    // trust lists it signed after it are refused like credentials.
    std::optional<Timestamp> until = k.not_after;
    if (k.compromised_from && (!until || *k.compromised_from < *until)) until = k.compromised_from;
    d.methods.push_back(VerificationMethod{k.id, e.did, *key, until, k.not_before});
    d.assertion_method.push_back(k.id);
    d.authentication.push_back(k.id);
  }
  return d;
}

namespace {

// The document and the list it holds, read once. Errors: kMalformed (not
// JSON), kInvalidCredential (format), both annotated with `name`.
Result<std::pair<json, TrustList>> ReadList(std::string_view text, const std::string& name) {
  auto doc = ParseJson(text, JsonLimits{kMaxTrustListBytes, kMaxTrustListDepth});
  if (!doc.ok()) return doc.status().Annotate(name);
  auto list = ParseTrustList(*doc);
  if (!list.ok()) return list.status().Annotate(name);
  return std::make_pair(std::move(*doc), std::move(*list));
}

// Checks the proof and validity of `doc` (which holds `list`) with `signer`
// (an entity whose keys sign it) or `resolver`.
Status CheckSignedList(const json& doc, const TrustList& list, const std::string& name, Timestamp now,
                       const DidResolver& resolver, const TrustedEntity* signer) {
  VerifyOptions options;
  options.now = now;
  options.resolver = resolver;
  if (signer != nullptr) {
    if (signer->did != list.issuer) return Status::Internal("CheckSignedList: signer mismatch");
    PSL_ASSIGN_OR_RETURN(DidDocument signer_doc, DocumentFor(*signer));
    options.resolver.Add(std::move(signer_doc));
  }
  auto document = CredentialFromJson(doc);
  if (!document.ok()) return document.status().Annotate(name);
  auto verified = VerifySignedDocument(*document, list.issuer, options);
  if (!verified.ok()) {
    Code code = verified.status().code() == Code::kExpired ? Code::kExpired : Code::kVerificationFailed;
    return Status(code, name + ": trust list signed by " + list.issuer + " refused: " + verified.status().message());
  }
  if (signer != nullptr) {
    // The signer's listed keys and windows bind, whatever its DID method
    // (a did:key resolves without them).
    for (std::size_t i = 0; i < verified->methods.size(); ++i) {
      const std::string& method = verified->methods[i];
      const std::optional<Timestamp>& created = verified->created[i];
      auto key = std::find_if(signer->keys.begin(), signer->keys.end(),
                              [&](const TrustedKey& k) { return k.id == method; });
      if (key == signer->keys.end())
        return Status::VerificationFailed(name + ": signed with " + method + ", a key the root does not give for " +
                                          signer->did);
      if (!created || !InWindow(key->not_before, key->not_after, *created))
        return Status::VerificationFailed(name + ": signed with " + key->id + " outside its window in the root");
      // `created` is the signer's own word: a retired (perhaps stolen) key
      // backdating a fresh list must not outlive its window through it.
      if ((key->not_after && *key->not_after < list.valid_until) ||
          (signer->not_after && *signer->not_after < list.valid_until))
        return Status::VerificationFailed(name + ": valid until " + FormatDateTime(list.valid_until) +
                                          ", beyond the end of its signer's key or accreditation in the root");
    }
  }
  return Status::Ok();
}

}  // namespace

Status TrustRegistry::AddRoot(std::string_view json_text, const std::string& name, Timestamp now,
                              const DidResolver& resolver) {
  PSL_ASSIGN_OR_RETURN(auto read, ReadList(json_text, name));
  const auto& [doc, list] = read;
  // A root may list its own signer, whose keys then check its signature.
  const TrustedEntity* self = nullptr;
  for (const auto& e : list.entities)
    if (e.did == list.issuer) self = &e;
  if (self == nullptr && list.issuer.rfind("did:web:", 0) == 0)
    return Status::VerificationFailed(name + ": a root list signed with did:web must name its own signer " +
                                      list.issuer + " among its entries, so that it can be checked offline");
  PSL_RETURN_IF_ERROR(CheckSignedList(doc, list, name, now, resolver, self));
  const std::string label = list.id.empty() ? name : list.id;
  for (const auto& e : list.entities)
    if (e.role == TrustRole::kAuthority) {
      authorities_.erase(std::remove_if(authorities_.begin(), authorities_.end(),
                                        [&](const Authority& a) { return a.entity.did == e.did; }),
                         authorities_.end());
      authorities_.push_back({e, label, list.valid_from, list.valid_until});
    }
  return AddIssuers(list, label, list.issuer, std::nullopt, list.valid_from, list.valid_until, std::nullopt);
}

Status TrustRegistry::AddList(std::string_view json_text, const std::string& name, Timestamp now,
                              const DidResolver& resolver) {
  PSL_ASSIGN_OR_RETURN(auto read, ReadList(json_text, name));
  return AddReadList(read.first, read.second, name, now, resolver, std::nullopt);
}

Status TrustRegistry::AddListDocument(const json& document, const std::string& name, Timestamp now,
                                      const DidResolver& resolver, std::optional<Timestamp> confirmed_at) {
  auto list = ParseTrustList(document);
  if (!list.ok()) return list.status().Annotate(name);
  return AddReadList(document, *list, name, now, resolver, confirmed_at);
}

Status TrustRegistry::AddReadList(const json& doc, const TrustList& list, const std::string& name, Timestamp now,
                                  const DidResolver& resolver, std::optional<Timestamp> confirmed_at) {
  // The signer must be an authority of a root before any of it is trusted.
  const Authority* authority = nullptr;
  for (const auto& a : authorities_)
    if (a.entity.did == list.issuer) authority = &a;
  if (authority == nullptr)
    return Status::UntrustedIssuer(name + ": signed by " + list.issuer +
                                   ", which no trust root names as an authority (give its root with --trust-root)");
  if (!InWindow(authority->entity.not_before, authority->entity.not_after, now))
    return Status::UntrustedIssuer(name + ": the authority " + list.issuer + " is not in force at " +
                                   FormatDateTime(now) + " according to " + authority->root);
  PSL_RETURN_IF_ERROR(CheckSignedList(doc, list, name, now, resolver, &authority->entity));
  const std::string label = list.id.empty() ? name : list.id;
  for (const auto& e : list.entities)
    if (e.role != TrustRole::kIssuer)
      return Status::UntrustedIssuer(name + ": names " + e.did +
                                     " as an authority; only a root list may name authorities");
  return AddIssuers(list, label, list.issuer, authority->entity.country, authority->root_valid_from,
                    authority->root_valid_until, confirmed_at);
}

Status TrustRegistry::AddIssuers(const TrustList& list, const std::string& label, const std::string& signer,
                                 const std::optional<std::string>& country, Timestamp root_valid_from,
                                 Timestamp root_valid_until, std::optional<Timestamp> confirmed_at) {
  std::vector<AccreditedIssuer> added;
  for (const auto& e : list.entities) {
    if (e.role != TrustRole::kIssuer) continue;
    if (country && e.country != *country)
      return Status::UntrustedIssuer(label + ": " + signer + " answers for " + *country + " and cannot accredit " +
                                     e.did + " (" + e.country + ")");
    // Every key must make a document now: keys come from the list, never
    // from an unsigned DID document instead.
    if (auto doc = DocumentFor(e); !doc.ok()) return doc.status().Annotate(label);
    added.push_back({e, signer, label, list.valid_from, list.valid_until, root_valid_from, root_valid_until,
                     confirmed_at, !country.has_value()});
  }
  // A newer version of the same list replaces the older one.
  const auto list_key = std::make_pair(signer, label);
  if (auto it = lists_.find(list_key); it != lists_.end() && list.valid_from < it->second)
    return Status::InvalidArgument(label + ": an older version of a list already loaded (validFrom " +
                                   FormatDateTime(list.valid_from) + ")");
  for (auto it = issuers_.begin(); it != issuers_.end();)
    it = it->second.accredited_by == signer && it->second.list_id == label ? issuers_.erase(it) : std::next(it);
  for (auto& a : added) {
    // An issuer answers to one authority. Claimed by two, it is trusted by
    // neither (whatever the order lists are read in), and the rest of each
    // list still holds: one authority cannot knock out another's list.
    if (disputed_.count(a.entity.did) != 0) continue;
    if (auto it = issuers_.find(a.entity.did); it != issuers_.end() && it->second.accredited_by != signer) {
      warnings_.push_back(a.entity.did + " is accredited both by " + it->second.accredited_by + " (" +
                          it->second.list_id + ") and by " + signer + " (" + label + "): trusted by neither");
      disputed_.insert(a.entity.did);
      issuers_.erase(it);
      continue;
    }
    std::string did = a.entity.did;
    issuers_.insert_or_assign(std::move(did), std::move(a));
  }
  lists_[list_key] = list.valid_from;
  return Status::Ok();
}

const AccreditedIssuer* TrustRegistry::FindIssuer(std::string_view did) const {
  auto it = issuers_.find(did);
  return it == issuers_.end() ? nullptr : &it->second;
}

std::vector<const TrustedEntity*> TrustRegistry::Authorities() const {
  std::vector<const TrustedEntity*> out;
  for (const auto& a : authorities_) out.push_back(&a.entity);
  return out;
}

std::vector<const AccreditedIssuer*> TrustRegistry::Issuers() const {
  std::vector<const AccreditedIssuer*> out;
  for (const auto& [did, i] : issuers_) out.push_back(&i);
  return out;
}

std::optional<Timestamp> TrustRegistry::OldestList() const {
  std::optional<Timestamp> oldest;
  for (const auto& [did, i] : issuers_) {
    const Timestamp from = std::min(i.list_valid_from, i.root_valid_from);
    if (!oldest || from < *oldest) oldest = from;
  }
  return oldest;
}

void TrustRegistry::AddKeysTo(DidResolver& resolver) const {
  for (const auto& [did, i] : issuers_)
    if (auto doc = DocumentFor(i.entity); doc.ok()) resolver.Add(std::move(*doc));
}

Status TrustRegistry::CheckIssuer(const AccreditedIssuer& issuer, const json& credential,
                                  const std::vector<std::string>& methods,
                                  const std::vector<std::optional<Timestamp>>& created, Timestamp now,
                                  std::string* detail) const {
  // The country the credential claims is the one the entry was accredited in.
  const json* country = nullptr;
  if (const json* iss = FindMember(credential, "issuer"); iss != nullptr && iss->is_object())
    country = FindMember(*iss, "country");
  return CheckEntity(issuer, credential, country, "/issuer", methods, created, now, detail);
}

Status TrustRegistry::CheckAwardingBody(const AccreditedIssuer& body, const json& credential, const json* country,
                                        const std::string& where, const std::vector<std::string>& methods,
                                        const std::vector<std::optional<Timestamp>>& created, Timestamp now,
                                        std::string* detail) const {
  return CheckEntity(body, credential, country, where, methods, created, now, detail);
}

Status TrustRegistry::CheckEntity(const AccreditedIssuer& issuer, const json& credential, const json* country,
                                  const std::string& where, const std::vector<std::string>& methods,
                                  const std::vector<std::optional<Timestamp>>& created, Timestamp now,
                                  std::string* detail) const {
  const TrustedEntity& e = issuer.entity;
  if (!(now < issuer.list_valid_until))
    return Status::UntrustedIssuer(where + ": the trust list accrediting " + e.did + " (" + issuer.list_id +
                                   ") expired at " + FormatDateTime(issuer.list_valid_until) + "; fetch its new version");
  if (!(now < issuer.root_valid_until))
    return Status::UntrustedIssuer(where + ": the root trust list behind " + e.did + " expired at " +
                                   FormatDateTime(issuer.root_valid_until) + "; install its new version");
  const std::string who = e.did + " (accredited by " + issuer.accredited_by + ", " + issuer.list_id + ")";
  for (std::size_t i = 0; i < methods.size(); ++i) {
    auto key = std::find_if(e.keys.begin(), e.keys.end(), [&](const TrustedKey& k) { return k.id == methods[i]; });
    if (key == e.keys.end())
      return Status::UntrustedIssuer(where + ": " + methods[i] + " is not a key the trust list gives for " + who);
    if (i >= created.size() || !created[i])
      return Status::UntrustedIssuer("/proof: undated proof: a trust list only vouches for keys within their windows");
    const Timestamp t = *created[i];
    if (key->compromised_from && !(t < *key->compromised_from))
      return Status::UntrustedIssuer("/proof/created: key " + key->id + " was reported compromised from " +
                                     FormatDateTime(*key->compromised_from) + " by " + issuer.accredited_by +
                                     "; this proof is dated " + FormatDateTime(t));
    if (!InWindow(key->not_before, key->not_after, t))
      return Status::UntrustedIssuer("/proof/created: " + FormatDateTime(t) + " is outside the window of key " +
                                     key->id + " in the trust list");
    if (!InWindow(e.not_before, e.not_after, t))
      return Status::UntrustedIssuer("/proof/created: " + e.did + " was not accredited at " + FormatDateTime(t));
  }
  if (country != nullptr && !JsonStringEquals(*country, e.country))
    return Status::UntrustedIssuer(where + "/country: " + e.did + " is accredited in " + e.country +
                                   ", not in the country the credential names");
  // Scope: what kind of credential, at which EQF level.
  if (!e.credential_kinds.empty() || !e.eqf_levels.empty()) {
    if (!UsesPasserelleContext(credential))
      return Status::UntrustedIssuer("/@context: " + who +
                                     " is accredited for Passerelle credentials of a given kind; this is not one");
    auto kind = KindOf(credential);
    if (!kind.ok()) return Status::UntrustedIssuer(kind.status().message());
    if (!e.credential_kinds.empty() &&
        std::find(e.credential_kinds.begin(), e.credential_kinds.end(), CredentialKindName(*kind)) ==
            e.credential_kinds.end())
      return Status::UntrustedIssuer("/type: " + e.did + " is not accredited to issue " + CredentialKindName(*kind) +
                                     " credentials");
    if (!e.eqf_levels.empty()) {
      const json* subject = FindMember(credential, "credentialSubject");
      const json* achievement = subject != nullptr ? FindMember(*subject, "achievement") : nullptr;
      const json* level = achievement != nullptr ? FindMember(*achievement, "eqfLevel") : nullptr;
      if (level != nullptr && level->is_string()) {
        const std::string& iri = level->get_ref<const std::string&>();
        int n = iri.empty() ? 0 : iri.back() - '0';
        if (std::find(e.eqf_levels.begin(), e.eqf_levels.end(), n) == e.eqf_levels.end())
          return Status::UntrustedIssuer("/credentialSubject/achievement/eqfLevel: " + e.did +
                                         " is not accredited at EQF level " + std::to_string(n));
      }
    }
  }
  *detail = e.did + " is accredited by " + issuer.accredited_by + " (" + issuer.list_id + ", valid until " +
            FormatDateTime(issuer.list_valid_until) + ")";
  return Status::Ok();
}

Status AddTrustListFiles(TrustRegistry& registry, const std::vector<std::string>& root_files,
                         const std::vector<std::string>& list_files, Timestamp now, const DidResolver& resolver) {
  auto add = [&](const std::string& file, bool root) -> Status {
    const char* option = root ? "--trust-root" : "--trust-list";
    auto text = Env::Default().ReadFileBounded(file, kMaxTrustListBytes);
    if (!text.ok()) return text.status().Annotate(option);
    Status s = root || root_files.empty() ? registry.AddRoot(*text, file, now, resolver)
                                          : registry.AddList(*text, file, now, resolver);
    return s.ok() ? s : s.Annotate(std::string(option) + " \"" + file + "\"");
  };
  for (const auto& f : root_files) PSL_RETURN_IF_ERROR(add(f, true));
  for (const auto& f : list_files) PSL_RETURN_IF_ERROR(add(f, false));
  return Status::Ok();
}

}  // namespace passerelle
