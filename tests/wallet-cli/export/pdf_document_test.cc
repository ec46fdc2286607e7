// Tests for wallet-cli/export/pdf_document.h: the PDF is produced for any
// script, pages come out, and bad input is an error, not a crash. (The
// scan-and-verify round trip is in tests/cli/wallet_export_test.cc.)
#include "wallet-cli/export/pdf_document.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "formats/qr_payload.h"
#include "tests/wallet-cli/wallet_test_support.h"

namespace passerelle::wallet {
namespace {

using nlohmann::json;

Credential Module(const json& title) {
  testing::ModuleOptions o;
  o.title = title;
  auto c = CredentialFromJson(testing::SignedModule(testing::KeyFromSeed('i'), "did:key:z6MkHolder", o));
  REQUIRE(c.ok());
  return *c;
}

int Pages(const std::string& pdf) {
  int pages = 0;
  for (std::size_t at = pdf.find("/Type /Page"); at != std::string::npos; at = pdf.find("/Type /Page", at + 1))
    if (at + 11 < pdf.size() && pdf[at + 11] != 's') ++pages;
  return pages;
}

TEST_CASE("pdf: every script renders, one page per credential", "[pdf]") {
  Credential kk = Module({{"kk", "Денсаулық сақтаудағы сапа менеджменті"}, {"az", "Səhiyyədə keyfiyyət"}});
  Credential el = Module({{"el", "Θεμέλια διαχείρισης ποιότητας"}, {"ro", "Fundamentele managementului calității"}});
  auto payload = EncodeQrPayload(kk.text().empty() ? kk.ToJson().dump() : kk.text());
  REQUIRE(payload.ok());
  for (const char* lang : {"kk", "az", "el", "ro", "zz"}) {
    PdfOptions options;
    options.language = lang;
    auto pdf = RenderCredentialPdf({{kk, *payload}, {el, ""}}, options);
    INFO(lang);
    REQUIRE(pdf.ok());
    CHECK(pdf->rfind("%PDF-", 0) == 0);
    CHECK(Pages(*pdf) == 2);
  }
}

TEST_CASE("pdf: no credential, or a payload past one QR code, is an error", "[pdf]") {
  CHECK(RenderCredentialPdf({}, {}).status().code() == Code::kInvalidArgument);
  Credential vc = Module({{"en", "x"}});
  auto too_big = RenderCredentialPdf({{vc, std::string(5000, 'A')}}, {});
  REQUIRE_FALSE(too_big.ok());
  CHECK(too_big.status().code() == Code::kResourceExhausted);
  // A credential outside the Passerelle profile still prints (its id as title).
  auto other = CredentialFromJson(json{{"id", "urn:x"}, {"issuer", 7}, {"credentialSubject", "?"}});
  REQUIRE(other.ok());
  CHECK(RenderCredentialPdf({{*other, ""}}, {}).ok());
}

TEST_CASE("pdf: hostile text (huge titles, thousands of outcomes, control characters) renders without a crash",
          "[pdf]") {
  json outcomes = json::array();
  for (int i = 0; i < 3000; ++i) outcomes.push_back("outcome \x01\u202e " + std::to_string(i));
  auto vc = CredentialFromJson(json{
      {"@context", {"https://www.w3.org/ns/credentials/v2", "https://w3id.org/passerelle/v1"}},
      {"id", "urn:x"},
      {"type", {"VerifiableCredential", "ModuleCredential"}},
      {"issuer", {{"id", "did:key:z"}, {"name", std::string(100000, 'W')}}},
      {"credentialSubject",
       {{"name", "\x1b[31m"},
        {"achievement", {{"title", {{"en", std::string(50000, 'T')}}}, {"learningOutcomes", {{"en", outcomes}}}}}}}});
  REQUIRE(vc.ok());
  auto pdf = RenderCredentialPdf({{*vc, ""}}, {});
  REQUIRE(pdf.ok());
  CHECK(pdf->rfind("%PDF-", 0) == 0);
}

}  // namespace
}  // namespace passerelle::wallet
