// End-to-end: text from a credential carrying ANSI escapes or bidi
// overrides reaches the terminal escaped, in the wallet and the verifier.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "tests/cli/wallet_cli_fixture.h"

namespace passerelle {
namespace {

using namespace wallet_cli_testing;
using nlohmann::json;

bool HasRawControl(const std::string& s) {
  for (unsigned char c : s)
    if ((c < 0x20 && c != '\n') || c == 0x7f) return true;
  return s.find("\xe2\x80\xae") != std::string::npos || s.find("\xe2\x81\xa6") != std::string::npos;
}

TEST_CASE("cli: hostile text in a credential is shown escaped", "[cli][wallet][escape]") {
  Scenario s;
  // A programme whose module title carries a screen-clearing escape, a
  // window-title change and a right-to-left override.
  json programme = json::parse(testing::ReadFile(testing::SourceDir() /
                                                 "scripts/demo-data/programme-health-qualitician.json"));
  programme["modules"][0]["title"] = {{"en", "Audit\x1b[2J\x1b]0;owned\x07 basics"},
                                      {"fr", "Audit \xe2\x80\xae" "exe.fdp\xe2\x81\xa6 clinique"}};
  std::string programme_file = s.Write("programme.json", programme.dump());
  std::string vc = s.IssueModule("hostile.json", s.holder_did, "HQ-M01", programme_file);
  auto imported = s.Wallet({"import", vc});
  INFO(imported.err);
  REQUIRE(imported.exit_code == 0);
  CHECK_FALSE(HasRawControl(imported.err));
  std::string id = imported.out.substr(0, imported.out.find('\n'));

  auto list = s.Wallet({"list"});
  REQUIRE(list.exit_code == 0);
  CHECK_FALSE(HasRawControl(list.out));
  CHECK_THAT(list.out, Catch::Contains("Audit\\x1b[2J\\x1b]0;owned\\x07 basics"));
  ProcessOptions fr = s.env;
  fr.env["LANG"] = "fr_FR.UTF-8";
  auto list_fr = s.Wallet({"list"}, &fr);
  CHECK_FALSE(HasRawControl(list_fr.out));
  CHECK_THAT(list_fr.out, Catch::Contains("Audit \\u202eexe.fdp\\u2066 clinique"));

  auto show = s.Wallet({"show", id});
  REQUIRE(show.exit_code == 0);
  CHECK_FALSE(HasRawControl(show.out));
  CHECK_THAT(show.out, Catch::Contains("\\x1b[2J"));
  CHECK_THAT(show.out, Catch::Contains("\\u202e"));

  // JSON output is data for programs: control characters are JSON-escaped,
  // the text itself round-trips unchanged.
  auto list_json = s.Wallet({"list", "--json"});
  for (unsigned char c : list_json.out) CHECK((c >= 0x20 || c == '\n'));
  json parsed = json::parse(list_json.out);
  CHECK(parsed[0]["title"] == "Audit\x1b[2J\x1b]0;owned\x07 basics");
}

}  // namespace
}  // namespace passerelle
