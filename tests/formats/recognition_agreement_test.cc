// Tests for formats/recognition_agreement.h: the scenario's double-diploma
// agreement reads whole once its institutions have DIDs; broken agreements
// are refused, naming the member.
#include "formats/recognition_agreement.h"

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "formats/json.h"
#include "tests/testing/paths.h"

namespace passerelle {
namespace {

using nlohmann::json;

json ScenarioAgreement() {
  json a = ParseJson(testing::ReadFile(testing::SourceDir() / "scripts/demo-data/double-diploma-kz-ro.json")).value();
  a["institutionDids"] = {{"kz-univ-almaty", "did:web:almaty-med.example.kz"}, {"ro-univ-iasi", "did:web:umfiasi.example.ro"}};
  return a;
}

TEST_CASE("recognition agreement: the scenario's double diploma reads whole", "[recognition]") {
  auto a = ParseRecognitionAgreement(ScenarioAgreement());
  INFO(a.status().message());
  REQUIRE(a.ok());
  CHECK(a->target_code == "MQS-MASTER");
  CHECK(a->target_ects == 120);
  REQUIRE(a->rules.size() == 4);
  CHECK(a->rules[0].from_issuer == "did:web:almaty-med.example.kz");
  CHECK(a->rules[0].from_module == "KZ-QM-501");
  CHECK(a->rules[0].to_module == "MQS-101");
  REQUIRE(a->rules[0].min_grade.has_value());
  CHECK(a->rules[0].min_grade->scale == "KZ-0-100");
  CHECK(a->rules[0].min_grade->value == 50);
  CHECK_FALSE(a->rules[3].min_grade.has_value());
  CHECK(a->max_recognised_ects == 60);
  CHECK(a->min_eqf_level_of_source == 6);
  CHECK(a->accept_until == ParseDateTime("2028-12-31T23:59:59Z").value());
  const SourceModule* m = a->FindSourceModule("did:web:almaty-med.example.kz", "KZ-RM-510");
  REQUIRE(m != nullptr);
  CHECK(m->eqf_level == 7);
  CHECK(m->title.at("en") == "Patient risk management");
}

TEST_CASE("recognition agreement: institutions without a DID, and broken rules, are refused", "[recognition]") {
  json no_dids = ScenarioAgreement();
  no_dids.erase("institutionDids");
  auto r = ParseRecognitionAgreement(no_dids);
  REQUIRE_FALSE(r.ok());
  CHECK_THAT(r.status().message(), Catch::Contains("kz-univ-almaty"));
  CHECK_THAT(r.status().message(), Catch::Contains("institutionDids"));

  struct Case {
    const char* pointer;
    json value;  // null: remove
    const char* named;
  };
  const Case cases[] = {
      {"/recognitionRules", json::array(), "/recognitionRules"},
      {"/recognitionRules/0/ects", 0, "/recognitionRules/0/ects"},
      {"/recognitionRules/0/ects", "6", "/recognitionRules/0/ects"},
      {"/recognitionRules/0/to", nullptr, "/recognitionRules/0/to"},
      {"/recognitionRules/1/from/module", "KZ-QM-501", "a second rule"},
      {"/recognitionRules/0/minGrade/value", "50", "/minGrade/value"},
      {"/limits/minEqfLevelOfSource", 9, "/limits/minEqfLevelOfSource"},
      {"/limits/minEqfLevelOfSource", 6.5, "whole"},
      {"/limits/acceptUntil", "31/12/2028", "/limits/acceptUntil"},
      {"/targetProgramme", nullptr, "/targetProgramme"},
      {"/institutionDids/kz-univ-almaty", "https://almaty.example.kz", "/institutionDids/kz-univ-almaty"},
      {"/agreement", 5, "/agreement"},
  };
  for (const auto& c : cases) {
    json a = ScenarioAgreement();
    json::json_pointer p(c.pointer);
    if (c.value.is_null()) a[p.parent_pointer()].erase(p.back());
    else a[p] = c.value;
    auto parsed = ParseRecognitionAgreement(a);
    INFO(c.pointer << " = " << c.value.dump());
    REQUIRE_FALSE(parsed.ok());
    CHECK(parsed.status().code() == Code::kInvalidArgument);
    CHECK_THAT(parsed.status().message(), Catch::Contains(c.named));
  }
  for (const json& garbage : {json(nullptr), json::array(), json("x"), json::object()})
    CHECK_FALSE(ParseRecognitionAgreement(garbage).ok());
}

TEST_CASE("recognition agreement: an optional grade conversion names its scales", "[recognition]") {
  json a = ScenarioAgreement();
  CHECK(ParseRecognitionAgreement(a)->grade_conversion->to_scale == "RO-1-10");  // the scenario's
  a.erase("gradeConversion");
  CHECK_FALSE(ParseRecognitionAgreement(a)->grade_conversion.has_value());
  a["gradeConversion"] = {{"toScale", "RO-1-10"},
                          {"scales", {{"RO-1-10", {{"min", 1}, {"max", 10}, {"passMark", 5}, {"step", 0.01}}},
                                      {"KZ-0-100", {{"min", 0}, {"max", 100}, {"passMark", 50}, {"step", 1}}}}}};
  auto parsed = ParseRecognitionAgreement(a);
  REQUIRE(parsed.ok());
  CHECK(parsed->grade_conversion->to_scale == "RO-1-10");
  CHECK(parsed->grade_conversion->scales.at("KZ-0-100").pass_mark == 50);
  a["gradeConversion"]["toScale"] = "GR-0-10";
  CHECK_THAT(ParseRecognitionAgreement(a).status().message(), Catch::Contains("/gradeConversion/toScale"));
  a["gradeConversion"] = {{"toScale", "RO-1-10"}, {"scales", {{"RO-1-10", {{"min", 10}, {"max", 1}, {"passMark", 5}, {"step", 1}}}}}};
  CHECK_FALSE(ParseRecognitionAgreement(a).ok());
  a["gradeConversion"] = "linear";
  CHECK_FALSE(ParseRecognitionAgreement(a).ok());
}

}  // namespace
}  // namespace passerelle
