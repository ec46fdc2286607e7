// Tests for issuer/status/publisher.h: signed status lists, re-signed only when they change.
#include "issuer/status/publisher.h"

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "tests/issuer/http/node_fixture.h"

namespace passerelle {
namespace {

using nlohmann::json;
using testing::MinimalCredential;
using testing::NodeFixture;

TEST_CASE("status: the publisher signs a list once per change, not once per fetch", "[issuer][status]") {
  NodeFixture node;
  json vc = NodeFixture::Body(node.Post("/credentials/issue", {{"credential", MinimalCredential()}}))["verifiableCredential"];
  std::string list_id = "revocation-1";
  auto a = node.service->StatusList(list_id).value();
  auto b = node.service->StatusList(list_id).value();
  CHECK(a.json == b.json);
  REQUIRE(node.Post("/credentials/status", {{"credentialId", vc["id"]}, {"credentialStatus", {{{"status", "revoked"}}}}}).status == 200);
  auto c = node.service->StatusList(list_id).value();
  CHECK(c.version == a.version + 1);
  CHECK(c.json != a.json);
  // A fresh publisher (a restarted node) serves the stored signature.
  StatusListPublisher again(*node.store, *node.signer, PublisherOptions{Cryptosuite::kEddsaJcs2022, "https://issuer.test"});
  CHECK(again.Get(list_id).value().json == c.json);
  CHECK(again.Get("revocation-9").status().code() == Code::kNotFound);
}

}  // namespace
}  // namespace passerelle
