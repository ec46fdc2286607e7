// Passerelle wallet — what list and show print: the user's language, and
// text from credentials with ANSI escapes or bidi overrides shown escaped.
#include "wallet-cli/credential_view.h"

#include <catch2/catch.hpp>

#include "formats/json.h"
#include "tests/wallet-cli/wallet_test_support.h"
#include "wallet-cli/credential_summary.h"

namespace passerelle::wallet {
namespace {

using namespace passerelle::wallet::testing;

const std::string kEsc = "\x1b";
const std::string kRlo = "\xe2\x80\xae";  // U+202E RIGHT-TO-LEFT OVERRIDE

IndexEntry EntryFor(const json& vc) {
  return IndexEntry{"0123456789abcdef0123456789abcdef", "2026-07-01T10:00:00Z", "m.json", SummarizeCredential(CredentialFromJson(vc).value())};
}

bool HasRawControl(const std::string& s) {
  for (unsigned char c : s)
    if ((c < 0x20 && c != '\n') || c == 0x7f) return true;
  return s.find(kRlo) != std::string::npos;
}

TEST_CASE("hostile text in a credential is printed escaped", "[wallet][view]") {
  auto issuer = KeyFromSeed('\x61');
  ModuleOptions o;
  o.title = {{"en", "Safe" + kEsc + "[2J" + kEsc + "]0;pwned\x07 title"}, {"fr", "Titre " + kRlo + "fdp.exe"}};
  o.issuer_name = "Evil" + kEsc + "[31m Corp" + kRlo;
  o.given_name = "Eve" + kEsc + "[8m";
  json vc = SignedModule(issuer, "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK", o);
  IndexEntry e = EntryFor(vc);
  Timestamp now = *ParseDateTime("2026-07-01T00:00:00Z");

  std::string list_en = FormatList({e}, "en", now);
  std::string list_fr = FormatList({e}, "fr", now);
  std::string show = FormatDetails(vc, e, {"problem with " + kEsc + "[1m bold"}, "fr");
  for (const std::string* out : {&list_en, &list_fr, &show}) {
    INFO(*out);
    CHECK_FALSE(HasRawControl(*out));
  }
  CHECK_THAT(list_en, Catch::Contains("Safe\\x1b[2J"));
  CHECK_THAT(list_fr, Catch::Contains("Titre \\u202efdp.exe"));
  CHECK_THAT(list_en, Catch::Contains("Evil\\x1b[31m Corp"));
  CHECK_THAT(show, Catch::Contains("Eve\\x1b[8m"));
  CHECK_THAT(show, Catch::Contains("\\x07"));
  CHECK_THAT(show, Catch::Contains("problem with \\x1b[1m bold"));
}

TEST_CASE("list shows kind, title in the user's language, issuer, EQF, ECTS, validity, status", "[wallet][view]") {
  auto issuer = KeyFromSeed('\x62');
  json vc = SignedModule(issuer, "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK");
  IndexEntry e = EntryFor(vc);
  Timestamp now = *ParseDateTime("2026-07-01T00:00:00Z");
  std::string fr = FormatList({e}, "fr", now);
  CHECK_THAT(fr, Catch::Contains("01234567"));
  CHECK_THAT(fr, Catch::Contains("module"));
  CHECK_THAT(fr, Catch::Contains("Fondamentaux du management"));
  CHECK_THAT(fr, Catch::Contains("Institut de formation"));
  // Headers and dates in the user's language (i18n/messages).
  CHECK_THAT(fr, Catch::Contains("sans date de fin") && Catch::Contains("INTITULÉ") && Catch::Contains("ÉMETTEUR"));
  CHECK_THAT(FormatList({e}, "en", now), Catch::Contains("no end date") && Catch::Contains("TITLE"));
  CHECK_THAT(FormatList({e}, "ru", now), Catch::Contains("НАЗВАНИЕ") && Catch::Contains("модуль"));
  CHECK_THAT(fr, Catch::Contains(" 5 "));
  CHECK_THAT(fr, Catch::Contains(" 6 "));
  CHECK_THAT(FormatList({e}, "el", now), Catch::Contains("Θεμέλια"));
  CHECK_THAT(FormatList({e}, "kk", now), Catch::Contains("Foundations of quality"));

  json list = ListToJson({e}, "fr");
  REQUIRE(list.size() == 1);
  CHECK(list[0]["id"] == "01234567");
  CHECK(list[0]["kind"] == "module");
  CHECK(list[0]["title"] == "Fondamentaux du management de la qualité en santé");
  CHECK(list[0]["eqfLevel"] == 5);
  CHECK(list[0]["ects"] == 6);
  CHECK(list[0]["status"] == "none");
  CHECK(list[0]["credentialId"] == "urn:uuid:6a1f0e52-8c3d-4b7a-9e21-0d5c4f3b2a19");

  CredentialSummary s = e.summary;
  s.valid_until = "2026-01-01T00:00:00Z";
  CHECK(DescribeValidity(s, now) == "expired on 2026-01-01");
  s.valid_until = "2030-01-01T00:00:00Z";
  CHECK(DescribeValidity(s, now) == "until 2030-01-01");
  s.status = "unknown";
  CHECK(DescribeStatus(s) == "unknown (never checked)");
}

TEST_CASE("show separates signed claims from wallet metadata", "[wallet][view]") {
  auto issuer = KeyFromSeed('\x63');
  json vc = SignedModule(issuer, "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK");
  IndexEntry e = EntryFor(vc);
  std::string show = FormatDetails(vc, e, {}, "en");
  std::size_t unverified = show.find("unverified (wallet metadata):");
  REQUIRE(unverified != std::string::npos);
  CHECK(show.find("m.json") > unverified);
  CHECK(show.find("18.1 (FR-0-20)") < unverified);
  CHECK(show.find("Jérôme Mercier") < unverified);
  CHECK(show.find("eddsa-rdfc-2022") < unverified);
  json j = DetailsToJson(vc, e, {}, "en");
  CHECK(j["verified"] == true);
  CHECK(j["credential"] == vc);
  CHECK(j["unverified"]["source"] == "m.json");
}

}  // namespace
}  // namespace passerelle::wallet
