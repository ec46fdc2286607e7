// Tests for issuer/http/verify_handlers.cc: POST /credentials/verify and
// /presentations/verify on a node, in process (proofs, the node's own keys
// and status lists; issuer trust left to the relying party).
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "formats/datetime.h"
#include "issuer/http/handlers.h"
#include "keys/did_key.h"
#include "keys/proof_signer.h"
#include "keys/signing_key.h"
#include "tests/issuer/http/node_fixture.h"

namespace passerelle {
namespace {

using nlohmann::json;
using testing::MinimalCredential;
using testing::NodeFixture;

TEST_CASE("http verify: 200 for a good credential, 422 for a tampered or revoked one, 400 for garbage",
          "[issuer][http]") {
  NodeFixture node;
  json vc = NodeFixture::Body(node.Post("/credentials/issue", {{"credential", MinimalCredential()}}))["verifiableCredential"];
  auto verify = [&](const json& doc, const json& checks) {
    return node.Post("/credentials/verify", {{"verifiableCredential", doc}, {"options", {{"checks", checks}}}});
  };
  CHECK(verify(vc, {"proof"}).status == 200);
  CHECK(verify(vc, {"proof", "credentialStatus"}).status == 200);
  json tampered = vc;
  tampered["credentialSubject"]["id"] = "did:example:mallory";
  auto t = verify(tampered, {"proof"});
  CHECK(t.status == 422);
  CHECK(NodeFixture::Body(t)["verified"] == false);
  json no_proof = vc;
  no_proof.erase("proof");
  CHECK(verify(no_proof, {"proof"}).status == 422);
  CHECK(node.Post("/credentials/verify", {{"verifiableCredential", "a string"}}).status == 400);
  CHECK(node.Send("POST", "/credentials/verify", "[1,", node.admin_token).status == 400);
  // Revoked: 422 when status is asked for, 200 for the proof alone.
  REQUIRE(node.Post("/credentials/status", {{"credentialId", vc["id"]},
                                            {"credentialStatus", {{{"status", "revoked"}}}}}).status == 200);
  CHECK(verify(vc, {"proof", "credentialStatus"}).status == 422);
  CHECK(verify(vc, {"proof"}).status == 200);
}

TEST_CASE("http verify: a presentation of the node's credential, its holder proof and challenge checked",
          "[issuer][http]") {
  NodeFixture node;
  Ed25519SigningKey holder = Ed25519SigningKey::Generate().value();
  const std::string holder_did = DidKeyFor(holder.public_key());
  json c = MinimalCredential();
  c["credentialSubject"]["id"] = holder_did;
  json vc = NodeFixture::Body(node.Post("/credentials/issue", {{"credential", c}}))["verifiableCredential"];
  auto present = [&](const json& credential, const std::string& challenge) {
    json vp = {{"@context", {"https://www.w3.org/ns/credentials/v2"}},
               {"type", {"VerifiablePresentation"}},
               {"holder", holder_did},
               {"verifiableCredential", json::array({credential})}};
    ProofOptions o;
    o.verification_method = DidKeyVerificationMethod(holder.public_key());
    o.proof_purpose = "authentication";
    o.created = Now();
    o.created.nanos = 0;
    o.challenge = challenge;
    o.domain = "employer.example";
    return AddProof(vp, holder, o).value();
  };
  auto verify = [&](const json& vp, const std::string& challenge) {
    return node.Post("/presentations/verify",
                     {{"verifiablePresentation", vp},
                      {"options", {{"challenge", challenge}, {"domain", "employer.example"}}}});
  };
  auto good = verify(present(vc, "c-1"), "c-1");
  INFO(good.body);
  CHECK(good.status == 200);
  CHECK(NodeFixture::Body(good)["verified"] == true);
  // Another challenge than the one signed: refused.
  CHECK(verify(present(vc, "c-1"), "c-2").status == 422);
  // A credential altered inside a validly signed presentation: refused.
  json tampered = vc;
  tampered["credentialSubject"]["name"] = "Mallory";
  CHECK(verify(present(tampered, "c-3"), "c-3").status == 422);
  // Revoked on this node: refused, the node's own list read at once.
  REQUIRE(node.Post("/credentials/status", {{"credentialId", vc["id"]}, {"credentialStatus", {{"status", "revoked"}}}})
              .status == 200);
  CHECK(verify(present(vc, "c-4"), "c-4").status == 422);
  // A credential in its place is not a presentation.
  CHECK(node.Post("/presentations/verify", {{"verifiableCredential", vc}}).status == 400);
}

}  // namespace
}  // namespace passerelle
