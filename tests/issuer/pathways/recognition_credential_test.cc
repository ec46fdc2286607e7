// Tests for issuer/pathways/recognition_credential.h: grade conversion and
// the fields a recognition credential keeps.
#include "issuer/pathways/recognition_credential.h"

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

namespace passerelle {
namespace {

using nlohmann::json;

GradeConversion KzToRo() {
  GradeConversion c;
  c.to_scale = "RO-1-10";
  c.scales["KZ-0-100"] = {0, 100, 50, 1};
  c.scales["RO-1-10"] = {1, 10, 5, 0.01};
  return c;
}

Credential KazakhModule(const std::string& country = "KZ") {
  json vc = {{"@context", {"https://www.w3.org/ns/credentials/v2", "https://w3id.org/passerelle/v1"}},
             {"id", "urn:uuid:11111111-1111-4111-8111-111111111111"},
             {"type", {"VerifiableCredential", "ModuleCredential"}},
             {"issuer", {{"id", "did:key:almaty"}, {"name", "Almaty"}, {"country", country}}},
             {"validFrom", "2026-06-20T00:00:00Z"},
             {"credentialSubject",
              {{"id", "did:key:student"},
               {"achievement",
                {{"type", "LearningAchievement"},
                 {"code", "KZ-QM-501"},
                 {"title", {{"en", "Quality management"}}},
                 {"ects", 6},
                 {"nqfLevel", "https://example.kz/nqf/7"},
                 {"grade", {{"value", "81"}, {"scheme", "KZ-0-100"}}}}}}}};
  return *CredentialFromJson(vc);
}

RecognitionAgreement Agreement() {
  RecognitionAgreement a;
  a.name = "Double diploma";
  a.target_code = "MQS-MASTER";
  a.rules.push_back({"did:key:almaty", "KZ-QM-501", "MQS-101", MinimumGrade{"KZ-0-100", 50}, 6});
  a.source_modules.push_back({"did:key:almaty", "KZ-QM-501", 6, 7, {}});
  a.grade_conversion = KzToRo();
  return a;
}

TEST_CASE("ConvertGrade maps pass mark onto pass mark and maximum onto maximum", "[issuer][pathways]") {
  auto c = KzToRo();
  CHECK(ConvertGrade(c, Grade{"50", "KZ-0-100"}).grade->value == "5.00");
  CHECK(ConvertGrade(c, Grade{"100", "KZ-0-100"}).grade->value == "10.00");
  CHECK(ConvertGrade(c, Grade{"81", "KZ-0-100"}).grade->value == "8.10");
  CHECK(ConvertGrade(c, Grade{"81", "KZ-0-100"}).grade->scheme == "RO-1-10");
  CHECK_THAT(ConvertGrade(c, Grade{"81", "KZ-0-100"}).method, Catch::Contains("linear conversion"));
}

TEST_CASE("ConvertGrade keeps a grade it cannot convert, and says so", "[issuer][pathways]") {
  auto c = KzToRo();
  auto unknown = ConvertGrade(c, Grade{"15", "FR-0-20"});
  CHECK(unknown.grade->value == "15");
  CHECK_THAT(unknown.method, Catch::Contains("not converted"));
  CHECK(ConvertGrade(std::nullopt, Grade{"81", "KZ-0-100"}).grade->scheme == "KZ-0-100");
  CHECK(ConvertGrade(c, Grade{"eighty", "KZ-0-100"}).grade->value == "eighty");
  CHECK(ConvertGrade(c, Grade{"181", "KZ-0-100"}).grade->value == "181");
  CHECK(!ConvertGrade(c, std::nullopt).grade);
}

TEST_CASE("a recognition of a KZ award keeps its NQF level, the EQF level is the receiving side's comparison",
          "[issuer][pathways]") {
  auto agreement = Agreement();
  auto vc = BuildRecognitionCredential(KazakhModule(), agreement, agreement.rules[0],
                                       IssuerIdentity{"did:key:iasi", "Iasi", "RO"},
                                       RecognitionDecision{"urn:uuid:r", "did:key:student", "REC/1", Timestamp{}});
  REQUIRE(vc.ok());
  const json& a = (*vc)["credentialSubject"]["achievement"];
  CHECK(a["code"] == "MQS-101");
  CHECK(a["eqfLevel"] == "http://data.europa.eu/snb/eqf/7");
  CHECK(a["originalCredential"]["nqfLevel"] == "https://example.kz/nqf/7");
  CHECK(!a["originalCredential"].contains("eqfLevel"));
  CHECK(a["decisionReference"] == "REC/1");
  CHECK((*vc)["credentialSubject"]["id"] == "did:key:student");
}

TEST_CASE("a recognition of an EQF country's award asserts no comparison of its own", "[issuer][pathways]") {
  auto agreement = Agreement();
  auto vc = BuildRecognitionCredential(KazakhModule("FR"), agreement, agreement.rules[0],
                                       IssuerIdentity{"did:key:iasi", "Iasi", "RO"},
                                       RecognitionDecision{"urn:uuid:r", "did:key:student", "", Timestamp{}});
  REQUIRE(vc.ok());
  CHECK(!(*vc)["credentialSubject"]["achievement"].contains("eqfLevel"));
  CHECK(!(*vc)["credentialSubject"]["achievement"].contains("decisionReference"));
}

TEST_CASE("the recognition key names the original and the receiving module", "[issuer][pathways]") {
  auto agreement = Agreement();
  CHECK(RecognitionKey(KazakhModule(), agreement, agreement.rules[0]) ==
        "recognition:MQS-MASTER:MQS-101:urn:uuid:11111111-1111-4111-8111-111111111111");
}

}  // namespace
}  // namespace passerelle
