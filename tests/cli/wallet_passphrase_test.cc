// Passerelle CLI tests — `wallet passphrase` (wallet-cli/commands/passphrase_command.cc),
// run as the built binary: the new passphrase from the environment or from
// standard input, only it opens the wallet afterwards, every credential
// still lists, exports byte for byte and the holder key still signs; the
// same passphrase, a missing new one and both from stdin are refused with
// nothing changed.
#include <catch2/catch.hpp>

#include <set>

#include "tests/cli/wallet_cli_fixture.h"

namespace passerelle::wallet_cli_testing {
namespace {

const std::string kNewPassphrase = "a new and longer wallet passphrase";

ProcessOptions WithPassphrase(const Scenario& s, const std::string& passphrase) {
  ProcessOptions o = s.env;
  o.env["PASSERELLE_PASSPHRASE"] = passphrase;
  return o;
}

// The credentials `passphrase` lists, each exported as JSON (its bytes as imported).
std::set<std::string> ExportedWith(const Scenario& s, const std::string& passphrase) {
  ProcessOptions o = WithPassphrase(s, passphrase);
  auto list = s.Wallet({"list", "--json"}, &o);
  INFO(list.err);
  REQUIRE(list.exit_code == 0);
  std::set<std::string> out;
  for (const auto& e : json::parse(list.out)) {
    auto exported = s.Wallet({"export", e.at("id").get<std::string>(), "--format", "json"}, &o);
    INFO(exported.err);
    REQUIRE(exported.exit_code == 0);
    out.insert(exported.out);
  }
  return out;
}

TEST_CASE("wallet passphrase: re-encrypts everything, then only the new passphrase opens the wallet",
          "[cli][wallet]") {
  Scenario s;
  std::set<std::string> imported;
  for (const char* module : {"HQ-M01", "HQ-M02"}) {
    s.ImportModule(module);
    imported.insert(passerelle::testing::ReadFile(s.Path(std::string(module) + ".json")));
  }
  CHECK(ExportedWith(s, kPassphrase) == imported);

  ProcessOptions change = s.env;
  change.env["PASSERELLE_NEW_PASSPHRASE"] = kNewPassphrase;
  auto r = s.Wallet({"passphrase"}, &change);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.empty());
  CHECK_THAT(r.err, Catch::Contains("passphrase changed: the holder key and 2 credentials re-encrypted"));
  CHECK(r.err.find(kNewPassphrase) == std::string::npos);  // never echoed

  ProcessOptions old_one = WithPassphrase(s, kPassphrase);
  auto refused = s.Wallet({"list"}, &old_one);
  CHECK(refused.exit_code == 2);
  CHECK_THAT(refused.err, Catch::Contains("wrong passphrase"));
  CHECK(ExportedWith(s, kNewPassphrase) == imported);
  // The holder key opens under the new passphrase: a presentation is signed.
  ProcessOptions new_one = WithPassphrase(s, kNewPassphrase);
  auto list = s.Wallet({"list", "--json"}, &new_one);
  std::string id = json::parse(list.out)[0].at("id");
  auto presented = s.Wallet({"present", id, "--challenge", "4bd6f1e0"}, &new_one);
  INFO(presented.err);
  CHECK(presented.exit_code == 0);
  CHECK_THAT(presented.out, Catch::Contains("VerifiablePresentation"));
  // Nothing of the change is left in the folder.
  CHECK_FALSE(std::filesystem::exists(std::filesystem::path(s.Path("wallet")) / "passphrase-change.json"));
  CHECK_FALSE(std::filesystem::exists(std::filesystem::path(s.Path("wallet")) / "wallet.json.next"));
}

TEST_CASE("wallet passphrase: the new passphrase from standard input, and back", "[cli][wallet]") {
  Scenario s("wallet", Scenario::Kdf::kFast);
  s.ImportModule("HQ-M01");
  ProcessOptions change = s.env;
  change.stdin_data = kNewPassphrase + "\n";
  auto r = s.Wallet({"passphrase", "--new-passphrase-file", "-"}, &change);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  ProcessOptions back = WithPassphrase(s, kNewPassphrase);
  back.stdin_data = kPassphrase + "\n";
  auto again = s.Wallet({"passphrase", "--new-passphrase-file", "-"}, &back);
  INFO(again.err);
  REQUIRE(again.exit_code == 0);
  CHECK(s.Wallet({"list"}).exit_code == 0);  // the first passphrase again
  CHECK(s.Wallet({"list"}, &back).exit_code == 2);
}

TEST_CASE("wallet passphrase: refused with nothing changed when the new one is the same, missing or unreadable",
          "[cli][wallet]") {
  Scenario s("wallet", Scenario::Kdf::kFast);
  s.ImportModule("HQ-M01");
  std::string header = passerelle::testing::ReadFile(std::filesystem::path(s.Path("wallet")) / "wallet.json");

  ProcessOptions same = s.env;
  same.env["PASSERELLE_NEW_PASSPHRASE"] = kPassphrase;
  auto r = s.Wallet({"passphrase"}, &same);
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains("the new passphrase is the current one"));

  // No file, no variable, no terminal (the tests run without one).
  ProcessOptions none = s.env;
  none.unset_env.push_back("PASSERELLE_NEW_PASSPHRASE");
  auto missing = s.Wallet({"passphrase"}, &none);
  CHECK(missing.exit_code == 2);
  CHECK_THAT(missing.err, Catch::Contains("new passphrase:") && Catch::Contains("PASSERELLE_NEW_PASSPHRASE"));

  auto both = s.Wallet({"passphrase", "--passphrase-file", "-", "--new-passphrase-file", "-"});
  CHECK(both.exit_code == 2);
  CHECK_THAT(both.err, Catch::Contains("cannot both read standard input"));

  ProcessOptions wrong = WithPassphrase(s, "not the passphrase");
  wrong.env["PASSERELLE_NEW_PASSPHRASE"] = kNewPassphrase;
  auto denied = s.Wallet({"passphrase"}, &wrong);
  CHECK(denied.exit_code == 2);
  CHECK_THAT(denied.err, Catch::Contains("wrong passphrase"));

  CHECK(passerelle::testing::ReadFile(std::filesystem::path(s.Path("wallet")) / "wallet.json") == header);
  CHECK(s.Wallet({"list"}).exit_code == 0);
}

TEST_CASE("wallet passphrase: listed in wallet --help", "[cli][wallet]") {
  auto help = RunTool("wallet", {"--help"});
  CHECK(help.exit_code == 0);
  CHECK_THAT(help.out, Catch::Contains("passphrase") && Catch::Contains("change the wallet's passphrase"));
}

}  // namespace
}  // namespace passerelle::wallet_cli_testing
