// Passerelle tests — the one problem+json builder: Codes to HTTP statuses,
// the one `type` scheme, pointers lifted from messages, 5xx kept generic.
#include "http/problem.h"

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "formats/json.h"

namespace passerelle::http {
namespace {

TEST_CASE("problem: codes map to HTTP statuses, the pointer is lifted from the message", "[http]") {
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
  CHECK(internal.body.find("r-2") != std::string::npos);
}

TEST_CASE("problem: one type scheme, RFC 9457 members", "[http]") {
  auto body = ParseJson(ProblemResponse(405, "method_not_allowed", "DELETE is not allowed on /").body).value();
  CHECK(body["type"] == "https://w3id.org/passerelle/problems/method_not_allowed");
  CHECK(body["status"] == 405);
  CHECK(body["title"] == "Method not allowed");
  CHECK(body["detail"] == "DELETE is not allowed on /");
  CHECK(body.count("instance") == 0);
  CHECK(body.count("pointer") == 0);
  auto from_status = ParseJson(ProblemResponse(Status::Malformed("/x: bad")).body).value();
  CHECK(from_status["type"] == std::string(kProblemTypeBase) + "malformed");
  CHECK(from_status["status"] == 400);
}

}  // namespace
}  // namespace passerelle::http
