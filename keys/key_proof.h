// Passerelle — OID4VCI 1.0 key proofs of type `jwt` (Appendix F.1): the
// holder signs, with the key a credential is to be bound to, a JWT naming
// the credential issuer (aud), the time (iat) and the issuer's c_nonce.
//
// Only EdDSA (Ed25519) is accepted, the key named by a did:key `kid` (with
// its fragment) or by an OKP `jwk` header, never both. Parsing is strict:
// size caps, strict base64url, strict JSON (duplicates, depth, UTF-8).
// Verifying checks the shape, alg, typ, aud, iat window and signature;
// whether the nonce is one the issuer gave out is the caller's to check
// (its store knows). Stateless; thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "formats/datetime.h"
#include "formats/status.h"
#include "keys/public_key.h"

namespace passerelle {

inline constexpr std::string_view kKeyProofJwtType = "openid4vci-proof+jwt";
inline constexpr std::size_t kMaxKeyProofBytes = 8192;

struct KeyProofCheck {
  std::string audience;           // the credential issuer identifier (exact match)
  Timestamp now;
  std::int64_t max_age_seconds = 300;    // iat older than this: stale
  std::int64_t max_future_seconds = 60;  // clock skew tolerated ahead
};

// What a verified proof proves.
struct VerifiedKeyProof {
  Ed25519PublicKey key;
  std::string holder_did;  // did:key of `key`: the credentialSubject.id to bind
  std::string nonce;       // the c_nonce it carries ("" when none)
};

// Verifies `jwt` as a key proof for `check.audience`.
// Errors: kMalformed (not a compact JWS, bad base64url or JSON, a missing
// claim — named), kUnsupported (alg other than EdDSA, x5c, a kid that is not
// a did:key), kVerificationFailed (wrong typ, aud, iat out of the window,
// kid and jwk disagreeing or both given, a private key in jwk, bad signature).
Result<VerifiedKeyProof> VerifyKeyProofJwt(std::string_view jwt, const KeyProofCheck& check);

// The signing input of a key proof (base64url header "." base64url payload)
// for the holder `key`: kid = its did:key verification method. Sign it
// with the holder key and call FinishKeyProofJwt (keys/ keeps signing in
// passerelle_keys_secret; this file stays verify-only).
std::string KeyProofSigningInput(const Ed25519PublicKey& key, std::string_view audience, Timestamp iat,
                                 std::string_view nonce);
// signing_input + "." + base64url(signature).
std::string FinishKeyProofJwt(std::string_view signing_input, std::string_view signature);

}  // namespace passerelle
