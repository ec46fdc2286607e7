// End-to-end: the real `verifier serve` on a loopback port. An employer
// pastes the text of a candidate's QR code into the page and reads the
// verdict; partner systems call the VC-API verify routes. Hostile bodies
// are refused before they are read, and nothing a document says reaches
// the page unescaped.
#include <catch2/catch.hpp>

#include <fstream>

#include <nlohmann/json.hpp>

#include "tests/cli/wallet_cli_fixture.h"
#include "tests/issuer/node_process.h"

namespace passerelle {
namespace {

using nlohmann::json;
using wallet_cli_testing::Scenario;

std::string FormEncode(const std::map<std::string, std::string>& fields) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const auto& [name, value] : fields) {
    if (!out.empty()) out += '&';
    out += name + "=";
    for (unsigned char c : value) {
      if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
        out += static_cast<char>(c);
      } else {
        out += '%';
        out += kHex[c >> 4];
        out += kHex[c & 15];
      }
    }
  }
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

TEST_CASE("cli: verifier serve: the page verifies a pasted QR text for its challenge", "[cli][serve]") {
  Scenario s;
  std::string id = s.ImportModule("HQ-M01");
  auto qr = s.Wallet({"qr", id, "--challenge", "emp-7f3a", "--text"});
  REQUIRE(qr.exit_code == 0);
  const std::string qr_text = qr.out.substr(0, qr.out.find('\n'));
  REQUIRE(qr_text.rfind("PSL1:", 0) == 0);
  ServedVerifier v(s);

  auto page = testing::HttpCall(v.port, "GET", "/");
  CHECK(page.status == 200);
  CHECK_THAT(page.body, Catch::Contains("<form method=\"post\" action=\"/verify\">"));
  CHECK_THAT(page.headers["content-security-policy"], Catch::Contains("default-src 'none'"));

  auto ok = v.Form({{"document", qr_text}, {"challenge", "emp-7f3a"}});
  INFO(ok.body);
  CHECK(ok.status == 200);
  CHECK_THAT(ok.body, Catch::Contains("VERIFIED (presentation)"));
  auto replay = v.Form({{"document", qr_text}, {"challenge", "another-employer"}});
  CHECK(replay.status == 422);
  CHECK_THAT(replay.body, Catch::Contains("NOT VERIFIED"));
  CHECK_THAT(ok.body, Catch::Contains("Checked against challenge <code>emp-7f3a</code>"));
  // Pasted with the line breaks a browser or scanner adds.
  CHECK(v.Form({{"document", qr_text.substr(0, 40) + "\r\n" + qr_text.substr(40) + "\r\n"}, {"challenge", "emp-7f3a"}})
            .status == 200);
  // No challenge: no verdict (a copied presentation would look valid).
  auto unchallenged = v.Form({{"document", qr_text}});
  CHECK(unchallenged.status == 400);
  CHECK_THAT(unchallenged.body, Catch::Contains("Give a challenge"));
  // Posted from another site: refused.
  auto cross_site = testing::HttpCall(v.port, "POST", "/verify", FormEncode({{"document", qr_text}, {"challenge", "emp-7f3a"}}),
                                      {{"Content-Type", "application/x-www-form-urlencoded"}, {"Origin", "https://evil.example"}});
  CHECK(cross_site.status == 403);
  CHECK(testing::HttpCall(v.port, "POST", "/verify", FormEncode({{"document", qr_text}, {"challenge", "emp-7f3a"}}),
                          {{"Content-Type", "application/x-www-form-urlencoded"}, {"Sec-Fetch-Site", "cross-site"}})
            .status == 403);
  // Behind a proxy that rewrites Host, a browser's own same-origin post still passes.
  CHECK(testing::HttpCall(v.port, "POST", "/verify", FormEncode({{"document", qr_text}, {"challenge", "emp-7f3a"}}),
                          {{"Content-Type", "application/x-www-form-urlencoded"},
                           {"Sec-Fetch-Site", "same-origin"},
                           {"Origin", "https://verify.example.org"}})
            .status == 200);
  auto garbage = v.Form({{"document", "PSL1:not base45!"}, {"challenge", "emp-7f3a"}});
  CHECK(garbage.status == 400);
  CHECK_THAT(garbage.body, Catch::Contains("NO VERDICT"));
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

TEST_CASE("cli: verifier serve: hostile requests are refused, and nothing is reflected unescaped", "[cli][serve]") {
  Scenario s;
  ServedVerifier v(s);
  auto xss = v.Form({{"document", "<script>alert(1)</script>"}, {"challenge", "\"><script>alert(2)</script>"}});
  CHECK(xss.status == 400);
  CHECK(xss.body.find("<script>") == std::string::npos);
  // A challenge the page shows back (nothing else to verify) is escaped.
  auto echoed = v.Form({{"document", ""}, {"challenge", "\"><script>alert(2)</script>"}});
  CHECK(echoed.status == 400);
  CHECK(echoed.body.find("<script>") == std::string::npos);
  CHECK_THAT(echoed.body, Catch::Contains("&quot;&gt;&lt;script&gt;"));
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
