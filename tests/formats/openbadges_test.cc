// Tests for formats/openbadges.h: a native module credential as an OB 3.0
// Achievement and OpenBadgeCredential, expanded in safe mode with the
// bundled contexts only.
#include "formats/openbadges.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "formats/jsonld/expand.h"
#include "formats/jsonld/options.h"

namespace passerelle {
namespace {

using nlohmann::json;

Credential Module() {
  auto vc = CredentialFromJson(json::parse(R"({
    "@context": ["https://www.w3.org/ns/credentials/v2", "https://w3id.org/passerelle/v1"],
    "id": "urn:uuid:6a1a7f1e-9b61-4f0e-a1a3-1b6f1c2d3e4f",
    "type": ["VerifiableCredential", "ModuleCredential"],
    "issuer": {"id": "did:key:z6MkIssuer", "name": "Institut de Lyon", "country": "FR"},
    "validFrom": "2026-06-24T00:00:00Z",
    "credentialSubject": {
      "id": "did:key:z6MkHolder", "givenName": "Jérôme", "familyName": "Mercier",
      "awardedOn": "2026-06-20T00:00:00Z",
      "achievement": {
        "type": "LearningAchievement", "code": "HQ-M03",
        "title": {"en": "Patient safety", "fr": "Sécurité des patients"},
        "learningOutcomes": {"en": ["Run a root-cause analysis"], "fr": ["Mener une analyse des causes"]},
        "ects": 6, "workload": "PT150H", "eqfLevel": "http://data.europa.eu/snb/eqf/5",
        "grade": {"value": "18.9", "scheme": "FR-0-20"}
      }
    }
  })"));
  REQUIRE(vc.ok());
  return *vc;
}

void ExpandsSafely(const json& doc) {
  jsonld::JsonLdOptions options;
  options.safe_mode = true;
  auto expanded = jsonld::Expand(doc, options);
  INFO(expanded.status().ToString());
  CHECK(expanded.ok());
}

TEST_CASE("open badges: the achievement carries criteria, EQF alignment, ECTS and the grade's scale", "[openbadges]") {
  auto a = OpenBadgeAchievement(Module(), "fr", true);
  REQUIRE(a.ok());
  CHECK((*a)["type"] == json::array({"Achievement"}));
  CHECK((*a)["achievementType"] == "Course");
  CHECK((*a)["name"] == "Sécurité des patients");
  CHECK_THAT((*a)["criteria"]["narrative"].get<std::string>(), Catch::Contains("Mener une analyse des causes"));
  CHECK((*a)["creditsAvailable"] == 6);
  CHECK((*a)["alignment"][0]["targetUrl"] == "http://data.europa.eu/snb/eqf/5");
  CHECK((*a)["alignment"][0]["targetCode"] == "5");
  CHECK((*a)["resultDescription"][0]["valueMax"] == "20");
  CHECK((*a)["humanCode"] == "HQ-M03");
  ExpandsSafely(*a);
}

TEST_CASE("open badges: the credential is an OpenBadgeCredential with a result", "[openbadges]") {
  auto vc = ToOpenBadgeCredential(Module());
  REQUIRE(vc.ok());
  CHECK((*vc)["@context"] == json::array({kVc2Context, kOpenBadgesContext}));
  CHECK((*vc)["type"] == json::array({"VerifiableCredential", "OpenBadgeCredential"}));
  const json& s = (*vc)["credentialSubject"];
  CHECK(s["id"] == "did:key:z6MkHolder");
  CHECK(s["type"] == json::array({"AchievementSubject"}));
  CHECK(s["result"][0]["value"] == "18.9");
  CHECK(s["result"][0]["resultDescription"] == s["achievement"]["resultDescription"][0]["id"]);
  CHECK(s["creditsEarned"] == 6);
  CHECK(s["identifier"][0]["identityHash"] == "Jérôme Mercier");
  CHECK((*vc)["awardedDate"] == "2026-06-20T00:00:00Z");
  CHECK((*vc)["issuer"]["name"] == "Institut de Lyon");
  CHECK(ValidateCredentialModel(*vc).ok());
  ExpandsSafely(*vc);
}

TEST_CASE("open badges: a credential without a Passerelle achievement is refused", "[openbadges]") {
  auto vc = CredentialFromJson(json{{"id", "urn:x"}, {"credentialSubject", {{"id", "did:key:z"}}}});
  REQUIRE(vc.ok());
  CHECK(OpenBadgeAchievement(*vc).status().code() == Code::kUnsupported);
  CHECK(ToOpenBadgeCredential(*vc).status().code() == Code::kUnsupported);
}

}  // namespace
}  // namespace passerelle
