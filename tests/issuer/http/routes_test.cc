// Tests for issuer/http/routes.cc: the node's route table, in process: which routes
// need which token scope, which are public, where a did:web document is served.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "issuer/http/routes.h"

#include "issuer/http/auth.h"
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

TEST_CASE("routes: every route of the table and who may call it", "[issuer][http]") {
  NodeFixture node;
  const std::string kPublic(http::kPublicRoute), kToken(http::kAnyToken), kForm(http::kPublicFormRoute);
  struct Row {
    const char* method;
    const char* path;
    std::string guard;
  };
  const std::vector<Row> table = {
      {"POST", "/credentials/issue", "issue"},
      {"POST", "/credentials/status", "status"},
      {"POST", "/credentials/verify", kToken},
      {"POST", "/presentations/verify", kToken},
      {"GET", "/status-lists/revocation-1", kPublic},
      {"POST", "/status-lists/revocation-1/publish", "status"},
      {"GET", "/.well-known/did.json", kPublic},
      {"GET", "/healthz", kPublic},
      {"GET", "/.well-known/openid-credential-issuer", kPublic},
      {"GET", "/.well-known/oauth-authorization-server", kPublic},
      {"POST", "/token", kForm},
      {"POST", "/nonce", kPublic},
      {"POST", "/credential", kPublic},
  };
  for (const auto& row : table) {
    INFO(row.method << " " << row.path);
    http::RouteMatch m = node.router.Match(row.method, row.path);
    REQUIRE(m.route != nullptr);
    CHECK(m.route->guard == row.guard);
  }
  // The path parameter reaches the handler.
  CHECK(node.router.Match("GET", "/status-lists/suspension-3").params.at("id") == "suspension-3");
  // Nothing else: a did:key node serves no path DID document, a known path
  // with another method is 405 with its methods, an unknown path 404.
  CHECK(node.router.routes().size() == table.size());
  http::RouteMatch wrong_method = node.router.Match("GET", "/credentials/issue");
  CHECK(wrong_method.route == nullptr);
  CHECK(wrong_method.path_known);
  CHECK(wrong_method.allowed == std::vector<std::string>{"POST"});
  http::RouteMatch unknown = node.router.Match("GET", "/credentials");
  CHECK(unknown.route == nullptr);
  CHECK_FALSE(unknown.path_known);
}

TEST_CASE("routes: the status scope publishes a list, the issue scope does not", "[issuer][http]") {
  NodeFixture node;
  json vc = NodeFixture::Body(node.Post("/credentials/issue", {{"credential", MinimalCredential()}}))["verifiableCredential"];
  std::string list = vc["credentialStatus"][0]["statusListCredential"];
  std::string publish = list.substr(std::string("https://issuer.test").size()) + "/publish";
  CHECK(node.Send("POST", publish, "", node.Token({"issue"})).status == 403);
  CHECK(node.Send("POST", publish, "", std::nullopt).status == 401);
  CHECK(node.Send("POST", publish, "", node.Token({"status"})).status == 204);
  // Verifying needs a token, of any scope.
  std::string verify = DumpJson({{"verifiableCredential", MinimalCredential()}});
  CHECK(node.Send("POST", "/credentials/verify", verify, std::nullopt).status == 401);
  CHECK(node.Send("POST", "/credentials/verify", verify, node.Token({"status"})).status == 422);
}

}  // namespace
}  // namespace passerelle
