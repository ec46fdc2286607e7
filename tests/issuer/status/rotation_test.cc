// Passerelle tests — key rotation on a running node: earlier credentials keep
// verifying, new ones use the new key, and a signature claimed after a key's
// retirement does not count.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "keys/proof_signer.h"
#include "tests/issuer/http/node_fixture.h"
#include "verifier/verifier.h"

namespace passerelle {
namespace {

using nlohmann::json;
using testing::MinimalCredential;
using testing::NodeFixture;

VerificationReport VerifyAgainst(const json& vc, const IssuerDir& issuer, Timestamp now = Now()) {
  VerifyOptions options;
  options.now = now;
  options.trusted_issuers = {issuer.did};
  options.resolver.Add(issuer.Document());
  return VerifyDocument(vc, options);
}

bool ProofOk(const VerificationReport& r) {
  for (const auto& c : r.checks)
    if (c.check == "proof") return c.ok;
  return false;
}

TEST_CASE("rotation: old and new credentials verify, a backdated retirement does not help a forger",
          "[issuer][rotation]") {
  NodeFixture node(Cryptosuite::kEddsaRdfc2022, std::string("did:web:issuer.test"));
  json before = NodeFixture::Body(node.Post("/credentials/issue", {{"credential", MinimalCredential()}}))["verifiableCredential"];
  CHECK(before["proof"]["verificationMethod"] == "did:web:issuer.test#key-1");
  auto old_key = LoadCurrentKey(node.issuer, testing::TestPassphrase());
  REQUIRE(old_key.ok());

  Timestamp rotated_at = Now();
  auto rotated = RotateKey(node.issuer, testing::TestPassphrase(), rotated_at, testing::FastKdf());
  REQUIRE(rotated.ok());
  // The running node picks the new key up by itself.
  json after = NodeFixture::Body(node.Post("/credentials/issue", {{"credential", MinimalCredential()}}))["verifiableCredential"];
  CHECK(after["proof"]["verificationMethod"] == "did:web:issuer.test#key-2");
  // The published DID document lists both keys, the old one retired.
  json did = NodeFixture::Body(node.Send("GET", "/.well-known/did.json", "", std::nullopt));
  REQUIRE(did["verificationMethod"].size() == 2);
  CHECK(did["verificationMethod"][0].contains("revoked"));

  CHECK(ProofOk(VerifyAgainst(before, *rotated)));
  CHECK(ProofOk(VerifyAgainst(after, *rotated)));

  // The retired key signs something claiming a time after its retirement.
  ProofOptions late;
  late.suite = Cryptosuite::kEddsaRdfc2022;
  late.verification_method = "did:web:issuer.test#key-1";
  late.created = Timestamp{rotated_at.seconds + 60, 0};
  json forged = before;
  forged.erase("proof");
  forged["id"] = "urn:uuid:0e1f0000-0000-4000-8000-00000000f0f0";
  auto signed_late = AddProof(forged, *old_key, late);
  REQUIRE(signed_late.ok());
  auto report = VerifyAgainst(*signed_late, *rotated, Timestamp{rotated_at.seconds + 120, 0});
  CHECK(!ProofOk(report));
  bool mentions_retired = false;
  for (const auto& e : report.errors) mentions_retired |= e.message.find("retired") != std::string::npos;
  CHECK(mentions_retired);
  // The same key, claiming a time inside its window, still verifies.
  ProofOptions early = late;
  early.created = Timestamp{rotated_at.seconds - 60, 0};
  CHECK(ProofOk(VerifyAgainst(AddProof(forged, *old_key, early).value(), *rotated)));
}

}  // namespace
}  // namespace passerelle
