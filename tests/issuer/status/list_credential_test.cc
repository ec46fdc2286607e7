// Tests for issuer/status/list_credential.h: the BitstringStatusListCredential a node publishes.
#include "issuer/status/list_credential.h"

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "formats/datetime.h"
#include "formats/status_list.h"
#include "issuer/credential_signer.h"
#include "tests/issuer/issuer_test_support.h"

namespace passerelle {
namespace {

using nlohmann::json;

ListCredentialInput Input() {
  ListCredentialInput in;
  in.url = "https://issuer.test/status-lists/suspension-1";
  in.purpose = store::StatusPurpose::kSuspension;
  in.bits = std::string(131072 / 8, '\0');
  in.bits[1] = '\x80';  // index 8 set
  in.valid_from = Timestamp{1782259200, 0};
  in.valid_until = Timestamp{1782259200 + 86400, 0};
  return in;
}

TEST_CASE("list credential: a BitstringStatusListCredential served at its own URL", "[issuer][status]") {
  auto vc = BuildStatusListCredential("did:web:uni.example", Input());
  REQUIRE(vc.ok());
  CHECK((*vc)["id"] == "https://issuer.test/status-lists/suspension-1");
  CHECK((*vc)["type"] == json::array({"VerifiableCredential", "BitstringStatusListCredential"}));
  CHECK((*vc)["issuer"] == "did:web:uni.example");
  CHECK((*vc)["validFrom"] == FormatDateTime(Timestamp{1782259200, 0}));
  CHECK((*vc)["validUntil"] == FormatDateTime(Timestamp{1782259200 + 86400, 0}));
  const json& subject = (*vc)["credentialSubject"];
  CHECK(subject["id"] == "https://issuer.test/status-lists/suspension-1#list");
  CHECK(subject["type"] == "BitstringStatusList");
  CHECK(subject["statusPurpose"] == "suspension");
  auto bits = DecodeStatusList(subject["encodedList"].get<std::string>());
  REQUIRE(bits.ok());
  CHECK(*bits == Input().bits);
  CHECK(ReadStatus(*bits, 8, 1).value() == 1);
  CHECK(ReadStatus(*bits, 9, 1).value() == 0);
}

TEST_CASE("list credential: signed with the node's key, and it passes the self-check", "[issuer][status]") {
  testing::TempDir dir;
  testing::MakeIssuerDir(dir.path() / "issuer", "did:web:uni.example");
  auto signer = testing::MakeSigner(dir.path() / "issuer");
  auto snapshot = signer->Current();
  for (Cryptosuite suite : {Cryptosuite::kEddsaRdfc2022, Cryptosuite::kEddsaJcs2022}) {
    auto vc = SignStatusListCredential(*snapshot, Input(), suite);
    INFO(vc.status().ToString());
    REQUIRE(vc.ok());
    REQUIRE(vc->contains("proof"));
    CHECK((*vc)["proof"]["created"] == FormatDateTime(Input().valid_from));
    CHECK(SelfCheck(snapshot->issuer, *vc, Timestamp{1782259200 + 60, 0}).ok());
    json forged = *vc;
    forged["credentialSubject"]["statusPurpose"] = "revocation";
    CHECK_FALSE(SelfCheck(snapshot->issuer, forged, Timestamp{1782259200 + 60, 0}).ok());
  }
}

}  // namespace
}  // namespace passerelle
