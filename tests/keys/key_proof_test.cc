// Tests for keys/key_proof.h: OID4VCI `jwt` key proofs, and what an
// attacker might send instead of one.
#include "keys/key_proof.h"

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "formats/json.h"
#include "formats/multibase.h"
#include "keys/did_key.h"
#include "keys/signing_key.h"

namespace passerelle {
namespace {

constexpr std::string_view kAud = "https://issuer.test";
constexpr Timestamp kNow{1780000000, 0};

Ed25519SigningKey NewKey() { return std::move(Ed25519SigningKey::Generate().value()); }

// A JWT with the given header and payload, signed by `key`.
std::string Jwt(const Ed25519SigningKey& key, const nlohmann::json& header, const nlohmann::json& payload) {
  std::string input = EncodeBase64Url(DumpJson(header)) + "." + EncodeBase64Url(DumpJson(payload));
  return input + "." + EncodeBase64Url(key.Sign(input));
}

nlohmann::json Header(const Ed25519SigningKey& key) {
  return {{"alg", "EdDSA"}, {"typ", "openid4vci-proof+jwt"}, {"kid", DidKeyVerificationMethod(key.public_key())}};
}

nlohmann::json Payload(std::int64_t iat = kNow.seconds) {
  return {{"aud", std::string(kAud)}, {"iat", iat}, {"nonce", "n-1"}};
}

KeyProofCheck Check() { return KeyProofCheck{std::string(kAud), kNow, 300, 60}; }

TEST_CASE("a key proof made by the wallet's helper verifies and names the holder", "[key_proof]") {
  auto key = NewKey();
  std::string input = KeyProofSigningInput(key.public_key(), kAud, kNow, "n-1");
  auto proof = VerifyKeyProofJwt(FinishKeyProofJwt(input, key.Sign(input)), Check());
  REQUIRE(proof.ok());
  CHECK(proof->holder_did == DidKeyFor(key.public_key()));
  CHECK(proof->nonce == "n-1");
}

TEST_CASE("a key proof naming its key by jwk verifies", "[key_proof]") {
  auto key = NewKey();
  nlohmann::json header = {{"alg", "EdDSA"},
                           {"typ", "openid4vci-proof+jwt"},
                           {"jwk", {{"kty", "OKP"}, {"crv", "Ed25519"}, {"x", EncodeBase64Url(key.public_key().bytes())}}}};
  auto proof = VerifyKeyProofJwt(Jwt(key, header, Payload()), Check());
  REQUIRE(proof.ok());
  CHECK(proof->holder_did == DidKeyFor(key.public_key()));
}

TEST_CASE("key proofs that must not pass", "[key_proof]") {
  auto key = NewKey();
  auto other = NewKey();
  auto code = [](const std::string& jwt) { return VerifyKeyProofJwt(jwt, Check()).status().code(); };

  // Wrong audience, stale or future iat.
  nlohmann::json p = Payload();
  p["aud"] = "https://evil.test";
  CHECK(code(Jwt(key, Header(key), p)) == Code::kVerificationFailed);
  CHECK(code(Jwt(key, Header(key), Payload(kNow.seconds - 301))) == Code::kVerificationFailed);
  CHECK(code(Jwt(key, Header(key), Payload(kNow.seconds + 120))) == Code::kVerificationFailed);
  p = Payload();
  p.erase("iat");
  CHECK(code(Jwt(key, Header(key), p)) == Code::kMalformed);
  p = Payload();
  p.erase("aud");
  CHECK(code(Jwt(key, Header(key), p)) == Code::kMalformed);

  // Wrong alg or typ.
  nlohmann::json h = Header(key);
  h["alg"] = "none";
  CHECK(code(Jwt(key, h, Payload())) == Code::kUnsupported);
  h["alg"] = "ES256";
  CHECK(code(Jwt(key, h, Payload())) == Code::kUnsupported);
  h = Header(key);
  h["typ"] = "JWT";
  CHECK(code(Jwt(key, h, Payload())) == Code::kVerificationFailed);

  // Signed by another key than the one named (kid or jwk).
  CHECK(code(Jwt(other, Header(key), Payload())) == Code::kVerificationFailed);
  nlohmann::json jwk_header = {{"alg", "EdDSA"},
                               {"typ", "openid4vci-proof+jwt"},
                               {"jwk", {{"kty", "OKP"}, {"crv", "Ed25519"}, {"x", EncodeBase64Url(key.public_key().bytes())}}}};
  CHECK(code(Jwt(other, jwk_header, Payload())) == Code::kVerificationFailed);

  // kid/jwk confusion: both given (even for one key), neither, a kid whose
  // fragment names another key, a kid without fragment, a non-did:key kid,
  // a jwk with a private part.
  h = Header(key);
  h["jwk"] = jwk_header["jwk"];
  CHECK(code(Jwt(key, h, Payload())) == Code::kVerificationFailed);
  h = Header(key);
  h.erase("kid");
  CHECK(code(Jwt(key, h, Payload())) == Code::kMalformed);
  h = Header(key);
  h["kid"] = DidKeyFor(key.public_key()) + "#" + other.public_key().ToMultibase();
  CHECK(code(Jwt(key, h, Payload())) == Code::kVerificationFailed);
  h["kid"] = DidKeyFor(key.public_key());
  CHECK(code(Jwt(key, h, Payload())) == Code::kMalformed);
  h["kid"] = "did:web:evil.test#key-1";
  CHECK(code(Jwt(key, h, Payload())) == Code::kUnsupported);
  nlohmann::json with_d = jwk_header;
  with_d["jwk"]["d"] = "AAAA";
  CHECK(code(Jwt(key, with_d, Payload())) == Code::kVerificationFailed);

  // Not a JWT at all.
  CHECK(code("") == Code::kMalformed);
  CHECK(code("a.b") == Code::kMalformed);
  CHECK(code("a.b.c.d") == Code::kMalformed);
  CHECK(code("!!.??.==") == Code::kMalformed);
  CHECK(code(std::string(9000, 'a')) == Code::kMalformed);
  std::string good = Jwt(key, Header(key), Payload());
  CHECK(code(good + "A") != Code::kOk);
  // Duplicate header members.
  std::string dup_header = EncodeBase64Url(R"({"alg":"EdDSA","alg":"none","typ":"openid4vci-proof+jwt"})");
  std::string input = dup_header + "." + EncodeBase64Url(DumpJson(Payload()));
  CHECK(code(input + "." + EncodeBase64Url(key.Sign(input))) == Code::kMalformed);
}

TEST_CASE("key proof garbage never throws and never verifies", "[key_proof]") {
  auto key = NewKey();
  std::string good = Jwt(key, Header(key), Payload());
  std::uint32_t seed = 777;
  auto next = [&] { return seed = seed * 1664525u + 1013904223u; };
  for (int i = 0; i < 2000; ++i) {
    std::string jwt = good;
    for (int k = 0; k < 2; ++k) jwt[next() % jwt.size()] = static_cast<char>(next() & 0xff);
    if (jwt == good) continue;
    Result<VerifiedKeyProof> r = Status::Internal("unset");
    CHECK_NOTHROW(r = VerifyKeyProofJwt(jwt, Check()));
    // A changed byte may still decode to the same JSON (base64url's last
    // character); anything that verifies must then say the same thing.
    if (r.ok()) CHECK(r->holder_did == DidKeyFor(key.public_key()));
  }
}

}  // namespace
}  // namespace passerelle
