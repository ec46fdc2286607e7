// Passerelle — OID4VCI `jwt` key proofs: strict parsing and verification.
#include "keys/key_proof.h"

#include <nlohmann/json.hpp>

#include "formats/json.h"
#include "formats/multibase.h"
#include "keys/did_key.h"

namespace passerelle {

using nlohmann::json;

namespace {

constexpr JsonLimits kPartLimits{4096, 8};

Result<json> DecodePart(std::string_view part, std::string_view name) {
  auto bytes = DecodeBase64Url(part);
  if (!bytes.ok()) return bytes.status().Annotate("key proof " + std::string(name));
  auto parsed = ParseJson(*bytes, kPartLimits);
  if (!parsed.ok()) return parsed.status().Annotate("key proof " + std::string(name));
  if (!parsed->is_object()) return Status::Malformed("key proof " + std::string(name) + ": not a JSON object");
  return parsed;
}

Result<Ed25519PublicKey> KeyFromKid(const std::string& kid) {
  if (kid.rfind("did:key:", 0) != 0)
    return Status::Unsupported("key proof: kid \"" + kid.substr(0, 80) + "\" is not a did:key (with its #fragment)");
  std::size_t hash = kid.find('#');
  if (hash == std::string::npos)
    return Status::Malformed("key proof: kid \"" + kid.substr(0, 80) + "\" has no #fragment naming the key");
  std::string did = kid.substr(0, hash);
  PSL_ASSIGN_OR_RETURN(Ed25519PublicKey key, ParseDidKey(did));
  if (kid != DidKeyVerificationMethod(key))
    return Status::VerificationFailed("key proof: kid fragment does not name the key of " + did.substr(0, 80));
  return key;
}

Result<Ed25519PublicKey> KeyFromJwk(const json& jwk) {
  if (!jwk.is_object()) return Status::Malformed("key proof: jwk is not an object");
  if (FindMember(jwk, "d") != nullptr)
    return Status::VerificationFailed("key proof: the jwk holds a private key (\"d\"): refusing it");
  PSL_ASSIGN_OR_RETURN(std::string kty, GetString(jwk, "kty", "/jwk"));
  PSL_ASSIGN_OR_RETURN(std::string crv, GetString(jwk, "crv", "/jwk"));
  if (kty != "OKP" || crv != "Ed25519") return Status::Unsupported("key proof: jwk must be an OKP Ed25519 key");
  PSL_ASSIGN_OR_RETURN(std::string x, GetString(jwk, "x", "/jwk"));
  auto bytes = DecodeBase64Url(x);
  if (!bytes.ok()) return bytes.status().Annotate("key proof: jwk x");
  return Ed25519PublicKey::FromBytes(*bytes);
}

}  // namespace

Result<VerifiedKeyProof> VerifyKeyProofJwt(std::string_view jwt, const KeyProofCheck& check) {
  if (jwt.size() > kMaxKeyProofBytes)
    return Status::Malformed("key proof: longer than " + std::to_string(kMaxKeyProofBytes) + " bytes");
  std::size_t dot1 = jwt.find('.');
  std::size_t dot2 = dot1 == std::string_view::npos ? dot1 : jwt.find('.', dot1 + 1);
  if (dot2 == std::string_view::npos || jwt.find('.', dot2 + 1) != std::string_view::npos)
    return Status::Malformed("key proof: not a compact JWS (header.payload.signature)");
  PSL_ASSIGN_OR_RETURN(json header, DecodePart(jwt.substr(0, dot1), "header"));
  PSL_ASSIGN_OR_RETURN(json payload, DecodePart(jwt.substr(dot1 + 1, dot2 - dot1 - 1), "payload"));
  auto signature = DecodeBase64Url(jwt.substr(dot2 + 1));
  if (!signature.ok()) return signature.status().Annotate("key proof signature");

  PSL_ASSIGN_OR_RETURN(std::string alg, GetString(header, "alg", "/header"));
  if (alg != "EdDSA") return Status::Unsupported("key proof: alg \"" + alg.substr(0, 40) + "\": only EdDSA is accepted");
  PSL_ASSIGN_OR_RETURN(std::string typ, GetString(header, "typ", "/header"));
  if (typ != kKeyProofJwtType)
    return Status::VerificationFailed("key proof: typ \"" + typ.substr(0, 60) + "\" is not " + std::string(kKeyProofJwtType));
  if (FindMember(header, "x5c") != nullptr) return Status::Unsupported("key proof: x5c is not supported");
  if (FindMember(header, "crit") != nullptr) return Status::Unsupported("key proof: crit is not supported");
  const json* kid = FindMember(header, "kid");
  const json* jwk = FindMember(header, "jwk");
  if (kid != nullptr && jwk != nullptr)
    return Status::VerificationFailed("key proof: both kid and jwk are given: name the key once");
  if (kid == nullptr && jwk == nullptr) return Status::Malformed("key proof: neither kid nor jwk names the key");
  Result<Ed25519PublicKey> key = Status::Internal("unset");
  if (kid != nullptr) {
    if (!kid->is_string()) return Status::Malformed("key proof: kid is not a string");
    key = KeyFromKid(kid->get<std::string>());
  } else {
    key = KeyFromJwk(*jwk);
  }
  if (!key.ok()) return key.status();

  const json* aud = FindMember(payload, "aud");
  bool aud_ok = false;
  if (aud != nullptr && aud->is_string()) aud_ok = JsonStringEquals(*aud, check.audience);
  if (aud != nullptr && aud->is_array())
    for (const json& a : *aud) aud_ok = aud_ok || JsonStringEquals(a, check.audience);
  if (aud == nullptr) return Status::Malformed("key proof: missing aud");
  if (!aud_ok) return Status::VerificationFailed("key proof: aud is not this credential issuer (" + check.audience + ")");
  const json* iat = FindMember(payload, "iat");
  if (iat == nullptr || !iat->is_number()) return Status::Malformed("key proof: missing or non-numeric iat");
  double iat_seconds = iat->get<double>();
  if (iat_seconds < static_cast<double>(check.now.seconds - check.max_age_seconds))
    return Status::VerificationFailed("key proof: iat is too old (made more than " +
                                      std::to_string(check.max_age_seconds) + " seconds ago)");
  if (iat_seconds > static_cast<double>(check.now.seconds + check.max_future_seconds))
    return Status::VerificationFailed("key proof: iat is in the future");
  VerifiedKeyProof out{*key, DidKeyFor(*key), ""};
  if (const json* nonce = FindMember(payload, "nonce")) {
    if (!nonce->is_string()) return Status::Malformed("key proof: nonce is not a string");
    out.nonce = nonce->get<std::string>();
  }
  if (signature->size() != 64 || !key->Verify(jwt.substr(0, dot2), *signature))
    return Status::VerificationFailed("key proof: the signature does not verify with the named key");
  return out;
}

std::string KeyProofSigningInput(const Ed25519PublicKey& key, std::string_view audience, Timestamp iat,
                                 std::string_view nonce) {
  json header = {{"alg", "EdDSA"}, {"typ", std::string(kKeyProofJwtType)}, {"kid", DidKeyVerificationMethod(key)}};
  json payload = {{"aud", std::string(audience)}, {"iat", iat.seconds}};
  if (!nonce.empty()) payload["nonce"] = std::string(nonce);
  return EncodeBase64Url(DumpJson(header)) + "." + EncodeBase64Url(DumpJson(payload));
}

std::string FinishKeyProofJwt(std::string_view signing_input, std::string_view signature) {
  return std::string(signing_input) + "." + EncodeBase64Url(signature);
}

}  // namespace passerelle
