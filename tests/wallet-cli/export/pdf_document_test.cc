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

}  // namespace
}  // namespace passerelle::wallet
