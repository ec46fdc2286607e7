// Tests for verifier/holder_proof.h: a holder's proof of key possession in a presentation with no credential.
#include "verifier/holder_proof.h"

#include <catch2/catch.hpp>

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "formats/datetime.h"
#include "keys/did_key.h"
#include "keys/proof_signer.h"

namespace passerelle {
namespace {

using nlohmann::json;

struct Holder {
  Ed25519SigningKey key = Ed25519SigningKey::Generate().value();
  std::string did = DidKeyFor(key.public_key());

  json Proof(std::optional<std::string> challenge = "c_nonce-1", std::optional<std::string> domain = "https://issuer.test",
             const std::string& purpose = "authentication", const Ed25519SigningKey* signer = nullptr,
             Cryptosuite suite = Cryptosuite::kEddsaRdfc2022) const {
    json vp = {{"@context", {"https://www.w3.org/ns/credentials/v2"}},
               {"type", {"VerifiablePresentation"}},
               {"holder", did}};
    const Ed25519SigningKey& k = signer != nullptr ? *signer : key;
    ProofOptions o;
    o.suite = suite;
    o.verification_method = DidKeyVerificationMethod(k.public_key());
    o.proof_purpose = purpose;
    o.created = *ParseDateTime("2026-05-01T00:00:00Z");
    o.challenge = std::move(challenge);
    o.domain = std::move(domain);
    return AddProof(vp, k, o).value();
  }
};

VerifyOptions Expecting(std::optional<std::string> challenge = "c_nonce-1",
                        std::optional<std::string> domain = "https://issuer.test") {
  VerifyOptions o;
  o.now = *ParseDateTime("2026-06-01T00:00:00Z");
  o.challenge = std::move(challenge);
  o.domain = std::move(domain);
  return o;
}

Result<std::string> Check(const json& vp, const VerifyOptions& options = Expecting()) {
  auto presentation = PresentationFromJson(vp);
  REQUIRE(presentation.ok());
  return VerifyHolderProof(*presentation, options);
}

TEST_CASE("holder proof: a presentation signed by its holder for the challenge and domain names the holder",
          "[verifier][holder]") {
  Holder h;
  for (Cryptosuite suite : {Cryptosuite::kEddsaRdfc2022, Cryptosuite::kEddsaJcs2022}) {
    auto holder = Check(h.Proof("c_nonce-1", "https://issuer.test", "authentication", nullptr, suite));
    INFO(holder.status().ToString());
    REQUIRE(holder.ok());
    CHECK(*holder == h.did);
  }
}

TEST_CASE("holder proof: a challenge and a domain must be asked for", "[verifier][holder]") {
  Holder h;
  CHECK(Check(h.Proof(), Expecting(std::nullopt, "https://issuer.test")).status().code() == Code::kInvalidArgument);
  CHECK(Check(h.Proof(), Expecting("c_nonce-1", std::nullopt)).status().code() == Code::kInvalidArgument);
}

TEST_CASE("holder proof: another challenge, domain, purpose or key fails verification", "[verifier][holder]") {
  Holder h;
  CHECK(Check(h.Proof("c_nonce-2")).status().code() == Code::kVerificationFailed);
  CHECK(Check(h.Proof("c_nonce-1", "https://elsewhere.test")).status().code() == Code::kVerificationFailed);
  CHECK_FALSE(Check(h.Proof(std::nullopt)).ok());
  CHECK(Check(h.Proof("c_nonce-1", "https://issuer.test", "assertionMethod")).status().code() ==
        Code::kVerificationFailed);
  Holder stranger;
  CHECK(Check(h.Proof("c_nonce-1", "https://issuer.test", "authentication", &stranger.key)).status().code() ==
        Code::kVerificationFailed);
}

TEST_CASE("holder proof: no proof, no holder or a changed document is refused", "[verifier][holder]") {
  Holder h;
  json unsigned_vp = h.Proof();
  unsigned_vp.erase("proof");
  CHECK_FALSE(Check(unsigned_vp).ok());
  json no_holder = h.Proof();
  no_holder.erase("holder");
  CHECK_FALSE(Check(no_holder).ok());
  json changed = h.Proof();
  changed["holder"] = Holder().did;
  CHECK(Check(changed).status().code() == Code::kVerificationFailed);
}

}  // namespace
}  // namespace passerelle
