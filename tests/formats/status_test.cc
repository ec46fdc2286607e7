// Tests for formats/status.h: codes, layered messages, JSON Pointers as data.
#include "formats/status.h"

#include <catch2/catch.hpp>

namespace passerelle {
namespace {

TEST_CASE("a status carries its JSON Pointer through annotation", "[status]") {
  Status s = Status::InvalidCredential("/issuer/id: not a URL").AtPointer("/issuer/id");
  CHECK(s.pointer() == "/issuer/id");
  Status layered = s.Annotate("credential 2");
  CHECK(layered.code() == Code::kInvalidCredential);
  CHECK(layered.message() == "credential 2: /issuer/id: not a URL");
  CHECK(layered.pointer() == "/issuer/id");
  CHECK(layered.ToString() == "invalid_credential: credential 2: /issuer/id: not a URL");
}

TEST_CASE("OK stays OK and unlocated", "[status]") {
  Status ok = Status::Ok().AtPointer("/x");
  CHECK(ok.ok());
  CHECK(ok.pointer().empty());
  CHECK(Status::Ok().Annotate("anything").ok());
  CHECK(Status::Malformed("no pointer").pointer().empty());
}

TEST_CASE("a Result holds a value or a failure", "[status]") {
  Result<int> good = 7;
  REQUIRE(good.ok());
  CHECK(*good == 7);
  CHECK(good.status().ok());
  Result<int> bad = Status::NotFound("gone").AtPointer("/a");
  CHECK_FALSE(bad.ok());
  CHECK(bad.status().code() == Code::kNotFound);
  CHECK(bad.status().pointer() == "/a");
  CHECK(std::string(CodeName(Code::kUntrustedIssuer)) == "untrusted_issuer");
}

}  // namespace
}  // namespace passerelle
