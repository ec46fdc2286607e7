// Passerelle tests — the one VC-API verify request parser and handler
// (shared by `verifier serve` and the issuer node): what a request may hold,
// and the problems for what it may not. End-to-end verdicts (200/422/400)
// of real credentials are covered by tests/cli/verifier_serve_test.cc and
// tests/issuer/http/verify_handlers_test.cc.
#include "verifier/http/vc_api_verify.h"

#include <catch2/catch.hpp>

namespace passerelle::verifier_http {
namespace {

const JsonLimits kLimits{4096, 16};

TEST_CASE("vc-api verify: requests are parsed with their options", "[verifier][http]") {
  auto vc = ParseVcApiVerifyRequest(R"({"verifiableCredential": {"a": 1}, "options": {"checks": ["proof"]}})", false,
                                    kLimits);
  REQUIRE(vc.ok());
  CHECK(vc->document["a"] == 1);
  CHECK_FALSE(vc->check_status);
  CHECK_FALSE(vc->challenge.has_value());
  auto vp = ParseVcApiVerifyRequest(
      R"({"verifiablePresentation": {}, "options": {"challenge": "c1", "domain": "d.example", "checks": []}})", true,
      kLimits);
  REQUIRE(vp.ok());
  CHECK(vp->challenge == "c1");
  CHECK(vp->domain == "d.example");
  CHECK(vp->check_status);
  CHECK(ParseVcApiVerifyRequest(R"({"verifiableCredential": {}, "options": null})", false, kLimits).ok());
  auto status = ParseVcApiVerifyRequest(R"({"verifiableCredential": {}, "options": {"checks": ["credentialStatus"]}})",
                                        false, kLimits);
  REQUIRE(status.ok());
  CHECK(status->check_status);
}

TEST_CASE("vc-api verify: malformed requests name what is wrong", "[verifier][http]") {
  auto code = [](std::string_view body, bool presentation = false) {
    return ParseVcApiVerifyRequest(body, presentation, kLimits).status();
  };
  CHECK(code("").code() == Code::kMalformed);
  CHECK_THAT(code("{\"verifiableCredential\": [").message(), Catch::Contains("at byte"));
  CHECK_THAT(code("[1]").message(), Catch::StartsWith("/:"));
  CHECK_THAT(code("{}").message(), Catch::StartsWith("/verifiableCredential: missing"));
  CHECK_THAT(code("{\"verifiableCredential\": {}}", true).message(), Catch::StartsWith("/verifiablePresentation"));
  CHECK_THAT(code("{\"verifiablePresentation\": 5}", true).message(), Catch::StartsWith("/verifiablePresentation"));
  CHECK_THAT(code(R"({"verifiableCredential": {}, "options": 1})").message(), Catch::StartsWith("/options"));
  CHECK_THAT(code(R"({"verifiableCredential": {}, "options": {"checks": "proof"}})").message(),
             Catch::StartsWith("/options/checks"));
  CHECK_THAT(code(R"({"verifiableCredential": {}, "options": {"challenge": 7}})").message(),
             Catch::StartsWith("/options/challenge"));
  CHECK(code("{\"verifiableCredential\": {\"pad\": \"" + std::string(5000, 'x') + "\"}}").code() ==
        Code::kResourceExhausted);
}

TEST_CASE("vc-api verify: the handler answers problems for bad requests", "[verifier][http]") {
  VcApiVerifyOptions options;
  http::HttpRequest request;
  request.method = "POST";
  request.path = "/credentials/verify";
  request.request_id = "t-1";
  request.body = "{}";
  request.headers["content-type"] = "text/plain";
  auto wrong_type = HandleVcApiVerify(request, false, options);
  CHECK(wrong_type.status == 415);
  CHECK(wrong_type.content_type == "application/problem+json");
  request.headers["content-type"] = "application/json; charset=utf-8";
  auto missing = HandleVcApiVerify(request, false, options);
  CHECK(missing.status == 400);
  CHECK_THAT(missing.body, Catch::Contains("\"pointer\":\"/verifiableCredential\""));
  request.headers.clear();  // no Content-Type: read as JSON
  request.body = "{\"verifiableCredential\": {}}";
  // Read, but not a credential: a verdict (not verified), not a problem.
  auto not_verified = HandleVcApiVerify(request, false, options);
  CHECK(not_verified.status == 422);
  CHECK(not_verified.content_type == "application/json");
  CHECK_THAT(not_verified.body, Catch::Contains("\"verified\":false"));
}

}  // namespace
}  // namespace passerelle::verifier_http
