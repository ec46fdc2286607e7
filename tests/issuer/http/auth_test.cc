// Tests for issuer/http/auth.h: bearer tokens, scopes and the pre-route hook of `issuer serve`.
#include "issuer/http/auth.h"

#include <catch2/catch.hpp>

#include "http/router.h"
#include "tests/issuer/store/store_test_support.h"

namespace passerelle::http {
namespace {

using passerelle::testing::TempDir;

HttpRequest WithToken(const std::string& authorization) {
  HttpRequest r;
  r.method = "POST";
  r.path = "/credentials/issue";
  r.request_id = "req-1";
  if (!authorization.empty()) r.headers["authorization"] = authorization;
  return r;
}

TEST_CASE("auth: scopes, with admin covering all and '*' any", "[issuer][http]") {
  store::TokenRecord issue;
  issue.scopes = {"issue"};
  CHECK(GrantsScope(issue, "issue"));
  CHECK_FALSE(GrantsScope(issue, "status"));
  CHECK(GrantsScope(issue, "*"));
  store::TokenRecord admin;
  admin.scopes = {"admin"};
  CHECK(GrantsScope(admin, "issue"));
  CHECK(GrantsScope(admin, "status"));
  store::TokenRecord both;
  both.scopes = {"issue", "status"};
  CHECK(GrantsScope(both, "status"));
}

TEST_CASE("auth: public routes need no token", "[issuer][http]") {
  TempDir dir;
  auto store = store::testing::OpenStore(dir);
  std::string id = "unchanged";
  CHECK_FALSE(CheckAccess(kPublicRoute, WithToken(""), *store, &id).has_value());
  CHECK_FALSE(CheckAccess(kPublicFormRoute, WithToken("Bearer nonsense"), *store, &id).has_value());
  CHECK(id == "unchanged");
}

TEST_CASE("auth: a missing, malformed or unknown token is 401 with WWW-Authenticate", "[issuer][http]") {
  TempDir dir;
  auto store = store::testing::OpenStore(dir);
  std::string id;
  for (const std::string& header : {std::string(), std::string("Basic abc"), std::string("Bearer "),
                                    std::string("Bearer psl_0000000000000000_AAAA")}) {
    INFO(header);
    auto r = CheckAccess("issue", WithToken(header), *store, &id);
    REQUIRE(r.has_value());
    CHECK(r->status == 401);
    CHECK(r->headers.at("WWW-Authenticate").rfind("Bearer realm=", 0) == 0);
  }
  CHECK(id.empty());
  // The hint names the scope the route needs.
  auto r = CheckAccess("status", WithToken(""), *store, &id);
  REQUIRE(r.has_value());
  CHECK_THAT(r->body, Catch::Contains("status"));
}

TEST_CASE("auth: a valid token passes with its id, or is 403 without the scope", "[issuer][http]") {
  TempDir dir;
  auto store = store::testing::OpenStore(dir);
  auto token = store->CreateToken({"status"}, "ci", "test", Now());
  REQUIRE(token.ok());
  const std::string token_id = store->Authenticate(*token).value().id;
  std::string id;
  CHECK_FALSE(CheckAccess("status", WithToken("Bearer " + *token), *store, &id).has_value());
  CHECK(id == token_id);
  std::string any;
  CHECK_FALSE(CheckAccess(kAnyToken, WithToken("Bearer " + *token), *store, &any).has_value());
  CHECK(any == token_id);
  std::string none;
  auto refused = CheckAccess("issue", WithToken("Bearer " + *token), *store, &none);
  REQUIRE(refused.has_value());
  CHECK(refused->status == 403);
  CHECK_THAT(refused->headers.at("WWW-Authenticate"), Catch::Contains("insufficient_scope"));
  CHECK(none.empty());
  // A revoked token no longer passes.
  REQUIRE(store->RevokeToken(token_id, "test", Now()).ok());
  auto revoked = CheckAccess("status", WithToken("Bearer " + *token), *store, &none);
  REQUIRE(revoked.has_value());
  CHECK(revoked->status == 401);
}

TEST_CASE("auth: the hook refuses a POST body that is not JSON, except on form routes", "[issuer][http]") {
  TempDir dir;
  auto store = store::testing::OpenStore(dir);
  auto token = store->CreateToken({"issue"}, "ci", "test", Now()).value();
  PreRouteHook hook = AccessHook(*store);
  Route issue{"POST", "/credentials/issue", nullptr, "issue"};
  HttpRequest json_post = WithToken("Bearer " + token);
  json_post.headers["content-type"] = "Application/JSON; charset=utf-8";
  std::string principal;
  CHECK_FALSE(hook(json_post, issue, &principal).has_value());
  CHECK_FALSE(principal.empty());
  HttpRequest no_type = WithToken("Bearer " + token);
  CHECK_FALSE(hook(no_type, issue, &principal).has_value());
  HttpRequest text_post = WithToken("Bearer " + token);
  text_post.headers["content-type"] = "text/plain";
  auto r = hook(text_post, issue, &principal);
  REQUIRE(r.has_value());
  CHECK(r->status == 415);
  Route form{"POST", "/token", nullptr, std::string(kPublicFormRoute)};
  HttpRequest form_post;
  form_post.method = "POST";
  form_post.headers["content-type"] = "application/x-www-form-urlencoded";
  CHECK_FALSE(hook(form_post, form, &principal).has_value());
  // The token check comes first: no token, 401 whatever the body.
  HttpRequest anonymous = text_post;
  anonymous.headers.erase("authorization");
  CHECK(hook(anonymous, issue, &principal)->status == 401);
}

}  // namespace
}  // namespace passerelle::http
