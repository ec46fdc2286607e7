// Tests for issuer/http/routes.cc: the node's route table, in process: which routes
// need which token scope, which are public, where a did:web document is served.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "issuer/http/routes.h"
#include "tests/issuer/http/node_fixture.h"

namespace passerelle {
namespace {

using nlohmann::json;
using testing::MinimalCredential;
using testing::NodeFixture;

TEST_CASE("http: tokens and scopes", "[issuer][http]") {
  NodeFixture node;
  std::string body = DumpJson({{"credential", MinimalCredential()}});
  auto none = node.Send("POST", "/credentials/issue", body, std::nullopt);
  CHECK(none.status == 401);
  CHECK(none.headers.count("WWW-Authenticate") == 1);
  CHECK(node.Send("POST", "/credentials/issue", body, std::string("psl_0000000000000000_nope")).status == 401);
  CHECK(node.Send("POST", "/credentials/issue", body, node.Token({"status"})).status == 403);
  CHECK(node.Send("POST", "/credentials/issue", body, node.Token({"issue"})).status == 201);
  // Public routes need nothing.
  CHECK(node.Send("GET", "/healthz", "", std::nullopt).status == 200);
  CHECK(node.Send("GET", "/.well-known/did.json", "", std::nullopt).status == 200);
}

TEST_CASE("http: the did:web document lists every key, a path DID is served at its path", "[issuer][http]") {
  NodeFixture node(Cryptosuite::kEddsaJcs2022, std::string("did:web:issuer.test:schools:lyon"));
  auto r = node.Send("GET", "/schools/lyon/did.json", "", std::nullopt);
  REQUIRE(r.status == 200);
  CHECK(NodeFixture::Body(r)["id"] == "did:web:issuer.test:schools:lyon");
  CHECK(node.Send("GET", "/.well-known/did.json", "", std::nullopt).status == 200);
}

}  // namespace
}  // namespace passerelle
