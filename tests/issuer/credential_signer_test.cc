// Tests for issuer/credential_signer.h: signing as the issuer, and the self-check every credential passes.
#include "issuer/credential_signer.h"

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "issuer/issuer_dir.h"
#include "tests/issuer/issuer_test_support.h"

namespace passerelle {
namespace {

using nlohmann::json;

const Timestamp kNow{1782262800, 0};

json Unsigned(const json& issuer) {
  return json{{"@context", {"https://www.w3.org/ns/credentials/v2"}},
              {"id", "urn:uuid:6f1c1a2e-7d3b-4c55-9a39-0a3c1d2e4f51"},
              {"type", {"VerifiableCredential"}},
              {"issuer", issuer},
              {"validFrom", "2026-06-24T00:00:00Z"},
              {"credentialSubject", {{"id", "did:example:learner"}}}};
}

struct Signer {
  testing::TempDir dir;
  IssuerDir issuer = testing::MakeIssuerDir(dir.path() / "issuer", "did:web:uni.example");
  Ed25519SigningKey key = LoadCurrentKey(issuer, testing::TestPassphrase()).value();
};

TEST_CASE("credential signer: a signed credential names the current key and passes the self-check",
          "[issuer]") {
  Signer s;
  for (Cryptosuite suite : {Cryptosuite::kEddsaRdfc2022, Cryptosuite::kEddsaJcs2022}) {
    auto vc = SignCredential(s.issuer, s.key, Unsigned(s.issuer.did), SignRequest{suite, kNow});
    INFO(vc.status().ToString());
    REQUIRE(vc.ok());
    CHECK((*vc)["proof"]["type"] == "DataIntegrityProof");
    CHECK((*vc)["proof"]["verificationMethod"] == s.issuer.current_key().method_id);
    CHECK((*vc)["proof"]["proofPurpose"] == "assertionMethod");
    CHECK(SelfCheck(s.issuer, *vc, kNow).ok());
    // Everything but the proof is as given.
    json without = *vc;
    without.erase("proof");
    CHECK(without == Unsigned(s.issuer.did));
  }
  // An issuer object whose id is ours is fine too.
  auto object_issuer = SignCredential(s.issuer, s.key, Unsigned(json{{"id", s.issuer.did}, {"name", "Uni"}}),
                                      SignRequest{Cryptosuite::kEddsaRdfc2022, kNow});
  CHECK(object_issuer.ok());
}

TEST_CASE("credential signer: another issuer or a broken data model is refused before signing", "[issuer]") {
  Signer s;
  auto other = SignCredential(s.issuer, s.key, Unsigned("did:web:other.example"), SignRequest{});
  CHECK(other.status().code() == Code::kInvalidCredential);
  CHECK_THAT(other.status().message(), Catch::Contains("did:web:other.example"));
  json no_subject = Unsigned(s.issuer.did);
  no_subject.erase("credentialSubject");
  CHECK(SignCredential(s.issuer, s.key, no_subject, SignRequest{}).status().code() == Code::kInvalidCredential);
  json no_issuer = Unsigned(s.issuer.did);
  no_issuer.erase("issuer");
  CHECK_FALSE(SignCredential(s.issuer, s.key, no_issuer, SignRequest{}).ok());
}

TEST_CASE("credential signer: the self-check catches a change, a foreign key and a missing proof", "[issuer]") {
  Signer s;
  json vc = SignCredential(s.issuer, s.key, Unsigned(s.issuer.did), SignRequest{Cryptosuite::kEddsaRdfc2022, kNow})
                .value();
  json changed = vc;
  changed["credentialSubject"]["id"] = "did:example:someone-else";
  CHECK_FALSE(SelfCheck(s.issuer, changed, kNow).ok());
  CHECK_FALSE(SelfCheck(s.issuer, Unsigned(s.issuer.did), kNow).ok());
  // Signed by a key that is not the issuer's.
  auto stranger = Ed25519SigningKey::Generate().value();
  auto forged = SignCredential(s.issuer, stranger, Unsigned(s.issuer.did), SignRequest{Cryptosuite::kEddsaRdfc2022, kNow});
  CHECK_FALSE(forged.ok());
}

}  // namespace
}  // namespace passerelle
