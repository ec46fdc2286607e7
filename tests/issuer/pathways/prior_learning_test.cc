// Tests for issuer/pathways/prior_learning.h: marking a module credential as awarded from prior learning.
#include "issuer/pathways/prior_learning.h"

#include <catch2/catch.hpp>

#include <string>

#include <nlohmann/json.hpp>

#include "formats/profile.h"

namespace passerelle {
namespace {

using nlohmann::json;

// An unsigned module credential of `code` with an achievement.
json Module(const std::string& issuer, const std::string& code, const std::string& grade, const std::string& scale) {
  return {{"@context", {"https://www.w3.org/ns/credentials/v2", "https://w3id.org/passerelle/v1"}},
          {"id", "urn:uuid:" + issuer + "-" + code},
          {"type", {"VerifiableCredential", "ModuleCredential"}},
          {"issuer", {{"id", issuer}, {"name", "x"}, {"country", "RO"}}},
          {"validFrom", "2026-06-20T00:00:00Z"},
          {"credentialSubject",
           {{"id", "did:key:s"},
            {"achievement", {{"code", code}, {"ects", 6}, {"grade", {{"value", grade}, {"scheme", scale}}}}}}}};
}

TEST_CASE("prior learning: the achievement is influenced by a prior-learning activity naming the evidence",
          "[issuer][pathways]") {
  json vc = Module("did:key:own", "HQ-M01", "7", "RO-1-10");
  const json before = vc;
  REQUIRE(AddPriorLearning(vc, "VAE-2026-0042").ok());
  const json& activity = vc["credentialSubject"]["achievement"]["influencedBy"];
  CHECK(activity["type"] == "LearningActivity");
  CHECK(activity["activityType"] == std::string(kPriorLearningActivity));
  CHECK(activity["evidenceReference"] == "VAE-2026-0042");
  // Nothing else changes.
  json without = vc;
  without["credentialSubject"]["achievement"].erase("influencedBy");
  CHECK(without == before);
}

TEST_CASE("prior learning: references up to 200 bytes, without control characters", "[issuer][pathways]") {
  json vc = Module("did:key:own", "HQ-M01", "7", "RO-1-10");
  CHECK(AddPriorLearning(vc, std::string(200, 'r')).ok());
  CHECK(AddPriorLearning(vc, "dossier n\xc2\xb0 12").ok());  // UTF-8 is fine
  CHECK(AddPriorLearning(vc, std::string(201, 'r')).code() == Code::kInvalidArgument);
  CHECK(AddPriorLearning(vc, "a\x7f").code() == Code::kInvalidArgument);
  CHECK(AddPriorLearning(vc, "tab\there").code() == Code::kInvalidArgument);
  json no_achievement = vc;
  no_achievement["credentialSubject"].erase("achievement");
  CHECK(AddPriorLearning(no_achievement, "VAE-1").code() == Code::kInvalidArgument);
  json subject_array = vc;
  subject_array["credentialSubject"] = json::array({vc["credentialSubject"]});
  CHECK(AddPriorLearning(subject_array, "VAE-1").code() == Code::kInvalidArgument);
}

TEST_CASE("prior learning: the reference is checked", "[issuer][pathways]") {
  json vc = Module("did:key:own", "HQ-M01", "7", "RO-1-10");
  CHECK(!AddPriorLearning(vc, "").ok());
  CHECK(!AddPriorLearning(vc, "a\nb").ok());
  json empty = json::object();
  CHECK(!AddPriorLearning(empty, "VAE-1").ok());
}

}  // namespace
}  // namespace passerelle
