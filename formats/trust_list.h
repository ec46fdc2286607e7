// Passerelle — trust lists: who may issue what, signed by those who accredit.
//
// A trust list is a Verifiable Credential (type TrustListCredential, context
// https://w3id.org/passerelle/trust/v1) whose subject names trusted entities:
// accredited issuers (a DID, its signing keys with their windows, what it may
// issue) and, in a root list, the authorities that accredit them (with the
// country they answer for). Format: docs/formats/trust-list.md.
//
// This unit reads and builds the document only; checking its signature and
// chaining lists to a root is verifier/trust_registry.h. Stateless; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "formats/datetime.h"
#include "formats/status.h"

namespace passerelle {

inline constexpr std::string_view kTrustContextV1 = "https://w3id.org/passerelle/trust/v1";
inline constexpr std::string_view kTrustListCredentialType = "TrustListCredential";

// Caps on what one list may hold: lists are read before their signature is
// known to be good.
inline constexpr std::size_t kMaxTrustedEntities = 10000;
inline constexpr std::size_t kMaxKeysPerEntity = 32;

enum class TrustRole {
  kAuthority,  // "TrustAuthority": accredits issuers of its country (root lists only)
  kIssuer,     // "AccreditedIssuer": may issue credentials within its scope
};

// One key an entity signs with, and when it was in force: a signature
// counts only when its proof's `created` lies in [not_before, not_after).
struct TrustedKey {
  std::string id;                    // verification method URL, "<did>#…"
  std::string public_key_multibase;  // "z6Mk…" (Ed25519 Multikey)
  std::optional<Timestamp> not_before;
  std::optional<Timestamp> not_after;
  // Set by the authority when the key is reported compromised: signatures
  // dated (proof `created`) at or after it are refused, earlier ones keep
  // counting. Unlike notAfter it says why, and it may lie inside the window.
  std::optional<Timestamp> compromised_from;
};

struct TrustedEntity {
  std::string did;
  TrustRole role = TrustRole::kIssuer;
  std::string name;     // empty when the list gives none
  std::string country;  // ISO 3166-1 alpha-2, upper case
  std::vector<TrustedKey> keys;
  // Scope. Empty: no restriction. Kinds are "module", "certification",
  // "diploma", "recognition"; levels are EQF 1-8.
  std::vector<std::string> credential_kinds;
  std::vector<int> eqf_levels;
  // The accreditation window: credentials signed outside it are not trusted.
  std::optional<Timestamp> not_before;
  std::optional<Timestamp> not_after;
  // Where the entity publishes its documents (`issuer publish` layout,
  // docs/federation.md): an http(s) URL without a trailing '/', or empty.
  // An authority's list is at URL/trust-list.json; an issuer's status lists
  // are named in URL/status-lists/index.json. `verifier sync` follows them.
  std::string published_at;
};

struct TrustList {
  std::string id;      // the credential's id (a URL or urn:uuid), may be empty
  std::string issuer;  // DID of the authority (or root operator) that signed it
  Timestamp valid_from;
  Timestamp valid_until;  // required: a trust list is replaced, never revoked
  std::vector<TrustedEntity> entities;
};

// Reads a trust list credential (its proof is not checked here).
// Errors: kInvalidCredential naming the member that breaks the format
// (docs/formats/trust-list.md): missing context or type, no validUntil, an
// entity listed twice, a key id outside its entity's DID, a key listed twice,
// an unknown credential kind, an EQF level outside 1-8, windows that end
// before they start, more than kMaxTrustedEntities entities.
Result<TrustList> ParseTrustList(const nlohmann::json& credential);

// Reads one entity object (as found in credentialSubject.trustedEntity, and
// as `issuer trust-list entry` prints it). `where` is its JSON Pointer.
Result<TrustedEntity> ParseTrustedEntity(const nlohmann::json& entity, const std::string& where);

// The JSON form of an entity, as ParseTrustedEntity reads it.
nlohmann::json TrustedEntityToJson(const TrustedEntity& entity);

// The unsigned credential for `list` (issuer given as {id, name?, country?}).
nlohmann::json TrustListToCredential(const TrustList& list, const std::string& issuer_name,
                                     const std::string& issuer_country);

}  // namespace passerelle
