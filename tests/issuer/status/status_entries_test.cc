// Tests for issuer/status/status_entries.h: the credentialStatus entries a node writes, and what it refuses.
#include "issuer/status/status_entries.h"

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

namespace passerelle {
namespace {

using nlohmann::json;
using store::StatusPurpose;
using store::StatusSlot;

const std::vector<StatusSlot> kSlots = {{StatusPurpose::kRevocation, "revocation-1", 42},
                                        {StatusPurpose::kSuspension, "suspension-1", 7}};

json V2Credential() {
  return json{{"@context", {"https://www.w3.org/ns/credentials/v2"}},
              {"type", {"VerifiableCredential"}},
              {"issuer", "did:web:uni.example"},
              {"credentialSubject", {{"id", "did:example:learner"}}}};
}

TEST_CASE("status entries: list URLs ignore a trailing slash on the base", "[issuer][status]") {
  CHECK(StatusListUrl("https://issuer.example", "revocation-1") ==
        "https://issuer.example/status-lists/revocation-1");
  CHECK(StatusListUrl("https://issuer.example/", "revocation-1") ==
        "https://issuer.example/status-lists/revocation-1");
  CHECK(StatusListUrl("https://issuer.example//", "suspension-2") ==
        "https://issuer.example/status-lists/suspension-2");
}

TEST_CASE("status entries: one BitstringStatusListEntry per slot", "[issuer][status]") {
  json e = StatusEntryJson(kSlots[0], "https://issuer.example/");
  CHECK(e["id"] == "https://issuer.example/status-lists/revocation-1#42");
  CHECK(e["type"] == "BitstringStatusListEntry");
  CHECK(e["statusPurpose"] == "revocation");
  CHECK(e["statusListIndex"] == "42");  // a base-10 string, not a number
  CHECK(e["statusListCredential"] == "https://issuer.example/status-lists/revocation-1");
  CHECK(StatusEntryJson(kSlots[1], "https://issuer.example")["statusPurpose"] == "suspension");
}

TEST_CASE("status entries: added as an object for one slot, an array for several", "[issuer][status]") {
  json one = V2Credential();
  REQUIRE(AddStatusEntries(one, {kSlots[0]}, "https://issuer.example").ok());
  CHECK(one["credentialStatus"].is_object());
  CHECK(one["credentialStatus"]["statusListIndex"] == "42");

  json two = V2Credential();
  REQUIRE(AddStatusEntries(two, kSlots, "https://issuer.example").ok());
  REQUIRE(two["credentialStatus"].is_array());
  CHECK(two["credentialStatus"].size() == 2);
  // A v2 credential's context already defines the terms.
  CHECK(two["@context"].size() == 1);

  json none = V2Credential();
  REQUIRE(AddStatusEntries(none, {}, "https://issuer.example").ok());
  CHECK_FALSE(none.contains("credentialStatus"));
}

TEST_CASE("status entries: a caller's other status entries are kept beside ours", "[issuer][status]") {
  json vc = V2Credential();
  vc["credentialStatus"] = {{"id", "https://other.example/status/1"}, {"type", "SomeOtherStatus"}};
  REQUIRE(AddStatusEntries(vc, kSlots, "https://issuer.example").ok());
  REQUIRE(vc["credentialStatus"].is_array());
  CHECK(vc["credentialStatus"].size() == 3);
  CHECK(vc["credentialStatus"][0]["type"] == "SomeOtherStatus");
}

TEST_CASE("status entries: a VC 1.1 credential gets the status context once", "[issuer][status]") {
  json vc = {{"@context", "https://www.w3.org/2018/credentials/v1"},
             {"type", {"VerifiableCredential"}},
             {"issuer", "did:web:uni.example"},
             {"issuanceDate", "2026-01-01T00:00:00Z"},
             {"credentialSubject", {{"id", "did:example:learner"}}}};
  REQUIRE(AddStatusEntries(vc, {kSlots[0]}, "https://issuer.example").ok());
  REQUIRE(vc["@context"].is_array());
  CHECK(vc["@context"].size() == 2);
  CHECK(vc["@context"][1] == std::string(kStatusListContextV1));
}

TEST_CASE("status entries: an incoming BitstringStatusListEntry or a bad credentialStatus is refused",
          "[issuer][status]") {
  CHECK(CheckIncomingStatus(V2Credential()).ok());
  json ours = V2Credential();
  ours["credentialStatus"] = StatusEntryJson(kSlots[0], "https://elsewhere.example");
  Status s = CheckIncomingStatus(ours);
  CHECK(s.code() == Code::kInvalidCredential);
  CHECK_THAT(s.message(), Catch::Contains("/credentialStatus"));
  // AddStatusEntries refuses the same, and leaves the credential alone.
  json before = ours;
  CHECK(AddStatusEntries(ours, kSlots, "https://issuer.example").code() == Code::kInvalidCredential);
  CHECK(ours == before);

  json not_object = V2Credential();
  not_object["credentialStatus"] = "revoked";
  CHECK(CheckIncomingStatus(not_object).code() == Code::kInvalidCredential);
  json array_of_strings = V2Credential();
  array_of_strings["credentialStatus"] = {"x"};
  Status at = CheckIncomingStatus(array_of_strings);
  CHECK(at.code() == Code::kInvalidCredential);
  CHECK_THAT(at.message(), Catch::Contains("/credentialStatus/0"));
}

}  // namespace
}  // namespace passerelle
