// Tests for issuer/programme.h: grading scales and grades, credential ids, and the
// programme elements a module credential cannot be built without.
#include "issuer/programme.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <set>

#include <nlohmann/json.hpp>

#include "formats/datetime.h"

namespace passerelle {
namespace {

using nlohmann::json;

const GradingScale kFr{"FR", 0, 20, 10, 0.1};
const GradingScale kRu{"RU", 2, 5, 3, 1};

TEST_CASE("programme: grading scales parse, and contradictory ones are malformed", "[issuer]") {
  auto scales = ParseGradingScales(json::parse(
      R"({"FR-0-20": {"country": "FR", "min": 0, "max": 20, "passMark": 10, "step": 0.1},
          "RU-2-5": {"country": "RU", "min": 2, "max": 5, "passMark": 3, "step": 1}})"));
  REQUIRE(scales.ok());
  CHECK(scales->size() == 2);
  CHECK(scales->at("RU-2-5").min == 2);
  CHECK(scales->at("FR-0-20").country == "FR");
  for (const char* bad : {R"([])", R"({"X": {"min": 5, "max": 1, "passMark": 3, "step": 1}})",
                          R"({"X": {"min": 0, "max": 10, "passMark": 5, "step": 0}})",
                          R"({"X": {"min": 0, "max": 10, "passMark": 11, "step": 1}})",
                          R"({"X": {"min": 0, "max": 10, "step": 1}})",
                          R"({"X": {"min": "0", "max": 10, "passMark": 5, "step": 1}})"}) {
    INFO(bad);
    CHECK(ParseGradingScales(json::parse(bad)).status().code() == Code::kMalformed);
  }
}

TEST_CASE("programme: a grade lies on its scale and on a step of it", "[issuer]") {
  CHECK(CheckGrade(kFr, "FR-0-20", 0).ok());
  CHECK(CheckGrade(kFr, "FR-0-20", 20).ok());
  CHECK(CheckGrade(kFr, "FR-0-20", 18.1).ok());
  Status over = CheckGrade(kFr, "FR-0-20", 21);
  CHECK(over.code() == Code::kInvalidArgument);
  CHECK_THAT(over.message(), Catch::Contains("FR-0-20"));
  CHECK(CheckGrade(kFr, "FR-0-20", -0.1).code() == Code::kInvalidArgument);
  Status off_step = CheckGrade(kFr, "FR-0-20", 18.15);
  CHECK(off_step.code() == Code::kInvalidArgument);
  CHECK_THAT(off_step.message(), Catch::Contains("grade 18.15 is not a step of FR-0-20 (steps of 0.1 from 0)"));
  // A long scale name (a partner's own, in full) is kept whole, not cut.
  const std::string long_name =
      "Școala Națională de Sănătate Publică — scala de notare a modulelor de calitate a îngrijirilor (1–10)";
  CHECK_THAT(CheckGrade(kFr, long_name, 21).message(), Catch::EndsWith(long_name + " (0–20)"));
  CHECK(CheckGrade(kRu, "RU-2-5", 4).ok());
  CHECK(CheckGrade(kRu, "RU-2-5", 3.5).code() == Code::kInvalidArgument);
  CHECK(CheckGrade(kFr, "FR-0-20", std::nan("")).code() == Code::kInvalidArgument);
  CHECK(CheckGrade(kFr, "FR-0-20", std::numeric_limits<double>::infinity()).code() == Code::kInvalidArgument);
}

TEST_CASE("programme: the pass mark passes, anything below does not", "[issuer]") {
  CHECK(IsPassingGrade(kFr, 10));
  CHECK(IsPassingGrade(kFr, 20));
  CHECK_FALSE(IsPassingGrade(kFr, 9.9));
  CHECK(IsPassingGrade(kRu, 3));
  CHECK_FALSE(IsPassingGrade(kRu, 2));
}

TEST_CASE("programme: an unknown module or scale is named with what was probably meant", "[issuer]") {
  Programme p;
  p.code = "HQ-CERT";
  auto module = [](std::string code) {
    ProgrammeModule m;
    m.code = std::move(code);
    return m;
  };
  for (const char* code : {"HQ-M01", "HQ-M02"}) p.modules.push_back(module(code));
  CHECK(UnknownModuleMessage(p, "hq-m02") == "module \"hq-m02\" is not in programme HQ-CERT (did you mean HQ-M02?)");
  CHECK(UnknownModuleMessage(p, "HQ-M99") == "module \"HQ-M99\" is not in programme HQ-CERT (its modules: HQ-M01, HQ-M02)");
  for (int i = 3; i <= 14; ++i) p.modules.push_back(module("HQ-M" + std::to_string(i)));
  CHECK_THAT(UnknownModuleMessage(p, "X"), Catch::EndsWith("HQ-M11, HQ-M12, …)"));
  GradingScales scales{{"FR-0-20", kFr}, {"RU-2-5", kRu}};
  CHECK(UnknownScaleMessage(scales, "ru-2-5") == "unknown grading scale \"ru-2-5\" (did you mean RU-2-5?)");
  CHECK(UnknownScaleMessage(scales, "KZ") == "unknown grading scale \"KZ\" (known scales: FR-0-20, RU-2-5)");
}

TEST_CASE("programme: credential ids are fresh version-4 UUID URNs", "[issuer]") {
  std::set<std::string> ids;
  for (int i = 0; i < 200; ++i) {
    std::string id = NewCredentialId();
    REQUIRE(id.size() == 9 + 36);
    CHECK(id.rfind("urn:uuid:", 0) == 0);
    CHECK(id[9 + 14] == '4');                                   // version 4
    CHECK(std::string("89ab").find(id[9 + 19]) != std::string::npos);  // RFC 4122 variant
    CHECK(id[9 + 8] == '-');
    ids.insert(id);
  }
  CHECK(ids.size() == 200);
}

TEST_CASE("programme: a module credential needs mode, assessment, quality assurance and outcomes", "[issuer]") {
  Programme p;
  p.code = "HQ-CERT";
  p.kind = "certification";
  p.mode = "blended";
  p.assessment_type = "exam";
  p.quality_assurance = "accredited";
  ProgrammeModule m{"HQ-M01", 6, 5, "", true, {{"en", "Foundations"}}, {{"en", {"Knows the basics"}}}};
  IssuerIdentity issuer{"did:web:uni.example", "University", "FR"};
  Learner learner{"did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK", "Ada", "Lovelace"};
  ModuleAward award{"urn:uuid:1", "18.1", "FR-0-20", Timestamp{1782259200, 0}};
  auto vc = BuildModuleCredential(p, m, issuer, learner, award);
  INFO(vc.status().ToString());
  REQUIRE(vc.ok());
  CHECK((*vc)["id"] == "urn:uuid:1");
  CHECK((*vc)["credentialSubject"]["achievement"]["code"] == "HQ-M01");

  Programme no_mode = p;
  no_mode.mode.clear();
  auto refused = BuildModuleCredential(no_mode, m, issuer, learner, award);
  CHECK(refused.status().code() == Code::kInvalidCredential);
  CHECK_THAT(refused.status().message(), Catch::Contains("mode"));
  Programme no_qa = p;
  no_qa.quality_assurance.clear();
  CHECK(BuildModuleCredential(no_qa, m, issuer, learner, award).status().code() == Code::kInvalidCredential);
  ProgrammeModule no_outcomes = m;
  no_outcomes.learning_outcomes = json::object();
  auto no_lo = BuildModuleCredential(p, no_outcomes, issuer, learner, award);
  CHECK(no_lo.status().code() == Code::kInvalidCredential);
  CHECK_THAT(no_lo.status().message(), Catch::Contains("learningOutcomes"));
}

}  // namespace
}  // namespace passerelle
