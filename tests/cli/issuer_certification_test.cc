// End-to-end: a Romanian trainee stacks module credentials — one from her
// centre, one validated from her work experience, one from a partner — into
// the Health Qualitician certification. The centre verifies what she
// presents and checks the programme's rules before it signs anything.
#include <catch2/catch.hpp>

#include <fstream>

#include <nlohmann/json.hpp>

#include "tests/cli/pathways_fixture.h"

namespace passerelle {
namespace {

using nlohmann::json;
using pathways_testing::Pathways;
using testing::ProcessOptions;
using testing::RunTool;

TEST_CASE("cli: issuer issue --kind certification stacks verified modules under the programme's rules",
          "[cli][pathways][certification]") {
  Pathways p;
  const std::string lyon_did = p.InitLyon();
  const std::string programme = p.Programme(lyon_did);
  // Iasi certifies; Lyon is its accredited partner.
  std::string m01 = p.Keep(p.IssueModule("iasi", "HQ-M01", "8.5", "RO-1-10"), "m01");
  json m02_vc = p.IssueModule("iasi", "HQ-M02", "7", "RO-1-10", {"--prior-learning", "VAE-IASI-2026-031"});
  std::string m02 = p.Keep(m02_vc, "m02");
  std::string m03_low = p.Keep(p.IssueModule("lyon", "HQ-M03", "11", "FR-0-20"), "m03-low");
  // Validated from experience: said so in the credential, in ELM terms.
  const json& how = m02_vc["credentialSubject"]["achievement"]["influencedBy"];
  CHECK(how["activityType"] == "https://w3id.org/passerelle/vocab#ValidationOfPriorLearning");
  CHECK(how["evidenceReference"] == "VAE-IASI-2026-031");
  auto shown = RunTool("wallet", {"show", m02}, p.env);
  CHECK_THAT(shown.out, Catch::Contains("validation of prior learning (evidence VAE-IASI-2026-031)"));

  p.Sync("cache", {json::parse(std::ifstream(p.Path("m01.json"))), json::parse(std::ifstream(p.Path("m03-low.json")))});
  auto certify = [&](const std::string& vp, const std::string& challenge) {
    return RunTool("issuer", {"issue", "--dir", p.Path("iasi"), "--kind", "certification", "--programme", programme,
                              "--from", vp, "--challenge", challenge, "--trust-issuer", p.iasi_did, "--trust-issuer",
                              lyon_did, "--trust-issuer", p.almaty_did, "--status-cache", p.Path("cache")},
                   p.env);
  };

  auto as_json = RunTool("verifier", {"verify", p.Path("m02.json"), "--trust-issuer", p.iasi_did, "--status-cache",
                                      p.Path("cache"), "--json"},
                         p.env);
  INFO(as_json.out << as_json.err);
  REQUIRE(as_json.exit_code == 0);
  CHECK(json::parse(as_json.out)["credentials"][0]["obtainedBy"] == "prior-learning");

  SECTION("refused: a module missing, the ECTS total short") {
    auto r = certify(p.Present({m01, m02}, "c-1", "vp1.json"), "c-1");
    INFO(r.out << r.err);
    CHECK(r.exit_code == 1);
    CHECK(r.out.empty());
    CHECK_THAT(r.err, Catch::Contains("missing module HQ-M03 \"Patient safety and health risk management\""));
    CHECK_THAT(r.err, Catch::Contains("ECTS total 10 of the 16 required (6 missing)"));
  }
  SECTION("refused: a grade under the minimum of its own scale") {
    auto r = certify(p.Present({m01, m02, m03_low}, "c-2", "vp2.json"), "c-2");
    INFO(r.out << r.err);
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, Catch::Contains("HQ-M03: grade 11 on FR-0-20 is under the minimum 12"));
  }
  SECTION("refused: presented to another challenge") {
    auto r = certify(p.Present({m01, m02, m03_low}, "c-3", "vp3.json"), "another");
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, Catch::Contains("challenge"));
  }
  SECTION("no --from: never issued from ids alone") {
    auto r = RunTool("issuer", {"issue", "--dir", p.Path("iasi"), "--kind", "certification", "--programme", programme},
                     p.env);
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, Catch::Contains("--from"));
  }
  SECTION("issued once the missing module is recognised from a partner") {
    auto before = RunTool("wallet", {"progress", "--programme", programme, "--json"}, p.env);
    INFO(before.out << before.err);
    REQUIRE(before.exit_code == 0);
    json b = json::parse(before.out);
    CHECK(b["ectsEarned"] == 10);
    CHECK(b["ectsRequired"] == 16);
    CHECK(b["complete"] == false);
    CHECK(b["modules"][1]["source"] == "prior-learning");
    CHECK(b["modules"][2]["covered"] == false);
    CHECK_THAT(b["modules"][2]["problem"].get<std::string>(), Catch::Contains("grade 11 on FR-0-20"));
    ProcessOptions romanian = p.env;
    romanian.env["LANG"] = "ro_RO.UTF-8";
    auto human = RunTool("wallet", {"progress", "--programme", programme}, romanian);
    INFO(human.out << human.err);
    CHECK_THAT(human.out, Catch::Contains("10 of 16 ECTS"));
    CHECK_THAT(human.out, Catch::Contains("Fundamentele managementului calității în sănătate"));
    CHECK_THAT(human.out, Catch::Contains("still needed: ECTS total 10 of the 16 required (6 missing)"));

    // An Almaty module, recognised by Iasi as HQ-M03 under their agreement.
    std::string kz = p.Import(p.KazakhModule("KZ-QM-501", "Quality management in health care", "81", p.student_did));
    json a = json::parse(std::ifstream(p.Agreement()));
    a["targetProgramme"] = {{"issuer", p.iasi_did}, {"code", "HQ-CERT"}, {"ects", 16}};
    a["recognitionRules"] = {{{"from", {{"issuer", p.almaty_did}, {"module", "KZ-QM-501"}}},
                              {"to", "HQ-M03"},
                              {"minGrade", {{"scale", "KZ-0-100"}, {"value", 50}}},
                              {"ects", 6}}};
    a["limits"] = json::object();
    std::ofstream(p.Path("hq-agreement.json")) << a.dump();
    auto rec = RunTool("issuer", {"recognise", "--dir", p.Path("iasi"), "--agreement", p.Path("hq-agreement.json"),
                                  p.Present({kz}, "r-1", "vp-kz.json"), "--challenge", "r-1", "--trust-issuer",
                                  p.almaty_did, "--out", p.Path("rec")},
                       p.env);
    INFO(rec.out << rec.err);
    REQUIRE(rec.exit_code == 0);
    std::string recognised = p.Import(p.Path("rec/HQ-M03.json"));
    auto after = RunTool("wallet", {"progress", "--programme", programme, "--json"}, p.env);
    INFO(after.out << after.err);
    json a2 = json::parse(after.out);
    CHECK(a2["ectsEarned"] == 16);
    CHECK(a2["complete"] == true);
    CHECK(a2["modules"][2]["source"] == "recognised");

    auto r = certify(p.Present({m01, m02, m03_low, recognised}, "c-4", "vp4.json"), "c-4");
    INFO(r.out << r.err);
    REQUIRE(r.exit_code == 0);
    json cert = json::parse(r.out);
    CHECK(cert["type"] == json({"VerifiableCredential", "CertificationCredential"}));
    CHECK(cert["credentialSubject"]["id"] == p.student_did);
    json parts = cert["credentialSubject"]["achievement"]["hasPart"];
    json rec_vc = json::parse(std::ifstream(p.Path("rec/HQ-M03.json")));
    CHECK(parts.size() == 3);
    CHECK(std::find(parts.begin(), parts.end(), rec_vc["id"]) != parts.end());
    CHECK(std::find(parts.begin(), parts.end(), m02_vc["id"]) != parts.end());
    std::ofstream(p.Path("cert.json")) << cert.dump(2);
    auto v = RunTool("verifier", {"verify", p.Path("cert.json"), "--trust-issuer", p.iasi_did, "--status-cache",
                                  p.Path("cache")},
                     p.env);
    INFO(v.out << v.err);
    CHECK(v.exit_code == 0);
  }
}

}  // namespace
}  // namespace passerelle
