// Tests for wallet-cli/credential_summary.h: what the wallet's index keeps of a credential, and its JSON form.
#include "wallet-cli/credential_summary.h"

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "formats/credential.h"
#include "tests/wallet-cli/wallet_test_support.h"

namespace passerelle::wallet {
namespace {

using nlohmann::json;

TEST_CASE("credential summary: a module credential's kind, title, issuer, levels and dates", "[wallet]") {
  auto issuer = testing::KeyFromSeed('i');
  const std::string holder = "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK";
  json vc = testing::SignedModule(issuer, holder);
  CredentialSummary s = SummarizeCredential(CredentialFromJson(vc).value());
  CHECK(s.credential_id == "urn:uuid:6a1f0e52-8c3d-4b7a-9e21-0d5c4f3b2a19");
  CHECK(s.kind == "module");
  CHECK(s.issuer_id == DidKeyFor(issuer.public_key()));
  CHECK(s.issuer_name == "Institut de formation en santé de Lyon (démo)");
  CHECK(s.subject_id == holder);
  CHECK(s.eqf_level == 5);
  REQUIRE(s.ects.has_value());
  CHECK(*s.ects == 6);
  CHECK(s.title.is_object());
  CHECK(s.title.contains("en"));
  CHECK(s.valid_from == vc["validFrom"].get<std::string>());
  CHECK(s.has_status == vc.contains("credentialStatus"));
  CHECK(s.status == (s.has_status ? "unknown" : "none"));
  CHECK(s.status_checked_at.empty());
}

TEST_CASE("credential summary: a plain credential keeps what it has, the rest empty", "[wallet]") {
  json vc = {{"@context", {"https://www.w3.org/ns/credentials/v2"}},
             {"type", {"VerifiableCredential"}},
             {"issuer", "did:web:other.example"},
             {"name", "Badge"},
             {"validUntil", "2030-01-01T00:00:00Z"},
             {"credentialSubject", {{"name", "no id"}}}};
  auto credential = CredentialFromJson(vc);
  REQUIRE(credential.ok());
  CredentialSummary s = SummarizeCredential(*credential);
  CHECK(s.credential_id.empty());
  CHECK(s.kind == "credential");
  CHECK(s.title == "Badge");  // the credential's own name when there is no achievement
  CHECK(s.issuer_id == "did:web:other.example");
  CHECK(s.issuer_name.empty());
  CHECK(s.subject_id.empty());
  CHECK(s.eqf_level == 0);
  CHECK_FALSE(s.ects.has_value());
  CHECK(s.valid_from.empty());
  CHECK(s.valid_until == "2030-01-01T00:00:00Z");
  CHECK_FALSE(s.has_status);
  CHECK(s.status == "none");
}

TEST_CASE("credential summary: the JSON form round-trips, and damaged forms are malformed", "[wallet]") {
  CredentialSummary s;
  s.credential_id = "urn:uuid:1";
  s.kind = "diploma";
  s.title = json{{"fr", "Licence"}};
  s.eqf_level = 6;
  s.ects = 180;
  s.status = "revoked";
  const json j = SummaryToJson(s);
  auto back = SummaryFromJson(j);
  REQUIRE(back.ok());
  CHECK(back->kind == "diploma");
  CHECK(back->title == s.title);
  CHECK(back->eqf_level == 6);
  CHECK(back->ects == std::optional<double>(180));
  CHECK(back->status == "revoked");
  CHECK(SummaryToJson(*back) == j);
  CHECK(SummaryFromJson(json::array()).status().code() == Code::kMalformed);
  json no_kind = j;
  no_kind.erase("kind");
  CHECK(SummaryFromJson(no_kind).status().code() == Code::kMalformed);
  json bad_level = j;
  bad_level["eqfLevel"] = 6.5;
  auto r = SummaryFromJson(bad_level);
  CHECK(r.status().code() == Code::kMalformed);
  CHECK_THAT(r.status().message(), Catch::Contains("eqfLevel"));
}

}  // namespace
}  // namespace passerelle::wallet
