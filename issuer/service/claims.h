// Passerelle — claiming: the issuer's side of OpenID for Verifiable
// Credential Issuance 1.0, pre-authorized code flow (docs/claiming.md).
//
// An offer records what to issue (unsigned credentials without
// credentialSubject.id); the learner's wallet exchanges the offer's
// pre-authorized code and PIN for an access token, proves possession of its
// key, and the credentials are signed then, bound to that key's did:key,
// through Issuer::Issue (status entries, register, audit) like any other.
// Transport-free: issuer/http/oid4vci_handlers.cc maps these onto routes.
// Thread-safe.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "formats/data_integrity.h"
#include "formats/status.h"
#include "issuer/service/issuer.h"
#include "issuer/store/offer_store.h"

namespace passerelle {

// Lifetimes, in seconds.
struct ClaimOptions {
  std::int64_t token_seconds = 600;       // access tokens
  std::int64_t nonce_seconds = 300;       // c_nonces
  std::int64_t proof_max_age_seconds = 300;  // a key proof's iat
};

// Default life of an offer: 30 days.
inline constexpr std::int64_t kDefaultOfferSeconds = 30 * 24 * 3600;

// The credential_configuration_id of an unsigned Passerelle credential
// ("ModuleCredential", "CertificationCredential", "DiplomaCredential").
// Errors: kInvalidCredential (not a Passerelle credential kind we offer).
Result<std::string> ConfigurationIdFor(const nlohmann::json& credential);

// What an offer stands for.
struct CreatedOffer;

struct OfferRequest {
  std::vector<nlohmann::json> credentials;  // unsigned, issuer = the node's DID, no credentialSubject.id
  std::string programme, trainee;           // register labels
  std::vector<std::string> modules;         // per credential: its module code, or ""
  Cryptosuite suite = Cryptosuite::kEddsaRdfc2022;
  std::int64_t lifetime_seconds = kDefaultOfferSeconds;
  bool with_pin = true;
  std::string key;    // idempotency key ("" none): one offer per key
  std::string actor;  // "cli", "batch"
  // Called with the new offer before it is recorded (e.g. to write its
  // files): when it fails, nothing is recorded, so a crash never leaves a
  // recorded offer whose code and PIN nobody holds. May be empty.
  std::function<Status(const CreatedOffer&)> deliver;
};

struct CreatedOffer {
  std::string offer_id;
  std::string uri;  // openid-credential-offer://?credential_offer=…
  std::string pin;  // 6 digits, or "" without a PIN: deliver it separately
  Timestamp expires;
};

// Makes an offer, hands it to request.deliver, then records it in the issuer's store (a random 256-bit pre-authorized
// code, stored hashed; a random 6-digit PIN, stored hashed). The
// credential issuer identifier is the Issuer's public URL.
// Errors: kInvalidArgument (no public URL, no credentials, a lifetime ≤ 0),
// kInvalidCredential, kNotFound (no store), kAlreadyExists (the key has an
// offer), kIOError.
Result<CreatedOffer> CreateOffer(Issuer& issuer, OfferRequest request);

// GET /.well-known/openid-credential-issuer and
// GET /.well-known/oauth-authorization-server bodies.
nlohmann::json CredentialIssuerMetadata(const Issuer& issuer);
nlohmann::json AuthorizationServerMetadata(const Issuer& issuer);

// Signs every not yet issued credential of `configuration` in `offer`,
// bound to `holder_did`, and records it as issued. Returns the signed
// credentials. Serialised within the process; the register's idempotency
// keys ("offer|ID|N") keep two processes from issuing one item twice.
// Errors: kNotFound (nothing of that configuration in the offer),
// kAlreadyExists (already claimed), those of Issuer::Issue.
Result<std::vector<nlohmann::json>> IssueClaimed(Issuer& issuer, const store::OfferRecord& offer,
                                                 std::string_view configuration, const std::string& holder_did);

}  // namespace passerelle
