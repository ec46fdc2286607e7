// End-to-end: a trainee's wallet draws a QR code (PNG or terminal), an
// employer's verifier reads the image and verifies the presentation in it.
// Exit codes: 0 valid, 1 a definite no, 2 no verdict.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "formats/json.h"
#include "formats/qr_payload.h"
#include "keys/did_key.h"
#include "tests/cli/wallet_cli_fixture.h"
#include "verifier/qr/qr_scan.h"
#include "wallet-cli/presentation.h"
#include "wallet-cli/qr_render.h"

namespace passerelle {
namespace {

using namespace wallet_cli_testing;
using nlohmann::json;

// The document inside the QR code of a PNG file.
json DocumentInPng(const std::string& png) {
  auto text = qr::ReadQrCodeFile(png);
  REQUIRE(text.ok());
  auto doc = DecodeQrPayload(*text);
  REQUIRE(doc.ok());
  return *ParseJson(*doc);
}

std::string PngOfPayload(const Scenario& s, const std::string& name, const std::string& payload) {
  auto m = wallet::EncodeQrMatrix(payload);
  REQUIRE(m.ok());
  auto png = wallet::RenderPng(*m);
  REQUIRE(png.ok());
  return s.Write(name, *png);
}

TEST_CASE("cli: wallet qr --png, then verifier verify --qr: verified (0)", "[cli][wallet][qr]") {
  Scenario s;
  std::string id = s.ImportModule();
  auto qr = s.Wallet({"qr", id, "--challenge", "c-7f3a", "--domain", "recrutement.example.fr", "--png", "m1.png"});
  INFO(qr.err);
  REQUIRE(qr.exit_code == 0);
  CHECK(qr.out.empty());  // the image went to the file
  CHECK_THAT(qr.err, Catch::Contains("QR code version"));

  auto v = s.Verifier({"--qr", s.Path("m1.png"), "--challenge", "c-7f3a", "--domain", "recrutement.example.fr"});
  INFO(v.out << v.err);
  CHECK(v.exit_code == 0);
  CHECK_THAT(v.out, Catch::Contains("VERIFIED (presentation)"));
  CHECK_THAT(v.out, Catch::Contains("about the presenting holder"));

  // The QR holds exactly the compact JSON the wallet verified.
  json vp = DocumentInPng(s.Path("m1.png"));
  CHECK(vp["holder"] == s.holder_did);
  CHECK(vp["proof"]["cryptosuite"] == "eddsa-rdfc-2022");
  CHECK(vp["proof"]["proofPurpose"] == "authentication");
  CHECK(DumpJson(vp) == *DecodeQrPayload(*qr::ReadQrCodeFile(s.Path("m1.png"))));

  auto j = s.Verifier({"--qr", s.Path("m1.png"), "--challenge", "c-7f3a", "--json"});
  REQUIRE(j.exit_code == 0);
  json report = json::parse(j.out);
  CHECK(report["kind"] == "presentation");
  CHECK(report["credentials"].size() == 1);
}

TEST_CASE("cli: the QR text itself verifies with --qr-text", "[cli][wallet][qr]") {
  Scenario s;
  std::string id = s.ImportModule();
  REQUIRE(s.Wallet({"qr", id, "--challenge", "c-1", "--png", "m.png"}).exit_code == 0);
  auto text = qr::ReadQrCodeFile(s.Path("m.png"));
  REQUIRE(text.ok());
  auto v = s.Verifier({"--qr-text", *text, "--challenge", "c-1"});
  INFO(v.err);
  CHECK(v.exit_code == 0);
}

TEST_CASE("cli: a wrong challenge or domain is a definite no (1)", "[cli][wallet][qr]") {
  Scenario s;
  std::string id = s.ImportModule();
  REQUIRE(s.Wallet({"qr", id, "--challenge", "c-right", "--domain", "a.example", "--png", "m.png"}).exit_code == 0);
  auto v = s.Verifier({"--qr", s.Path("m.png"), "--challenge", "c-wrong", "--domain", "a.example"});
  CHECK(v.exit_code == 1);
  CHECK_THAT(v.err, Catch::Contains("challenge"));
  auto d = s.Verifier({"--qr", s.Path("m.png"), "--challenge", "c-right", "--domain", "b.example"});
  CHECK(d.exit_code == 1);
  CHECK_THAT(d.err, Catch::Contains("domain"));
}

TEST_CASE("cli: a presentation carrying someone else's credential is a definite no (1)", "[cli][wallet][qr]") {
  Scenario s;
  // The credential names the trainee; a stranger holds a copy of it.
  std::string vc_file = s.IssueModule("theirs.json", s.holder_did);
  auto vc = ParseJson(testing::ReadFile(vc_file));
  REQUIRE(vc.ok());

  SECTION("the stranger's own wallet refuses to present it") {
    ProcessOptions stranger = s.env;
    stranger.env["PASSERELLE_WALLET_DIR"] = s.Path("stranger-wallet");
    REQUIRE(s.Wallet({"init"}, &stranger).exit_code == 0);
    auto imported = s.Wallet({"import", vc_file}, &stranger);
    INFO(imported.err);
    REQUIRE(imported.exit_code == 0);  // validly signed: kept, with a warning
    CHECK_THAT(imported.err, Catch::Contains("not this wallet's holder"));
    std::string id = imported.out.substr(0, imported.out.find('\n'));
    auto qr = s.Wallet({"qr", id, "--challenge", "c-1", "--png", "stolen.png"}, &stranger);
    CHECK(qr.exit_code == 1);
    CHECK_THAT(qr.err, Catch::Contains("not about the holder"));
  }
  SECTION("a presentation the stranger signs by other means is refused by the verifier") {
    auto stranger = Ed25519SigningKey::Generate();
    REQUIRE(stranger.ok());
    wallet::PresentOptions options;
    options.challenge = "c-1";
    json vp = wallet::BuildPresentation(DidKeyFor(stranger->public_key()), {*vc});
    auto signed_vp = wallet::SignPresentation(vp, *stranger, options);
    REQUIRE(signed_vp.ok());
    std::string png = PngOfPayload(s, "stolen.png", *EncodeQrPayload(DumpJson(*signed_vp)));
    auto v = s.Verifier({"--qr", png, "--challenge", "c-1"});
    INFO(v.out << v.err);
    CHECK(v.exit_code == 1);
    CHECK_THAT(v.out, Catch::Contains("not about the holder"));
    CHECK_THAT(v.out, Catch::Contains("ok    proof: presented by"));  // the stranger's signature is fine
  }
}

TEST_CASE("cli: a tampered payload is a definite no (1)", "[cli][wallet][qr]") {
  Scenario s;
  std::string id = s.ImportModule();
  REQUIRE(s.Wallet({"qr", id, "--challenge", "c-1", "--png", "m.png"}).exit_code == 0);
  json vp = DocumentInPng(s.Path("m.png"));
  for (const char* pointer : {"/verifiableCredential/0/credentialSubject/achievement/grade/value",
                              "/verifiableCredential/0/credentialSubject/achievement/ects",
                              "/verifiableCredential/0/credentialSubject/familyName", "/holder",
                              "/proof/challenge"}) {
    json bad = vp;
    json::json_pointer p(pointer);
    bad[p] = bad[p].is_number() ? json(30) : json("did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK");
    if (std::string(pointer).find("grade") != std::string::npos) bad[p] = "20.0";
    std::string payload = *EncodeQrPayload(DumpJson(bad));
    auto v = s.Verifier({"--qr", PngOfPayload(s, "bad.png", payload), "--challenge", "c-1"});
    INFO(pointer << "\n" << v.out << v.err);
    CHECK(v.exit_code == 1);
    auto t = s.Verifier({"--qr-text", payload, "--challenge", "c-1"});
    CHECK(t.exit_code == 1);
  }
  // Damage to the payload text itself never verifies. (Not in the last
  // group: the deflate stream's final byte may end in unused padding bits.)
  std::string text = *qr::ReadQrCodeFile(s.Path("m.png"));
  for (std::size_t at : {std::size_t{10}, text.size() / 3, text.size() / 2, text.size() - 40}) {
    std::string damaged = text;
    damaged[at] = damaged[at] == 'A' ? 'B' : 'A';
    auto v = s.Verifier({"--qr-text", damaged, "--challenge", "c-1"});
    INFO(at << ": " << v.err);
    CHECK(v.exit_code != 0);
  }
  auto truncated = s.Verifier({"--qr-text", text.substr(0, text.size() - 3), "--challenge", "c-1"});
  CHECK(truncated.exit_code == 2);
}

TEST_CASE("cli: an image without a QR code, or a QR code of other text: no verdict (2)", "[cli][wallet][qr]") {
  Scenario s;
  SECTION("a blank image") {
    wallet::QrMatrix blank;
    blank.version = 1;
    blank.size = 21;
    blank.dark.assign(21 * 21, false);
    std::string png = s.Write("blank.png", *wallet::RenderPng(blank));
    auto v = s.Verifier({"--qr", png});
    CHECK(v.exit_code == 2);
    CHECK_THAT(v.err, Catch::Contains("verifier: error: no QR code found in \"" + png + "\""));
    CHECK_THAT(v.err, Catch::Contains("hint:"));
  }
  SECTION("a QR code of random text") {
    auto code = qrcodegen::QrCode::encodeText("Lorem ipsum dolor sit amet, https://example.org/menu",
                                              qrcodegen::QrCode::Ecc::MEDIUM);
    std::string png = s.Write("menu.png", *wallet::RenderPng(MatrixOf(code)));
    auto v = s.Verifier({"--qr", png});
    CHECK(v.exit_code == 2);
    CHECK_THAT(v.err, Catch::Contains("the QR code in \"" + png + "\" is not a Passerelle credential or presentation"));
  }
  SECTION("random text given as --qr-text") {
    auto v = s.Verifier({"--qr-text", "HELLO WORLD"});
    CHECK(v.exit_code == 2);
    CHECK_THAT(v.err, Catch::Contains("not a Passerelle credential or presentation"));
  }
  SECTION("a file that is not an image") {
    auto v = s.Verifier({"--qr", s.Write("notes.txt", "hello")});
    CHECK(v.exit_code == 2);
    CHECK_THAT(v.err, Catch::Contains("not a PNG or JPEG"));
  }
  SECTION("a missing file") {
    auto v = s.Verifier({"--qr", s.Path("nowhere.png")});
    CHECK(v.exit_code == 2);
    CHECK_THAT(v.err, Catch::Contains("cannot read"));
  }
}

TEST_CASE("cli: wallet qr --terminal draws a code that scans from a screenshot", "[cli][wallet][qr]") {
  Scenario s;
  std::string id = s.ImportModule();
  auto t = s.Wallet({"qr", id, "--challenge", "c-term", "--terminal"});
  INFO(t.err);
  REQUIRE(t.exit_code == 0);
  CHECK_THAT(t.out, Catch::Contains("\xe2\x96\x80"));
  std::string png = WritePng(s.Path("screenshot.png"), Screenshot(t.out));
  auto v = s.Verifier({"--qr", png, "--challenge", "c-term"});
  INFO(v.out << v.err);
  CHECK(v.exit_code == 0);
}

TEST_CASE("cli: wallet qr checks its flags", "[cli][wallet][qr]") {
  Scenario s;
  std::string id = s.ImportModule();
  auto none = s.Wallet({"qr", id});
  CHECK(none.exit_code == 2);
  CHECK_THAT(none.err, Catch::Contains("hint:"));
  auto both = s.Wallet({"qr", id, "--png", "a.png", "--terminal"});
  CHECK(both.exit_code == 2);
  CHECK_THAT(both.err, Catch::Contains("can't be used together"));
  auto svg = s.Wallet({"qr", id, "--svg", "m.svg"});
  CHECK(svg.exit_code == 0);
  CHECK_THAT(testing::ReadFile(s.Path("m.svg")), Catch::Contains("<svg"));
  auto unknown = s.Wallet({"qr", "ffffffff", "--png", "x.png"});
  CHECK(unknown.exit_code == 2);
  CHECK_THAT(unknown.err, Catch::Contains("no credential"));
}

}  // namespace
}  // namespace passerelle
