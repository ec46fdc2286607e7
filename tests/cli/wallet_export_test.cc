// CLI tests for `wallet export`: the Europass (EDC) document and the
// printable PDF, whose QR code is read back from a 150 dpi rendering of the
// page (pdftoppm, poppler-utils) and verified by the real verifier.
#include <cstdio>
#include <filesystem>
#include <fstream>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "formats/credential.h"
#include "formats/jsonld/expand.h"
#include "formats/jsonld/options.h"
#include "formats/qr_payload.h"
#include "tests/cli/wallet_cli_fixture.h"
#include "verifier/qr/qr_scan.h"
#include "wallet-cli/export/pdf_document.h"

namespace passerelle {
namespace {

using namespace wallet_cli_testing;

// Renders page `page` of `pdf` at 150 dpi, as a scanner would; returns the PNG's path.
std::string RenderPage(const Scenario& s, const std::string& pdf, int page = 1) {
  std::string prefix = s.Path("page");
  auto r = testing::RunProcess({"/usr/bin/pdftoppm", "-png", "-r", "150", "-f", std::to_string(page), "-l",
                                std::to_string(page), "-singlefile", pdf, prefix});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  return prefix + ".png";
}

std::string PdfText(const std::string& pdf) {
  auto r = testing::RunProcess({"/usr/bin/pdftotext", "-enc", "UTF-8", pdf, "-"});
  REQUIRE(r.exit_code == 0);
  return r.out;
}

// The scenario's programme with module HQ-M01 titled `title`.
std::string ProgrammeWithTitle(const Scenario& s, const json& title) {
  json programme = json::parse(testing::ReadFile(testing::SourceDir() /
                                                 "scripts/demo-data/programme-health-qualitician.json"));
  for (auto& m : programme["modules"])
    if (m["code"] == "HQ-M01") {
      m["title"] = title;
      m["learningOutcomes"] = {{"kk", {"ДДҰ мен ЭЫДҰ ұсынған сапа жүйелерін түсіндіру"}},
                               {"el", {"Εξήγηση των πλαισίων ποιότητας του ΠΟΥ"}},
                               {"en", {"Explain the quality frameworks recommended by WHO and OECD"}}};
    }
  programme["gradingScales"] = (testing::SourceDir() / "scripts/demo-data/grading-scales.json").string();
  return s.Write("programme.json", programme.dump());
}

TEST_CASE("cli: export --format europass writes an edc-ap document that expands in safe mode", "[cli][wallet][export]") {
  Scenario s;
  std::string id = s.ImportModule();
  auto e = s.Wallet({"export", id, "--format", "europass", "--out", "m1.edc.json"});
  INFO(e.err);
  REQUIRE(e.exit_code == 0);
  json edc = json::parse(testing::ReadFile(s.Path("m1.edc.json")));
  CHECK(edc["type"] == json::array({"VerifiableCredential", "EuropeanDigitalCredential"}));
  const json& claim = edc["credentialSubject"]["hasClaim"][0];
  CHECK(claim["type"] == "LearningAchievement");
  CHECK(claim["title"].size() == 5);  // every language kept
  CHECK(claim["specifiedBy"]["creditPoint"][0]["point"] == "6");
  CHECK(claim["specifiedBy"]["eqfLevel"]["id"] == "http://data.europa.eu/snb/eqf/5");
  CHECK(claim["specifiedBy"]["learningOutcome"].size() == 2);
  CHECK(claim["provenBy"][0]["grade"]["noteLiteral"]["en"] == "18.1");
  CHECK(claim["provenBy"][0]["specifiedBy"]["gradingScheme"]["title"]["en"] == "FR-0-20");
  CHECK(claim["awardedBy"]["awardingBody"][0]["id"] == s.issuer_did);
  CHECK(edc["credentialSubject"]["id"] == s.holder_did);
  jsonld::JsonLdOptions options;
  options.safe_mode = true;
  auto expanded = jsonld::Expand(edc, options);
  INFO(expanded.status().ToString());
  CHECK(expanded.ok());
}

TEST_CASE("cli: the PDF of a Greek and of a Kazakh credential scans and verifies (0)", "[cli][wallet][export][pdf]") {
  Scenario s;
  std::string programme = ProgrammeWithTitle(
      s, {{"en", "Foundations of quality management in health care"},
          {"el", "Θεμέλια διαχείρισης ποιότητας στην υγεία"},
          {"kk", "Денсаулық сақтаудағы сапа менеджментінің негіздері"},
          {"ro", "Fundamentele managementului calității în sănătate"}});
  std::string file = s.IssueModule("m1.json", s.holder_did, "HQ-M01", programme);
  auto imported = s.Wallet({"import", file});
  REQUIRE(imported.exit_code == 0);
  std::string id = imported.out.substr(0, imported.out.find('\n'));

  struct Case {
    const char* lang;
    const char* title;
    const char* label;
  };
  for (const Case& c : {Case{"el", "Θεμέλια διαχείρισης ποιότητας στην υγεία", "Μαθησιακά αποτελέσματα"},
                        Case{"kk", "Денсаулық сақтаудағы сапа менеджментінің негіздері", "Оқыту нәтижелері"}}) {
    DYNAMIC_SECTION("language " << c.lang) {
      std::string pdf = s.Path(std::string("m1.") + c.lang + ".pdf");
      auto e = s.Wallet({"export", id, "--format", "pdf", "--lang", c.lang, "--out", pdf});
      INFO(e.err);
      REQUIRE(e.exit_code == 0);
      CHECK(testing::ReadFile(pdf).rfind("%PDF-", 0) == 0);
      std::string text = PdfText(pdf);
      // pdftotext may break the long title across lines: check its first words.
      CHECK_THAT(text, Catch::Contains(std::string(c.title).substr(0, 20)));
      CHECK_THAT(text, Catch::Contains(c.label));
      CHECK_THAT(text, Catch::Contains("Jérôme Mercier"));
      std::string png = RenderPage(s, pdf);
      auto scanned = qr::DocumentFromQrImage(png);
      INFO(scanned.status().ToString());
      REQUIRE(scanned.ok());
      CHECK(json::parse(*scanned) == json::parse(testing::ReadFile(file)));
      auto v = s.Verifier({"--qr", png});
      INFO(v.out << v.err);
      CHECK(v.exit_code == 0);
    }
  }
}

TEST_CASE("cli: a tampered credential's printed QR code is refused (1)", "[cli][wallet][export][pdf]") {
  Scenario s;
  json vc = json::parse(testing::ReadFile(s.IssueModule("m1.json", s.holder_did)));
  vc["credentialSubject"]["achievement"]["grade"]["value"] = "19.9";  // after signing
  std::string text = vc.dump();
  auto credential = ParseCredential(text);
  REQUIRE(credential.ok());
  auto payload = EncodeQrPayload(text);
  REQUIRE(payload.ok());
  auto pdf = wallet::RenderCredentialPdf({wallet::PdfCredential{*credential, *payload}}, wallet::PdfOptions{});
  REQUIRE(pdf.ok());
  std::string file = s.Write("tampered.pdf", *pdf);
  std::string png = RenderPage(s, file);
  auto v = s.Verifier({"--qr", png});
  INFO(v.out << v.err);
  CHECK(v.exit_code == 1);
}

TEST_CASE("cli: export pdf of several credentials, and without QR code", "[cli][wallet][export][pdf]") {
  Scenario s;
  std::string m1 = s.ImportModule("HQ-M01");
  std::string m3 = s.ImportModule("HQ-M03");
  auto e = s.Wallet({"export", m1, m3, "--format", "pdf", "--lang", "ro", "--out", "both.pdf"});
  INFO(e.err);
  REQUIRE(e.exit_code == 0);
  std::string text = PdfText(s.Path("both.pdf"));
  CHECK_THAT(text, Catch::Contains("Fundamentele managementului"));
  CHECK_THAT(text, Catch::Contains("Siguranța pacientului"));
  CHECK(qr::ReadQrCodeFile(RenderPage(s, s.Path("both.pdf"), 2)).ok());

  auto none = s.Wallet({"export", m1, "--format", "pdf", "--qr", "none", "--out", "none.pdf"});
  REQUIRE(none.exit_code == 0);
  CHECK_THAT(PdfText(s.Path("none.pdf")), Catch::Contains("wallet export --format json"));
  CHECK(qr::ReadQrCodeFile(RenderPage(s, s.Path("none.pdf"))).status().code() == Code::kNotFound);
  CHECK(s.Wallet({"export", m1, "--format", "pdf", "--qr", "bogus", "--out", "x.pdf"}).exit_code == 2);
  CHECK(s.Wallet({"export", m1, "--format", "pdf", "--challenge", "c", "--out", "x.pdf"}).exit_code == 2);
}

TEST_CASE("cli: a printed presentation's QR code proves the holder to a verifier with the challenge (0)",
          "[cli][wallet][export][pdf]") {
  Scenario s;
  std::string id = s.ImportModule();
  auto e = s.Wallet({"export", id, "--format", "pdf", "--qr", "presentation", "--challenge", "job-4711", "--domain",
                     "recrutement.example.fr", "--out", "vp.pdf"});
  INFO(e.err);
  REQUIRE(e.exit_code == 0);
  std::string png = RenderPage(s, s.Path("vp.pdf"));
  auto v = s.Verifier({"--qr", png, "--challenge", "job-4711", "--domain", "recrutement.example.fr"});
  INFO(v.out << v.err);
  CHECK(v.exit_code == 0);
  CHECK(s.Verifier({"--qr", png, "--challenge", "another", "--domain", "recrutement.example.fr"}).exit_code == 1);
}

TEST_CASE("cli: export --format openbadges writes an unsigned OB 3.0 achievement", "[cli][wallet][export][openbadges]") {
  Scenario s;
  std::string id = s.ImportModule();
  auto e = s.Wallet({"export", id, "--format", "openbadges", "--lang", "fr"});
  INFO(e.err);
  REQUIRE(e.exit_code == 0);
  json a = json::parse(e.out);
  CHECK(a["type"] == json::array({"Achievement"}));
  CHECK(a["name"] == "Fondamentaux du management de la qualité en santé");
  CHECK(a["creditsAvailable"] == 6);
  CHECK(a["alignment"][0]["targetUrl"] == "http://data.europa.eu/snb/eqf/5");
  CHECK(a.find("proof") == a.end());
  jsonld::JsonLdOptions options;
  options.safe_mode = true;
  CHECK(jsonld::Expand(a, options).ok());
}

TEST_CASE("cli: a credential too large for one QR code is printed without one, and the page says so",
          "[cli][wallet][export][pdf]") {
  Scenario s;
  // A module credential with a long description of random text, which does
  // not compress: far past a version 40 QR code.
  nlohmann::json big = nlohmann::json::parse(testing::ReadFile(s.IssueModule("m01.json", s.holder_did)));
  big.erase("proof");
  big.erase("credentialStatus");
  std::string noise;
  std::uint64_t x = 0x9e3779b97f4a7c15ULL;
  for (int i = 0; i < 4000; ++i) {
    x ^= x << 13, x ^= x >> 7, x ^= x << 17;
    noise.push_back("abcdefghijklmnopqrstuvwxyz0123456789"[x % 36]);
  }
  big["description"] = noise;
  std::vector<std::string> args = {"sign", "--dir", s.Path("issuer"), s.Write("big.unsigned.json", big.dump())};
  auto issued = testing::RunTool("issuer", args, s.env);
  INFO(issued.err);
  REQUIRE(issued.exit_code == 0);
  auto imported = s.Wallet({"import", s.Write("cert.json", issued.out)});
  REQUIRE(imported.exit_code == 0);
  std::string id = imported.out.substr(0, imported.out.find('\n'));
  auto e = s.Wallet({"export", id, "--format", "pdf", "--out", "cert.pdf"});
  INFO(e.err);
  REQUIRE(e.exit_code == 0);
  CHECK_THAT(e.err, Catch::Contains("too large for one QR code"));
  CHECK_THAT(PdfText(s.Path("cert.pdf")), Catch::Contains("too large for a QR code"));
  CHECK(qr::ReadQrCodeFile(RenderPage(s, s.Path("cert.pdf"))).status().code() == Code::kNotFound);
}

}  // namespace
}  // namespace passerelle
