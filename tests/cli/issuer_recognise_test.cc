// End-to-end: the Romanian university verifies the modules an Almaty
// student presents, and records each recognition as a credential she
// carries (`issuer recognise`): every field of the decision, nothing for
// what fails verification, nothing twice.
#include <catch2/catch.hpp>

#include <fstream>

#include <nlohmann/json.hpp>

#include "keys/did_key.h"
#include "keys/signing_key.h"
#include "tests/cli/pathways_fixture.h"
#include "wallet-cli/presentation.h"

namespace passerelle {
namespace {

using nlohmann::json;
using pathways_testing::Pathways;
using testing::ProcessOptions;
using testing::RunTool;

json ReadJson(const std::string& file) { return json::parse(std::ifstream(file)); }

TEST_CASE("cli: issuer recognise issues a recognition credential per recognised module", "[cli][pathways]") {
  Pathways p;
  std::string qm = p.Import(p.KazakhModule("KZ-QM-501", "Quality management in health care", "81", p.student_did));
  std::string rm = p.Import(p.KazakhModule("KZ-RM-510", "Patient risk management", "52", p.student_did));
  std::string vp = p.Present({qm, rm}, "iasi-2026-09", "vp.json");

  auto run = p.Recognise(vp, "iasi-2026-09", "recognised");
  INFO(run.out << run.err);
  REQUIRE(run.exit_code == 0);
  CHECK_THAT(run.out, Catch::Contains("recognised      MQS-101"));
  // Under its rule's minimum: named, and nothing issued for it.
  CHECK_THAT(run.out, Catch::Contains("grade 52 on KZ-0-100 is below the minimum 60"));
  CHECK(!std::ifstream(p.Path("recognised/MQS-110.json")).good());

  const std::string file = p.Path("recognised/MQS-101.json");
  p.Sync("cache", {ReadJson(file)});
  auto verified = RunTool("verifier", {"verify", file, "--trust-issuer", p.iasi_did, "--status-cache", p.Path("cache")},
                          p.env);
  INFO(verified.out << verified.err);
  CHECK(verified.exit_code == 0);

  json vc = ReadJson(file);
  CHECK(vc["type"] == json({"VerifiableCredential", "RecognitionCredential"}));
  CHECK(vc["issuer"]["id"] == p.iasi_did);
  CHECK(vc["credentialStatus"].size() == 2);  // through the Issuer: revocable, in the register
  const json& s = vc["credentialSubject"];
  CHECK(s["id"] == p.student_did);  // the presenting holder
  const json& a = s["achievement"];
  CHECK(a["code"] == "MQS-101");  // the receiving module
  CHECK(a["isPartOf"] == "urn:passerelle:programme:MQS-MASTER");
  CHECK(a["creditsGranted"] == 6);
  CHECK(a["grade"] == json({{"value", "8.10"}, {"scheme", "RO-1-10"}}));  // 81: 5 + 31/50 × 5
  CHECK_THAT(a["gradeConversion"].get<std::string>(), Catch::Contains("linear conversion from KZ-0-100 to RO-1-10"));
  CHECK(a["agreement"] == "Double diploma: Master in health safety and quality management");
  CHECK_THAT(a["recognitionRule"].get<std::string>(), Catch::Contains("KZ-QM-501"));
  CHECK_THAT(a["recognitionRule"].get<std::string>(), Catch::Contains("minimum grade 50 on KZ-0-100"));
  CHECK(a["decisionReference"] == "UMF-IASI/REC/2026/114");
  CHECK(a.contains("decidedOn"));
  // Kazakhstan is outside the EQF: the comparison is the receiving side's.
  CHECK(a["eqfLevel"] == "http://data.europa.eu/snb/eqf/7");
  const json& o = a["originalCredential"];
  CHECK(o["id"] == "urn:uuid:00000000-0000-4000-8000-000000000001");
  CHECK(o["awardingBody"]["id"] == p.almaty_did);
  CHECK(o["awardingBody"]["name"] == "Almaty medical university (demo)");
  CHECK(o["awardingBody"]["country"] == "KZ");
  CHECK(o["code"] == "KZ-QM-501");
  CHECK(o["title"]["en"] == "Quality management in health care");
  CHECK(o["grade"] == json({{"value", "81"}, {"scheme", "KZ-0-100"}}));
  CHECK(o["ects"] == 6);
  CHECK(o["nqfLevel"] == "https://example.kz/nqf/7");
  CHECK(!o.contains("eqfLevel"));  // never an EQF level on an original KZ award

  // The student carries it: her wallet takes it, and a verifier reads it as a recognition.
  std::string kept = p.Import(file);
  auto shown = RunTool("wallet", {"show", kept}, p.env);
  INFO(shown.out << shown.err);
  CHECK_THAT(shown.out, Catch::Contains("recognition under \"Double diploma"));
  CHECK_THAT(shown.out, Catch::Contains("KZ-QM-501 by Almaty medical university (demo), grade 81 (KZ-0-100)"));
  auto as_json = RunTool("verifier", {"verify", file, "--trust-issuer", p.iasi_did, "--status-cache", p.Path("cache"),
                                      "--json"},
                         p.env);
  REQUIRE(as_json.exit_code == 0);
  CHECK(json::parse(as_json.out)["credentials"][0]["obtainedBy"] == "recognition");

  // The same credential presented again, for the same module: nothing new.
  const int before = p.RegisterSize();
  std::string again = p.Present({qm}, "iasi-2026-10", "vp2.json");
  auto repeat = p.Recognise(again, "iasi-2026-10", "again");
  INFO(repeat.out << repeat.err);
  CHECK(repeat.exit_code == 0);
  CHECK_THAT(repeat.err, Catch::Contains("already recognised"));
  CHECK(p.RegisterSize() == before);
  CHECK(ReadJson(p.Path("again/MQS-101.json"))["id"] == vc["id"]);
}

TEST_CASE("cli: issuer recognise earns nothing for a replayed, tampered or someone else's presentation",
          "[cli][pathways]") {
  Pathways p;
  std::string qm = p.Import(p.KazakhModule("KZ-QM-501", "Quality management in health care", "81", p.student_did));
  std::string vp = p.Present({qm}, "iasi-2026-09", "vp.json");

  SECTION("no challenge: no verdict") {
    auto run = RunTool("issuer", {"recognise", "--dir", p.Path("iasi"), "--agreement", p.Agreement(), vp,
                                  "--trust-issuer", p.almaty_did, "--out", p.Path("out")},
                       p.env);
    CHECK(run.exit_code == 2);
    CHECK_THAT(run.err, Catch::Contains("--challenge"));
  }
  SECTION("replayed to another challenge") {
    auto run = p.Recognise(vp, "another-challenge", "out");
    INFO(run.out << run.err);
    CHECK(run.exit_code == 1);
    CHECK_THAT(run.err, Catch::Contains("challenge"));
    CHECK(p.RegisterSize() == 0);
  }
  SECTION("tampered: the grade raised after signing") {
    json doc = json::parse(std::ifstream(vp));
    doc["verifiableCredential"][0]["credentialSubject"]["achievement"]["grade"]["value"] = "99";
    std::ofstream(p.Path("tampered.json")) << doc.dump();
    auto run = p.Recognise(p.Path("tampered.json"), "iasi-2026-09", "out");
    INFO(run.out << run.err);
    CHECK(run.exit_code == 1);
    CHECK_THAT(run.err, Catch::Contains("proof"));
    CHECK(p.RegisterSize() == 0);
  }
  SECTION("untrusted issuer") {
    auto run = RunTool("issuer", {"recognise", "--dir", p.Path("iasi"), "--agreement", p.Agreement(), vp,
                                  "--challenge", "iasi-2026-09", "--out", p.Path("out")},
                       p.env);
    INFO(run.out << run.err);
    CHECK(run.exit_code == 1);
    CHECK_THAT(run.out + run.err, Catch::Contains("trust"));
  }
  SECTION("revoked by its awarding body") {
    p.KazakhModule("KZ-QM-502", "Clinical audit", "77", p.student_did);
    json vc = p.IssueOverHttp(p.Path("KZ-QM-502.unsigned.json"));
    std::ofstream(p.Path("revocable.json")) << vc.dump();
    auto revoked = RunTool("issuer", {"revoke", "--dir", p.Path("almaty"), vc["id"].get<std::string>()}, p.env);
    INFO(revoked.err);
    REQUIRE(revoked.exit_code == 0);
    p.Sync("cache", {vc});
    std::string id = p.Import(p.Path("revocable.json"));
    std::string revoked_vp = p.Present({id}, "iasi-2026-09", "revoked-vp.json");
    auto run = p.Recognise(revoked_vp, "iasi-2026-09", "out", {"--status-cache", p.Path("cache")});
    INFO(run.out << run.err);
    CHECK(run.exit_code == 1);
    CHECK_THAT(run.out + run.err, Catch::Contains("revoked"));
    CHECK(p.RegisterSize() == 0);
  }
  SECTION("someone else's credential, presented by another holder") {
    auto stranger = Ed25519SigningKey::Generate();
    REQUIRE(stranger.ok());
    wallet::PresentOptions options;
    options.challenge = "iasi-2026-09";
    json vp = wallet::BuildPresentation(DidKeyFor(stranger->public_key()), {ReadJson(p.Path("KZ-QM-501.json"))});
    auto signed_vp = wallet::SignPresentation(vp, *stranger, options);
    REQUIRE(signed_vp.ok());
    std::ofstream(p.Path("stolen.json")) << signed_vp->dump();
    auto run = p.Recognise(p.Path("stolen.json"), "iasi-2026-09", "out");
    INFO(run.out << run.err);
    CHECK(run.exit_code == 1);
    CHECK_THAT(run.err, Catch::Contains("not about the holder"));
    CHECK(p.RegisterSize() == 0);
  }
}

}  // namespace
}  // namespace passerelle
