// Tests for wallet-cli/export/europass_export.h: a module credential as an
// ELM 3 edc-ap document, checked field by field and by safe-mode expansion
// against the bundled contexts only.
#include "wallet-cli/export/europass_export.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "formats/jsonld/expand.h"
#include "formats/jsonld/options.h"
#include "tests/wallet-cli/wallet_test_support.h"

namespace passerelle::wallet {
namespace {

using nlohmann::json;

Credential Module(const testing::ModuleOptions& o = {}) {
  auto issuer = testing::KeyFromSeed('i');
  json vc = testing::SignedModule(issuer, "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK", o);
  auto c = CredentialFromJson(std::move(vc));
  REQUIRE(c.ok());
  return *c;
}

json SafeExpand(const json& doc) {
  jsonld::JsonLdOptions options;
  options.safe_mode = true;
  auto expanded = jsonld::Expand(doc, options);
  INFO(expanded.status().ToString());
  REQUIRE(expanded.ok());
  return *expanded;
}

TEST_CASE("europass: a module credential gives every field EDC needs", "[europass]") {
  Credential vc = Module();
  auto doc = ToEuropass(vc);
  REQUIRE(doc.ok());
  const json& d = *doc;
  CHECK(d["@context"] == json::array({"https://www.w3.org/2018/credentials/v1", kEdcApContext}));
  CHECK(d["type"] == json::array({"VerifiableCredential", "EuropeanDigitalCredential"}));
  CHECK(d["id"] == vc.id());
  CHECK(d["issuanceDate"] == "2026-06-24T00:00:00Z");
  CHECK(d["credentialSchema"][0]["type"] == "ShaclValidator2017");

  // Awarding body: the issuer, with its legal name, country and accreditation.
  CHECK(d["issuer"]["type"] == "Organisation");
  CHECK(d["issuer"]["legalName"]["en"] == "Institut de formation en santé de Lyon (démo)");
  CHECK(d["issuer"]["location"]["address"]["countryCode"]["id"] ==
        "http://publications.europa.eu/resource/authority/country/FRA");
  CHECK(d["issuer"]["accreditation"][0]["dcType"]["id"] == "http://data.europa.eu/snb/accreditation/820101cba6");

  const json& person = d["credentialSubject"];
  CHECK(person["type"] == "Person");
  CHECK(person["givenName"]["en"] == "Jérôme");
  CHECK(person["familyName"]["en"] == "Mercier");

  const json& claim = person["hasClaim"][0];
  CHECK(claim["type"] == "LearningAchievement");
  // Every language of the title is kept.
  CHECK(claim["title"]["en"] == "Foundations of quality management in health care");
  CHECK(claim["title"]["fr"] == "Fondamentaux du management de la qualité en santé");
  CHECK(claim["title"]["ro"] == "Fundamentele managementului calității în sănătate");
  CHECK(claim["title"]["el"] == "Θεμέλια διαχείρισης ποιότητας στην υγεία");
  CHECK(claim["title"]["ru"] == "Основы управления качеством в здравоохранении");
  CHECK(claim["awardedBy"]["type"] == "AwardingProcess");
  CHECK(claim["awardedBy"]["awardingBody"][0]["id"] == vc.issuer().id);
  CHECK(claim["awardedBy"]["awardingDate"] == "2026-06-24T00:00:00Z");

  const json& spec = claim["specifiedBy"];
  CHECK(spec["type"] == "LearningAchievementSpecification");
  CHECK(spec["identifier"][0]["notation"] == "HQ-M01");
  CHECK(spec["creditPoint"][0]["point"] == "6");
  CHECK(spec["creditPoint"][0]["framework"]["id"] == "http://data.europa.eu/snb/education-credit/6fcec5c5af");
  CHECK(spec["eqfLevel"]["id"] == "http://data.europa.eu/snb/eqf/5");
  CHECK(spec["volumeOfLearning"] == "PT150H");
  REQUIRE(spec["learningOutcome"].size() == 2);
  CHECK(spec["learningOutcome"][0]["type"] == "LearningOutcome");
  CHECK(spec["learningOutcome"][0]["title"]["en"] ==
        "Explain the quality frameworks recommended by WHO and OECD for health services");

  const json& assessment = claim["provenBy"][0];
  CHECK(assessment["type"] == "LearningAssessment");
  CHECK(assessment["grade"]["noteLiteral"]["en"] == "18.1");
  CHECK(assessment["specifiedBy"]["gradingScheme"]["title"]["en"] == "FR-0-20");
  CHECK(assessment["specifiedBy"]["dcType"]["id"] == "http://data.europa.eu/snb/assessment/6e6cb2cc78");
  CHECK(assessment["specifiedBy"]["mode"][0]["id"] == "http://data.europa.eu/snb/learning-assessment/e92d221e4d");

  CHECK(d["displayParameter"]["primaryLanguage"]["id"] ==
        "http://publications.europa.eu/resource/authority/language/ENG");
  CHECK(d["displayParameter"]["language"].size() == 5);
}

TEST_CASE("europass: the export expands in safe mode with the bundled contexts only", "[europass]") {
  testing::ModuleOptions o;
  o.title = {{"kk", "Денсаулық сақтаудағы сапа менеджменті"}, {"ru", "Менеджмент качества в здравоохранении"}};
  for (const Credential& vc : {Module(), Module(o)}) {
    auto doc = ToEuropass(vc);
    REQUIRE(doc.ok());
    json expanded = SafeExpand(*doc);
    REQUIRE(expanded.size() == 1);
    std::string text = expanded.dump();
    // The ELM IRIs the terms map to, not our own vocabulary.
    CHECK(text.find("http://data.europa.eu/snb/model/elm/LearningAchievement") != std::string::npos);
    CHECK(text.find("http://data.europa.eu/snb/model/elm/creditPoint") != std::string::npos);
    CHECK(text.find("http://data.europa.eu/snb/model/elm/learningOutcome") != std::string::npos);
    CHECK(text.find("https://w3id.org/passerelle") == std::string::npos);
  }
  auto kk = ToEuropass(Module(o));
  REQUIRE(kk.ok());
  CHECK((*kk)["credentialSubject"]["hasClaim"][0]["title"]["kk"] == "Денсаулық сақтаудағы сапа менеджменті");
  CHECK((*kk)["displayParameter"]["primaryLanguage"]["id"] ==
        "http://publications.europa.eu/resource/authority/language/KAZ");
}

TEST_CASE("europass: the ELM samples themselves expand with the same loader", "[europass]") {
  // Our export is held to the same check the EU's own samples pass.
  auto text = passerelle::testing::ReadFile(passerelle::testing::SourceDir() /
                                            "tests/wallet-cli/export/testdata/elm-credential-sample.jsonld");
  json sample = json::parse(text);
  jsonld::JsonLdOptions options;
  auto expanded = jsonld::Expand(sample, options);
  INFO(expanded.status().ToString());
  CHECK(expanded.ok());
}

TEST_CASE("europass: a credential without a Passerelle achievement is refused", "[europass]") {
  auto vc = CredentialFromJson(json{{"@context", {"https://www.w3.org/ns/credentials/v2"}},
                                    {"type", {"VerifiableCredential"}},
                                    {"issuer", "did:key:z6Mk"},
                                    {"credentialSubject", {{"id", "did:key:z6Mk"}}}});
  REQUIRE(vc.ok());
  auto doc = ToEuropass(*vc);
  REQUIRE_FALSE(doc.ok());
  CHECK(doc.status().code() == Code::kUnsupported);
}

}  // namespace
}  // namespace passerelle::wallet
