// End-to-end: the real `verifier serve` on a loopback port. An employer
// pastes the text of a candidate's QR code into the page and reads the
// verdict; partner systems call the VC-API verify routes. Hostile bodies
// are refused before they are read, and nothing a document says reaches
// the page unescaped.
#include <catch2/catch.hpp>

#include <fstream>

#include <nlohmann/json.hpp>

#include "formats/credential_offer.h"
#include "tests/cli/wallet_cli_fixture.h"
#include "tests/issuer/node_process.h"

namespace passerelle {
namespace {

using nlohmann::json;
using wallet_cli_testing::Scenario;

std::string FormEncode(const std::map<std::string, std::string>& fields) {
  std::string out;
  for (const auto& [name, value] : fields) out += (out.empty() ? "" : "&") + name + "=" + PercentEncode(value);
  return out;
}

struct ServedVerifier {
  int port = testing::FreeLoopbackPort();
  std::unique_ptr<testing::BackgroundProcess> process;

  ServedVerifier(const Scenario& s) {
    process = std::make_unique<testing::BackgroundProcess>(
        std::vector<std::string>{(testing::BinDir() / "verifier").string(), "serve", "--listen",
                                 "127.0.0.1:" + std::to_string(port), "--trust-issuer", s.issuer_did,
                                 "--max-request-bytes", "65536", "--quiet"},
        std::map<std::string, std::string>{}, s.tmp.path(), "verifier-serve");
    REQUIRE(testing::WaitForHealth(port));
  }
  testing::HttpReply Form(const std::map<std::string, std::string>& fields) const {
    return testing::HttpCall(port, "POST", "/verify", FormEncode(fields),
                             {{"Content-Type", "application/x-www-form-urlencoded"}});
  }
};

// The challenge code a page shows ("K7QX-3MPA").
std::string ChallengeOf(const std::string& page) {
  const std::string marker = "id=\"challenge-code\">";
  std::size_t at = page.find(marker);
  REQUIRE(at != std::string::npos);
  return page.substr(at + marker.size(), 9);
}

std::string OutcomeOf(const std::string& page) {
  const std::string marker = "data-outcome=\"";
  std::size_t at = page.find(marker);
  if (at == std::string::npos) return "";
  at += marker.size();
  return page.substr(at, page.find('"', at) - at);
}

TEST_CASE("cli: verifier serve: the page verifies a pasted QR text for its challenge, once", "[cli][serve]") {
  Scenario s;
  std::string id = s.ImportModule("HQ-M01");
  ServedVerifier v(s);

  auto page = testing::HttpCall(v.port, "GET", "/");
  CHECK(page.status == 200);
  CHECK_THAT(page.body, Catch::Contains("<form method=\"post\" action=\"/verify\" enctype=\"multipart/form-data\">"));
  CHECK_THAT(page.body, Catch::Contains("accept=\"image/*\" capture=\"environment\""));
  CHECK_THAT(page.headers["content-security-policy"], Catch::Contains("default-src 'none'"));
  const std::string challenge = ChallengeOf(page.body);
  CHECK(ChallengeOf(testing::HttpCall(v.port, "GET", "/").body) != challenge);  // every load: a new code

  // The code as a person types it from the page.
  std::string typed = challenge.substr(0, 4) + " " + challenge.substr(5);
  for (char& c : typed) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  auto qr = s.Wallet({"qr", id, "--challenge-from", typed, "--text"});
  INFO(qr.err);
  REQUIRE(qr.exit_code == 0);
  const std::string qr_text = qr.out.substr(0, qr.out.find('\n'));
  REQUIRE(qr_text.rfind("PSL1:", 0) == 0);

  // Pasted with the line breaks a browser or scanner adds.
  auto ok = v.Form({{"qr_text", qr_text.substr(0, 40) + "\r\n" + qr_text.substr(40) + "\r\n"},
                    {"challenge", challenge}, {"lang", "en"}});
  INFO(ok.body);
  CHECK(ok.status == 200);
  CHECK(OutcomeOf(ok.body) == "presented");
  CHECK_THAT(ok.body, Catch::Contains("Jérôme Mercier"));
  CHECK_THAT(ok.body, Catch::Contains("18.1"));
  // The same presentation again: the code is used up.
  auto replay = v.Form({{"qr_text", qr_text}, {"challenge", challenge}});
  CHECK(OutcomeOf(replay.body) == "authentic");
  CHECK_THAT(replay.body, Catch::Contains("already been used"));
  // A presentation for a code this verifier never gave.
  auto foreign = s.Wallet({"qr", id, "--challenge", "ZZZZ-ZZZZ", "--text"});
  REQUIRE(foreign.exit_code == 0);
  auto unknown = v.Form({{"document", foreign.out.substr(0, foreign.out.find('\n'))}, {"challenge", challenge}});
  CHECK(OutcomeOf(unknown.body) == "authentic");
  CHECK_THAT(unknown.body, Catch::Contains("not for the code you entered"));
  // Posted from another site: refused.
  auto cross_site = testing::HttpCall(v.port, "POST", "/verify", FormEncode({{"qr_text", qr_text}}),
                                      {{"Content-Type", "application/x-www-form-urlencoded"}, {"Origin", "https://evil.example"}});
  CHECK(cross_site.status == 403);
  CHECK(testing::HttpCall(v.port, "POST", "/verify", FormEncode({{"qr_text", qr_text}}),
                          {{"Content-Type", "application/x-www-form-urlencoded"}, {"Sec-Fetch-Site", "cross-site"}})
            .status == 403);
  // Behind a proxy that rewrites Host, a browser's own same-origin post still passes.
  CHECK(testing::HttpCall(v.port, "POST", "/verify", FormEncode({{"qr_text", qr_text}}),
                          {{"Content-Type", "application/x-www-form-urlencoded"},
                           {"Sec-Fetch-Site", "same-origin"},
                           {"Origin", "https://verify.example.org"}})
            .status == 200);
  auto garbage = v.Form({{"qr_text", "PSL1:not base45!"}});
  CHECK(garbage.status == 400);
  CHECK(OutcomeOf(garbage.body) == "unreadable");
  CHECK_THAT(garbage.body, Catch::Contains("closer photo"));
  CHECK(OutcomeOf(v.Form({}).body) == "unreadable");
}

TEST_CASE("cli: wallet qr --challenge-from reads a photo of the page's challenge QR code", "[cli][serve]") {
  Scenario s;
  std::string id = s.ImportModule("HQ-M01");
  ServedVerifier v(s);
  const std::string challenge = ChallengeOf(testing::HttpCall(v.port, "GET", "/").body);
  // The page draws the code with qrcodegen: the same matrix, as a PNG.
  auto png = wallet::RenderPng(wallet_cli_testing::MatrixOf(
      qrcodegen::QrCode::encodeText(challenge.c_str(), qrcodegen::QrCode::Ecc::MEDIUM)));
  REQUIRE(png.ok());
  const std::string photo = s.Write("challenge.png", *png);
  auto qr = s.Wallet({"qr", id, "--challenge-from", photo, "--text"});
  INFO(qr.err);
  REQUIRE(qr.exit_code == 0);
  auto verdict = v.Form({{"qr_text", qr.out.substr(0, qr.out.find('\n'))}});
  CHECK(OutcomeOf(verdict.body) == "presented");
  // Not a challenge code: refused before anything is signed.
  auto bad = s.Wallet({"qr", id, "--challenge-from", "K7QX-3MP0", "--text"});
  CHECK(bad.exit_code == 2);
  CHECK_THAT(bad.err, Catch::Contains("--challenge-from"));
  CHECK(s.Wallet({"qr", id, "--challenge-from", "K7QX-3MPA", "--challenge", "x", "--text"}).exit_code == 2);
}

TEST_CASE("cli: verifier serve: an e-mailed credential file is authentic, not red, in the reader's language", "[cli][serve]") {
  Scenario s;
  const std::string credential = testing::ReadFile(s.IssueModule("m1.json", s.holder_did));
  ServedVerifier v(s);
  const std::string boundary = "----passerelleTestBoundary";
  const std::string body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"m1.json\"\r\n"
                           "Content-Type: application/json\r\n\r\n" + credential + "\r\n--" + boundary +
                           "\r\nContent-Disposition: form-data; name=\"challenge\"\r\n\r\nK7QX-3MPA\r\n--" + boundary + "--\r\n";
  auto r = testing::HttpCall(v.port, "POST", "/verify", body,
                             {{"Content-Type", "multipart/form-data; boundary=" + boundary}, {"Accept-Language", "fr-FR,fr;q=0.9"}});
  INFO(r.body);
  CHECK(r.status == 200);
  CHECK(OutcomeOf(r.body) == "authentic");
  CHECK_THAT(r.body, Catch::Contains("<html lang=\"fr\">"));
  CHECK_THAT(r.body, Catch::Contains("Document authentique"));
  CHECK_THAT(r.body, Catch::Contains("Jérôme Mercier"));
  CHECK(r.headers["content-language"] == "fr");
  // ?lang= wins over Accept-Language; the switch links every language.
  auto ru = testing::HttpCall(v.port, "GET", "/?lang=ru", "", {{"Accept-Language", "fr"}});
  CHECK_THAT(ru.body, Catch::Contains("Проверка документа об обучении"));
  CHECK_THAT(ru.body, Catch::Contains("href=\"/?lang=kk\""));
  // Over the upload cap: refused unread.
  auto big = testing::HttpCall(v.port, "POST", "/verify", std::string((8u << 20) + 100000, 'x'),
                               {{"Content-Type", "multipart/form-data; boundary=" + boundary}});
  CHECK(big.status == 413);
}

TEST_CASE("cli: verifier serve: VC-API verify routes answer 200, 422 and 400", "[cli][serve]") {
  Scenario s;
  json credential = json::parse(testing::ReadFile(s.IssueModule("m1.json", s.holder_did)));
  ServedVerifier v(s);
  auto ok = testing::HttpCall(v.port, "POST", "/credentials/verify", json{{"verifiableCredential", credential}}.dump());
  INFO(ok.body);
  CHECK(ok.status == 200);
  CHECK(json::parse(ok.body)["verified"] == true);
  json tampered = credential;
  tampered["credentialSubject"]["achievement"]["grade"]["value"] = "20";
  CHECK(testing::HttpCall(v.port, "POST", "/credentials/verify", json{{"verifiableCredential", tampered}}.dump())
            .status == 422);
  CHECK(testing::HttpCall(v.port, "POST", "/credentials/verify", "{\"verifiableCredential\": [").status == 400);
  CHECK(testing::HttpCall(v.port, "POST", "/presentations/verify", json{{"verifiablePresentation", 5}}.dump()).status ==
        400);
}

TEST_CASE("cli: verifier serve: holder binding is the VC-API request's choice, and the page's rule",
          "[cli][serve][holder-binding]") {
  Scenario s;
  json credential = json::parse(testing::ReadFile(s.IssueModule("m1.json", s.holder_did)));
  // VC 2.0 allows a presentation without holder (and without proof).
  json vp = {{"@context", {"https://www.w3.org/ns/credentials/v2"}},
             {"type", {"VerifiablePresentation"}},
             {"verifiableCredential", {credential}}};
  ServedVerifier v(s);
  auto open = testing::HttpCall(v.port, "POST", "/presentations/verify", json{{"verifiablePresentation", vp}}.dump());
  INFO(open.body);
  CHECK(open.status == 200);
  CHECK(json::parse(open.body)["verified"] == true);
  auto asked = testing::HttpCall(v.port, "POST", "/presentations/verify",
                                 json{{"verifiablePresentation", vp}, {"options", {{"holderBinding", true}}}}.dump());
  INFO(asked.body);
  CHECK(asked.status == 422);
  CHECK_THAT(asked.body, Catch::Contains("must name its holder"));
  CHECK(testing::HttpCall(v.port, "POST", "/presentations/verify",
                          json{{"verifiablePresentation", vp}, {"options", {{"holderBinding", "yes"}}}}.dump())
            .status == 400);
  // The employer page requires it: a presentation that proves no holder is
  // refused, and the page says why.
  auto page = v.Form({{"file", vp.dump()}});
  INFO(page.body);
  CHECK(OutcomeOf(page.body) == "refused");
  CHECK_THAT(page.body, Catch::Contains("must name its holder"));
}

TEST_CASE("cli: verifier serve: hostile requests are refused, and nothing is reflected unescaped", "[cli][serve]") {
  Scenario s;
  ServedVerifier v(s);
  auto xss = v.Form({{"document", "<script>alert(1)</script>"}, {"challenge", "\"><script>alert(2)</script>"}});
  CHECK(xss.status == 400);
  CHECK(xss.body.find("<script>") == std::string::npos);
  // Nothing typed is shown back unescaped.
  auto echoed = v.Form({{"qr_text", "{\"<script>alert(2)</script>\": 1}"}, {"challenge", "\"><script>alert(2)</script>"}});
  CHECK(echoed.status == 422);  // a JSON object, but no credential
  CHECK(echoed.body.find("<script>") == std::string::npos);
  auto chunked = testing::HttpCall(v.port, "POST", "/credentials/verify", "",
                                   {{"Transfer-Encoding", "chunked"}, {"Content-Type", "application/json"}});
  CHECK(chunked.status == 411);
  auto gzipped = testing::HttpCall(v.port, "POST", "/credentials/verify", "\x1f\x8b\x08\x00",
                                   {{"Content-Encoding", "gzip"}, {"Content-Type", "application/json"}});
  CHECK(gzipped.status == 415);
  auto large = testing::HttpCall(v.port, "POST", "/credentials/verify", std::string(100000, ' '));
  CHECK(large.status == 413);
  CHECK(testing::HttpCall(v.port, "DELETE", "/").status == 405);
  CHECK(testing::HttpCall(v.port, "GET", "/nowhere").status == 404);
  CHECK(testing::HttpCall(v.port, "POST", "/verify", "document=x", {{"Content-Type", "text/plain"}}).status == 415);
  // A refused body is never read as a second request on the same connection.
  std::string raw = testing::RawExchange(v.port,
                                "POST /credentials/verify HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n"
                                "Content-Type: application/json\r\n\r\n",
                                "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
  CHECK(raw.rfind("HTTP/1.1 411", 0) == 0);
  CHECK(raw.find("HTTP/1.1", 1) == std::string::npos);
  // Still serving.
  CHECK(testing::HttpCall(v.port, "GET", "/healthz").status == 200);
}

}  // namespace
}  // namespace passerelle
