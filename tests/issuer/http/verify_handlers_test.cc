// Tests for issuer/http/verify_handlers.cc: POST /credentials/verify on a node, in
// process (proof and the node's own status lists).
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "issuer/http/handlers.h"
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

}  // namespace
}  // namespace passerelle
