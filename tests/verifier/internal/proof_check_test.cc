// Tests for verifier/internal/proof_check.h: proofs held apart from the
// document are verified without editing either, and failures are located.
#include "verifier/internal/proof_check.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "formats/credential.h"
#include "keys/did_key.h"
#include "keys/proof_signer.h"

namespace passerelle::internal {
namespace {

using nlohmann::json;

struct Signed {
  Ed25519SigningKey key = Ed25519SigningKey::Generate().value();
  std::string did = DidKeyFor(key.public_key());
  json Make(Cryptosuite suite) const {
    json doc = {{"@context", {"https://www.w3.org/ns/credentials/v2"}},
                {"type", {"VerifiableCredential"}},
                {"issuer", did},
                {"validFrom", "2026-01-01T00:00:00Z"},
                {"credentialSubject", {{"id", "did:example:learner"}}}};
    ProofOptions o;
    o.suite = suite;
    o.verification_method = DidKeyVerificationMethod(key.public_key());
    o.created = ParseDateTime("2026-02-01T00:00:00Z").value();
    return AddProof(doc, key, o).value();
  }
};

VerifyOptions At2026() {
  VerifyOptions o;
  o.now = ParseDateTime("2026-06-01T00:00:00Z").value();
  return o;
}

TEST_CASE("proof check: the unsecured document and its proofs are read, not changed", "[proof_check]") {
  Signed s;
  for (Cryptosuite suite : {Cryptosuite::kEddsaJcs2022, Cryptosuite::kEddsaRdfc2022}) {
    Credential vc = CredentialFromJson(s.Make(suite)).value();
    const json unsecured_before = vc.unsecured();
    const json proofs_before = vc.proofs();
    auto outcome = VerifyProofs(vc.unsecured(), vc.proofs(), {"assertionMethod", s.did, {}, {}, {}}, At2026());
    REQUIRE(outcome.ok());
    CHECK(outcome->methods.size() == 1);
    CHECK(vc.unsecured() == unsecured_before);
    CHECK(vc.proofs() == proofs_before);
  }
}

TEST_CASE("proof check: each failure names the member it is about", "[proof_check]") {
  Signed s;
  Credential vc = CredentialFromJson(s.Make(Cryptosuite::kEddsaJcs2022)).value();
  auto wrong_purpose = VerifyProofs(vc.unsecured(), vc.proofs(), {"authentication", s.did, {}, {}, {}}, At2026());
  CHECK(wrong_purpose.status().pointer() == "/proof/proofPurpose");
  auto wrong_signer = VerifyProofs(vc.unsecured(), vc.proofs(), {"assertionMethod", "did:key:z6MkOther", {}, {}, {}}, At2026());
  CHECK(wrong_signer.status().pointer() == "/proof/verificationMethod");
  json tampered = vc.unsecured();
  tampered["credentialSubject"]["id"] = "did:example:someone-else";
  auto bad = VerifyProofs(tampered, vc.proofs(), {"assertionMethod", s.did, {}, {}, {}}, At2026());
  CHECK(bad.status().code() == Code::kVerificationFailed);
  CHECK(bad.status().pointer() == "/proof/proofValue");
  auto unsigned_doc = VerifyProofs(vc.unsecured(), json(), {"assertionMethod", s.did, {}, {}, {}}, At2026());
  CHECK(unsigned_doc.status().pointer() == "/proof");
  json set = json::array({vc.proofs(), vc.proofs()});
  set[1]["proofValue"] = "z3";  // the second proof of a set fails: the set fails, at its index
  auto partial = VerifyProofs(vc.unsecured(), set, {"assertionMethod", s.did, {}, {}, {}}, At2026());
  CHECK_FALSE(partial.ok());
  CHECK(partial.status().pointer().rfind("/proof/1", 0) == 0);
}

}  // namespace
}  // namespace passerelle::internal
