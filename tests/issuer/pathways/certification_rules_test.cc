// Tests for issuer/pathways/certification_rules.h: which credentials count towards a
// certification (prior learning included), and the unmet rules.
#include "issuer/pathways/certification_rules.h"

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "issuer/pathways/prior_learning.h"

namespace passerelle {
namespace {

using nlohmann::json;

Programme TwoModules() {
  Programme p;
  p.code = "HQ-CERT";
  p.ects = 10;
  p.modules.push_back({"HQ-M01", 6, 5, "", true, {{"en", "Foundations"}}, json::object()});
  p.modules.push_back({"HQ-M02", 4, 5, "", true, {{"en", "Regulation"}}, json::object()});
  return p;
}

GradingScales Scales() { return {{"RO-1-10", {"RO", 1, 10, 5, 0.01}}, {"FR-0-20", {"FR", 0, 20, 10, 0.1}}}; }

json Module(const std::string& issuer, const std::string& code, const std::string& grade, const std::string& scale,
            const std::string& kind = "ModuleCredential") {
  return {{"@context", {"https://www.w3.org/ns/credentials/v2", "https://w3id.org/passerelle/v1"}},
          {"id", "urn:uuid:" + issuer + "-" + code},
          {"type", {"VerifiableCredential", kind}},
          {"issuer", {{"id", issuer}, {"name", "x"}, {"country", "RO"}}},
          {"validFrom", "2026-06-20T00:00:00Z"},
          {"credentialSubject",
           {{"id", "did:key:s"},
            {"achievement",
             {{"code", code}, {"ects", code == "HQ-M01" ? 6 : 4}, {"grade", {{"value", grade}, {"scheme", scale}}}}}}}};
}

CertificationCheck Run(const std::vector<json>& docs, const CertificationRules& rules = {}) {
  std::vector<Credential> creds;
  for (const auto& d : docs) creds.push_back(*CredentialFromJson(d));
  return Evaluate(TwoModules(), Scales(), rules, "did:key:own", creds, Timestamp{1800000000, 0});
}

TEST_CASE("certification rules: own modules at the pass mark are enough", "[issuer][pathways]") {
  auto c = Run({Module("did:key:own", "HQ-M01", "5", "RO-1-10"), Module("did:key:own", "HQ-M02", "9", "RO-1-10")});
  CHECK(c.unmet.empty());
  CHECK(c.ects == 10);
  CHECK(c.used.size() == 2);
}

TEST_CASE("certification rules: one line per unmet rule", "[issuer][pathways]") {
  auto missing = Run({Module("did:key:own", "HQ-M01", "8", "RO-1-10")});
  REQUIRE(missing.unmet.size() == 2);
  CHECK(missing.unmet[0] == "missing module HQ-M02 \"Regulation\"");
  CHECK(missing.unmet[1] == "ECTS total 6 of the 10 required (4 missing)");
  auto low = Run({Module("did:key:own", "HQ-M01", "4.5", "RO-1-10"), Module("did:key:own", "HQ-M02", "9", "RO-1-10")});
  CHECK(low.unmet[0] == "HQ-M01: grade 4.5 on RO-1-10 is under the minimum 5");
}

TEST_CASE("certification rules: who may award a module", "[issuer][pathways]") {
  std::vector<json> by_partner = {Module("did:key:own", "HQ-M01", "8", "RO-1-10"),
                                  Module("did:key:partner", "HQ-M02", "15", "FR-0-20")};
  CHECK_THAT(Run(by_partner).unmet[0], Catch::Contains("neither this awarding body nor an accredited partner"));
  CertificationRules rules;
  rules.partners = {"did:key:partner"};
  auto ok = Run(by_partner, rules);
  CHECK(ok.unmet.empty());
  CHECK(ok.modules[1].source == CoverageSource::kPartner);
  rules.min_grades["FR-0-20"] = 16;
  CHECK(Run(by_partner, rules).unmet[0] == "HQ-M02: grade 15 on FR-0-20 is under the minimum 16");
}

TEST_CASE("certification rules: recognitions and prior learning count, unless the programme says not", "[issuer][pathways]") {
  json rec = Module("did:key:own", "HQ-M02", "8.10", "RO-1-10", "RecognitionCredential");
  rec["credentialSubject"]["achievement"].erase("ects");
  rec["credentialSubject"]["achievement"]["creditsGranted"] = 4;
  json vae = Module("did:key:own", "HQ-M01", "7", "RO-1-10");
  REQUIRE(AddPriorLearning(vae, "VAE-1").ok());
  auto c = Run({vae, rec});
  CHECK(c.unmet.empty());
  CHECK(c.ects == 10);
  CHECK(c.modules[0].source == CoverageSource::kPriorLearning);
  CHECK(c.modules[1].source == CoverageSource::kRecognised);
  CertificationRules strict;
  strict.accept_recognitions = false;
  strict.accept_prior_learning = false;
  CHECK(Run({vae, rec}, strict).unmet.size() == 3);
}

TEST_CASE("certification rules: parsing refuses malformed members", "[issuer][pathways]") {
  CHECK(ParseCertificationRules(json::object()).ok());
  CHECK(!ParseCertificationRules({{"certificationRules", {{"partners", {"not a did"}}}}}).ok());
  CHECK(!ParseCertificationRules({{"certificationRules", {{"minGrades", {{"FR-0-20", "ten"}}}}}}).ok());
  CHECK(!ParseCertificationRules({{"certificationRules", {{"maxModuleAgeDays", 0}}}}).ok());
  auto r = ParseCertificationRules({{"certificationRules", {{"minEcts", 12}, {"acceptRecognitions", false}}}});
  REQUIRE(r.ok());
  CHECK(*r->min_ects == 12);
  CHECK(!r->accept_recognitions);
}

TEST_CASE("certification rules: hostile shapes are refused, never thrown", "[issuer][pathways]") {
  const std::vector<json> shapes = {nullptr, 1, "x", json::array(), json::object(), json::array({1, "a", nullptr}),
                                    json{{"a", json::array()}}, 1e308, -1, true};
  for (const auto& v : shapes) {
    for (const char* member : {"partners", "acceptRecognitions", "acceptPriorLearning", "minEcts", "minGrades",
                               "maxModuleAgeDays"}) {
      json doc = {{"certificationRules", {{member, v}}}};
      CHECK_NOTHROW(ParseCertificationRules(doc));
    }
    CHECK_NOTHROW(ParseCertificationRules(json{{"certificationRules", v}}));
    CHECK_NOTHROW(ParseCertificationRules(v));
  }
  // Credentials of any shape are read by the typed model; Evaluate never throws on them.
  std::vector<json> docs;
  for (const auto& v : shapes) docs.push_back({{"credentialSubject", {{"achievement", {{"code", "HQ-M01"}, {"grade", v}, {"ects", v}}}}}});
  CHECK_NOTHROW(Run(docs));
}

}  // namespace
}  // namespace passerelle
