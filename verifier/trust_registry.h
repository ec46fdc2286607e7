// Passerelle — the trust a verifier derives from signed trust lists.
//
// The operator configures root lists (anchors, like a CA bundle: chosen, not
// proven). A root names trust authorities (one per country) and may name
// issuers directly. Every other list must be signed by an authority of a
// root, with a key in force when it signed, and may only name issuers of
// that authority's country. An issuer is then trusted for what its entry
// allows (credential kinds, EQF levels), for credentials signed with one of
// its listed keys inside the key's and the accreditation's windows.
// docs/formats/trust-list.md. Build once, then share read-only: const
// methods are thread-safe.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "formats/datetime.h"
#include "formats/status.h"
#include "formats/trust_list.h"
#include "keys/did_document.h"

namespace passerelle {

// The DID document an entity's listed keys make: every key for assertions
// and authentication, with its window. Errors: kInvalidArgument (a key that
// is not an Ed25519 Multikey), naming it.
Result<DidDocument> DocumentFor(const TrustedEntity& entity);

// An issuer as the registry knows it, and which list vouches for it.
struct AccreditedIssuer {
  TrustedEntity entity;
  std::string accredited_by;  // DID of the authority (or root) that signed the list
  std::string list_id;        // that list's id, or its file name when it has none
  Timestamp list_valid_from;
  Timestamp list_valid_until;
  // The root the chain starts from (the same list for issuers a root names).
  Timestamp root_valid_from;
  Timestamp root_valid_until;
  // When the verifier last confirmed the list (`verifier sync`: fetched, or
  // answered 304); none for a list given as a file.
  std::optional<Timestamp> confirmed_at;
  // True when a root names the issuer itself (the operator's anchor).
  bool named_by_root = false;
};

class TrustRegistry {
 public:
  // Adds a root list given as JSON text. Its proof must verify (with a key
  // from its own entries, a did:key, or `resolver`) and it must be valid at
  // `now`. `name` labels it in messages (a file name).
  // Errors: kMalformed (not JSON), kInvalidCredential (format),
  // kVerificationFailed (bad proof), kExpired (outside its validity).
  Status AddRoot(std::string_view json_text, const std::string& name, Timestamp now,
                 const DidResolver& resolver = {});
  // Adds a list signed by an authority of a root already added. Same errors,
  // and kUntrustedIssuer when no root names its signer as an authority in
  // force at `now`, or when it names an issuer outside the authority's country
  // or another authority. A newer version of a list already added (same
  // signer and id, later validFrom) replaces it. An issuer another authority
  // already accredits is set aside (see warnings()), not the whole list.
  Status AddList(std::string_view json_text, const std::string& name, Timestamp now,
                 const DidResolver& resolver = {});
  // The same for a document already parsed (within the same size and depth
  // limits as text: at most 8 MiB, depth 16).
  // `confirmed_at`: when sync last confirmed the list (its freshness).
  Status AddListDocument(const nlohmann::json& document, const std::string& name, Timestamp now,
                         const DidResolver& resolver = {}, std::optional<Timestamp> confirmed_at = std::nullopt);

  // What loading the lists set aside, for the operator: issuers claimed by
  // two authorities (trusted by neither).
  const std::vector<std::string>& warnings() const { return warnings_; }

  // The accredited issuer with this DID, or nullptr.
  const AccreditedIssuer* FindIssuer(std::string_view did) const;
  bool empty() const { return issuers_.empty(); }
  // Every authority the roots name, and every accredited issuer (for
  // `verifier sync`, which follows their publishedAt URLs).
  std::vector<const TrustedEntity*> Authorities() const;
  std::vector<const AccreditedIssuer*> Issuers() const;
  // The oldest validFrom among the lists in use (the verdict's trust freshness).
  std::optional<Timestamp> OldestList() const;

  // Adds to `resolver` a DID document per accredited issuer, holding its
  // listed keys with their windows: keys then come from signed lists,
  // offline, even for did:web issuers. Replaces documents of the same DIDs.
  void AddKeysTo(DidResolver& resolver) const;

  // Whether `issuer` may vouch for `credential` signed by `methods` at
  // `created` (parallel vectors, one entry per proof): every method must be
  // a listed key in force at its proof's time, inside the accreditation
  // window, and the credential's kind and EQF level inside the entry's scope.
  // On success `detail` says who accredits it. Errors: kUntrustedIssuer
  // naming the rule broken.
  // The list vouching for it, and its root, must still be valid at `now`
  // (a long-running verifier outlives the lists it loaded).
  Status CheckIssuer(const AccreditedIssuer& issuer, const nlohmann::json& credential,
                     const std::vector<std::string>& methods,
                     const std::vector<std::optional<Timestamp>>& created, Timestamp now, std::string* detail) const;
  // The same for an awarding body of a joint credential other than its
  // issuer (a co-signer): `methods`/`created` are that body's proofs,
  // `country` the country the credential names for it (null: none), and
  // messages are located at `where`, its JSON Pointer.
  Status CheckAwardingBody(const AccreditedIssuer& body, const nlohmann::json& credential,
                           const nlohmann::json* country, const std::string& where,
                           const std::vector<std::string>& methods,
                           const std::vector<std::optional<Timestamp>>& created, Timestamp now,
                           std::string* detail) const;

 private:
  struct Authority {
    TrustedEntity entity;
    std::string root;  // the root list naming it
    Timestamp root_valid_from;
    Timestamp root_valid_until;
  };
  Status CheckEntity(const AccreditedIssuer& issuer, const nlohmann::json& credential, const nlohmann::json* country,
                     const std::string& where, const std::vector<std::string>& methods,
                     const std::vector<std::optional<Timestamp>>& created, Timestamp now,
                     std::string* detail) const;
  Status AddReadList(const nlohmann::json& document, const TrustList& list, const std::string& name, Timestamp now,
                     const DidResolver& resolver, std::optional<Timestamp> confirmed_at);
  Status AddIssuers(const TrustList& list, const std::string& label, const std::string& signer,
                    const std::optional<std::string>& country, Timestamp root_valid_from,
                    Timestamp root_valid_until, std::optional<Timestamp> confirmed_at);

  std::vector<Authority> authorities_;
  // By DID: FindIssuer runs on every verification.
  std::map<std::string, AccreditedIssuer, std::less<>> issuers_;
  // The validFrom of each list loaded, by (signer, list id).
  std::map<std::pair<std::string, std::string>, Timestamp> lists_;
  std::set<std::string, std::less<>> disputed_;
  std::vector<std::string> warnings_;
};

// Reads trust list files into `registry`: each of `root_files` as an anchor,
// then each of `list_files`, checked against those roots — or, when no root
// file is given, read as its own anchor (its proof must verify with its own
// entries' keys, a did:key, or `resolver`): the caller named the file.
// Errors: those of reading a file (at most 8 MiB) and of AddRoot/AddList,
// annotated with the option ("--trust-root" / "--trust-list") and the file.
Status AddTrustListFiles(TrustRegistry& registry, const std::vector<std::string>& root_files,
                         const std::vector<std::string>& list_files, Timestamp now, const DidResolver& resolver);

}  // namespace passerelle
