// End-to-end: an Almaty student carries two module credentials in her
// wallet to Iasi; the Romanian university's verifier checks her
// presentation and maps the modules onto its Master under the scenario's
// double-diploma agreement (built binaries: issuer, wallet, verifier).
#include <catch2/catch.hpp>

#include <fstream>

#include <nlohmann/json.hpp>

#include "tests/testing/paths.h"
#include "tests/testing/process.h"
#include "tests/testing/temp_dir.h"

namespace passerelle {
namespace {

using nlohmann::json;
using testing::ProcessOptions;
using testing::RunTool;

struct Mobility {
  testing::TempDir tmp;
  ProcessOptions env;
  std::string almaty_did, student_did;

  Mobility() {
    env.env["PASSERELLE_PASSPHRASE"] = "mobility test passphrase";
    env.env["PASSERELLE_WALLET_DIR"] = Path("wallet");
    auto init = RunTool("issuer", {"init", "--dir", Path("almaty"), "--did-key", "--name",
                                   "Almaty medical university (demo)", "--country", "KZ"},
                        env);
    REQUIRE(init.exit_code == 0);
    almaty_did = init.out.substr(0, init.out.find('\n'));
    auto wallet = RunTool("wallet", {"init"}, env);
    REQUIRE(wallet.exit_code == 0);
    student_did = wallet.out.substr(0, wallet.out.find('\n'));
  }
  std::string Path(const std::string& name) const { return (tmp.path() / name).string(); }

  // Signs a Kazakh module credential (NQF level: Kazakhstan is outside the
  // EQF) and imports it into the student's wallet; returns its wallet ID.
  std::string Award(const std::string& code, const std::string& title, const std::string& grade) const {
    json vc = {{"@context", {"https://www.w3.org/ns/credentials/v2", "https://w3id.org/passerelle/v1"}},
               {"type", {"VerifiableCredential", "ModuleCredential"}},
               {"issuer", {{"id", almaty_did}, {"name", "Almaty medical university (demo)"}, {"country", "KZ"}}},
               {"validFrom", "2026-06-20T00:00:00Z"},
               {"credentialSubject",
                {{"id", student_did},
                 {"givenName", "Aigerim"},
                 {"familyName", "Nurlanovna"},
                 {"awardedOn", "2026-06-20T00:00:00Z"},
                 {"achievement",
                  {{"type", "LearningAchievement"},
                   {"code", code},
                   {"title", {{"en", title}}},
                   {"learningOutcomes", {{"en", {"Lead a clinical audit cycle"}}}},
                   {"ects", 6},
                   {"nqfLevel", "https://example.kz/nqf/7"},
                   {"assessmentType", "http://data.europa.eu/snb/assessment/6e6cb2cc78"},
                   {"mode", "http://data.europa.eu/snb/learning-assessment/e92d221e4d"},
                   {"qualityAssurance", "http://data.europa.eu/snb/accreditation/820101cba6"},
                   {"grade", {{"value", grade}, {"scheme", "KZ-0-100"}}}}}}}};
    std::ofstream(Path(code + ".unsigned.json")) << vc.dump();
    auto sign = RunTool("issuer", {"sign", "--dir", Path("almaty"), Path(code + ".unsigned.json")}, env);
    INFO(sign.err);
    REQUIRE(sign.exit_code == 0);
    std::ofstream(Path(code + ".json")) << sign.out;
    auto imported = RunTool("wallet", {"import", Path(code + ".json")}, env);
    INFO(imported.err);
    REQUIRE(imported.exit_code == 0);
    return imported.out.substr(0, imported.out.find('\n'));
  }
  std::string Agreement() const {
    json a = json::parse(std::ifstream(testing::SourceDir() / "scripts/demo-data/double-diploma-kz-ro.json"));
    a["institutionDids"] = {{"kz-univ-almaty", almaty_did}, {"ro-univ-iasi", "did:web:umfiasi.example.ro"}};
    std::ofstream(Path("agreement.json")) << a.dump();
    return Path("agreement.json");
  }
};

TEST_CASE("cli: verifier recognise maps a partner's presented modules onto the Master", "[cli][recognition]") {
  Mobility m;
  std::string qm = m.Award("KZ-QM-501", "Quality management in health care", "81");
  std::string rm = m.Award("KZ-RM-510", "Patient risk management", "52");
  auto present = RunTool("wallet", {"present", qm, rm, "--challenge", "iasi-2026-09", "--domain", "umfiasi.example.ro",
                                    "--out", m.Path("vp.json")},
                         m.env);
  INFO(present.err);
  REQUIRE(present.exit_code == 0);
  const std::string agreement = m.Agreement();
  const std::vector<std::string> common = {"recognise", "--agreement", agreement, m.Path("vp.json"), "--trust-issuer",
                                           m.almaty_did, "--challenge", "iasi-2026-09", "--domain", "umfiasi.example.ro"};

  auto human = RunTool("verifier", common);
  INFO(human.out << human.err);
  CHECK(human.exit_code == 0);
  CHECK_THAT(human.out, Catch::Contains("6 of at most 60 ECTS recognised towards MQS-MASTER"));
  CHECK_THAT(human.out, Catch::Contains("recognised  KZ-QM-501"));
  CHECK_THAT(human.out, Catch::Contains("-> MQS-101, 6 ECTS"));
  CHECK_THAT(human.out, Catch::Contains("grade 52 on KZ-0-100 is below the minimum 60"));

  std::vector<std::string> with_json = common;
  with_json.push_back("--json");
  auto as_json = RunTool("verifier", with_json);
  REQUIRE(as_json.exit_code == 0);
  json report = json::parse(as_json.out);
  CHECK(report["verification"]["verified"] == true);
  CHECK(report["recognition"]["recognisedEcts"] == 6);
  CHECK(report["recognition"]["items"].size() == 2);

  // Without a challenge there is no proof the student is the one presenting.
  auto no_challenge = RunTool("verifier", {"recognise", "--agreement", agreement, m.Path("vp.json"), "--trust-issuer",
                                           m.almaty_did});
  CHECK(no_challenge.exit_code == 2);
  CHECK_THAT(no_challenge.err, Catch::Contains("--challenge"));

  // Shown to someone else (another challenge): a definite no, nothing recognised.
  std::vector<std::string> replay = common;
  replay[7] = "another-challenge";
  auto replayed = RunTool("verifier", replay);
  CHECK(replayed.exit_code == 1);
  CHECK_THAT(replayed.out, Catch::Contains("0 of at most 60 ECTS"));
}

TEST_CASE("cli: the shipped agreement is usable as the README shows it", "[cli][recognition]") {
  Mobility m;
  std::ofstream(m.Path("vp.json")) << "{}";
  auto run = RunTool("verifier", {"recognise", "--agreement",
                                  (testing::SourceDir() / "scripts/demo-data/double-diploma-kz-ro.json").string(),
                                  m.Path("vp.json"), "--challenge", "4bd6f1e0"});
  INFO(run.err);
  CHECK(run.exit_code == 1);  // read and applied: this presentation earns nothing
  CHECK_THAT(run.err, !Catch::Contains("no DID known"));
}

TEST_CASE("cli: verifier recognise gives no verdict on an unusable agreement", "[cli][recognition]") {
  Mobility m;
  std::ofstream(m.Path("vp.json")) << "{}";
  json without_dids = json::parse(std::ifstream(testing::SourceDir() / "scripts/demo-data/double-diploma-kz-ro.json"));
  without_dids.erase("institutionDids");
  std::ofstream(m.Path("no-dids.json")) << without_dids.dump();
  auto no_dids = RunTool("verifier", {"recognise", "--agreement", m.Path("no-dids.json"), m.Path("vp.json")});
  CHECK(no_dids.exit_code == 2);
  CHECK_THAT(no_dids.err, Catch::Contains("institutionDids"));
  std::ofstream(m.Path("garbage.json")) << "{\"agreement\":";
  CHECK(RunTool("verifier", {"recognise", "--agreement", m.Path("garbage.json"), m.Path("vp.json")}).exit_code == 2);
  CHECK(RunTool("verifier", {"recognise", "--agreement", m.Path("missing.json"), m.Path("vp.json")}).exit_code == 2);
}

}  // namespace
}  // namespace passerelle
