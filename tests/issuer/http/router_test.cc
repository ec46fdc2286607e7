// Passerelle tests — route matching and problem responses.
#include "issuer/http/router.h"

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "formats/json.h"
#include "issuer/http/problem.h"

namespace passerelle::http {
namespace {

HttpResponse Ok(const HttpRequest&) { return HttpResponse{}; }

TEST_CASE("router: literal and parameter segments, 404 versus 405", "[issuer][http]") {
  Router r;
  r.Get("/status-lists/:id", Access::Public(), Ok);
  r.Post("/status-lists/:id/publish", Access::Scope("status"), Ok);
  r.Post("/credentials/issue", Access::Scope("issue"), Ok);
  auto m = r.Match("GET", "/status-lists/revocation-1");
  REQUIRE(m.route != nullptr);
  CHECK(m.params.at("id") == "revocation-1");
  CHECK(m.route->access.is_public());
  auto publish = r.Match("POST", "/status-lists/revocation-1/publish");
  REQUIRE(publish.route != nullptr);
  CHECK(publish.route->access.scope == "status");
  auto wrong_method = r.Match("DELETE", "/credentials/issue");
  CHECK(wrong_method.route == nullptr);
  CHECK(wrong_method.path_known);
  CHECK(wrong_method.allowed == std::vector<std::string>{"POST"});
  auto nowhere = r.Match("GET", "/credentials");
  CHECK(nowhere.route == nullptr);
  CHECK(!nowhere.path_known);
  CHECK(r.Match("GET", "/status-lists/").route == nullptr);
  CHECK(r.Match("POST", "/credentials/issue/").route == nullptr);
  CHECK(r.Match("GET", "/status-lists/a/b").route == nullptr);
}

TEST_CASE("problem: codes map to HTTP statuses, the pointer is lifted from the message", "[issuer][http]") {
  CHECK(HttpStatusFor(Code::kMalformed) == 400);
  CHECK(HttpStatusFor(Code::kInvalidCredential) == 422);
  CHECK(HttpStatusFor(Code::kUnsupported) == 422);
  CHECK(HttpStatusFor(Code::kAlreadyExists) == 409);
  CHECK(HttpStatusFor(Code::kNotFound) == 404);
  CHECK(HttpStatusFor(Code::kResourceExhausted) == 413);
  CHECK(HttpStatusFor(Code::kInternal) == 500);
  CHECK(LeadingPointer("/credentialSubject/id: missing") == "/credentialSubject/id");
  CHECK(LeadingPointer("request body: at byte 3: bad") == "");
  CHECK(LeadingPointer("/a b: no") == "");

  auto r = ProblemResponse(Status::InvalidCredential("/issuer: not this issuer"), "/credential", "r-1");
  CHECK(r.status == 422);
  CHECK(r.content_type == "application/problem+json");
  auto body = ParseJson(r.body).value();
  CHECK(body["pointer"] == "/credential/issuer");
  CHECK(body["detail"] == "/credential/issuer: not this issuer");
  CHECK(body["code"] == "invalid_credential");
  CHECK(body["instance"] == "urn:passerelle:request:r-1");

  // 500s keep the internals for the log only.
  auto internal = ProblemResponse(Status::Internal("self-check failed: key mismatch"), "", "r-2");
  CHECK(internal.status == 500);
  CHECK(internal.body.find("self-check") == std::string::npos);
  CHECK(internal.internal_error.find("self-check") != std::string::npos);
}

}  // namespace
}  // namespace passerelle::http
