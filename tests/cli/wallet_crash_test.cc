// Crash tests of the wallet store (wallet-cli/store/wallet_store.h): the real
// `wallet import -` is held on its standard input with the wallet already
// open, then released and SIGKILLed at delays spread over the work that
// follows (verify, seal, write the credential file, write the index). After
// every kill: every import that was acknowledged (its id printed, exit 0) is
// listed, the store opens, and importing the same credential again gives one
// copy, never two. Leftovers of an interrupted write are removed and
// reported by the next run that opens the store for writing. The same for
// `wallet passphrase --new-passphrase-file -` (wallet-cli/store/passphrase_change.h):
// after every kill exactly one of the two passphrases opens the wallet,
// every credential is listed and exports byte for byte, and the next run
// says what it finished or undid. The wallets are made at Argon2id's minimum
// cost (Scenario::Kdf::kFast): the kills land in the store's work, not in
// the key derivation, and the group stays fast.
#include <catch2/catch.hpp>

#include <chrono>
#include <fstream>
#include <set>

#include "tests/cli/wallet_cli_fixture.h"
#include "tests/testing/held_process.h"

namespace passerelle::wallet_cli_testing {
namespace {

using Clock = std::chrono::steady_clock;

// The scheduler state of `pid` ('R' running, 'S' sleeping, …; 0 if unknown).
char ProcessState(pid_t pid) {
  std::string stat = passerelle::testing::ReadFile("/proc/" + std::to_string(pid) + "/stat");
  std::size_t paren = stat.rfind(')');
  return paren == std::string::npos || paren + 2 >= stat.size() ? 0 : stat[paren + 2];
}

// Waits until `pid` sleeps reading a pipe (its stdin): the wallet is open.
// Falls back to a fixed pause where /proc/PID/wchan says nothing of a
// sleeping process (a running one reads "0" everywhere: keep polling).
void WaitUntilReadingStdin(pid_t pid) {
  auto deadline = Clock::now() + std::chrono::seconds(20);
  while (Clock::now() < deadline) {
    std::string wchan = passerelle::testing::ReadFile("/proc/" + std::to_string(pid) + "/wchan");
    if (wchan.find("pipe") != std::string::npos) return;
    if ((wchan.empty() || wchan == "0") && ProcessState(pid) != 'R') {
      std::this_thread::sleep_for(std::chrono::seconds(2));
      return;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
}

std::size_t CountTemporaryFiles(const std::filesystem::path& dir) {
  std::size_t n = 0;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir))
    if (e.path().filename().string().find(".tmp-") != std::string::npos) ++n;
  return n;
}

// The wallet ids `wallet list --json` shows.
std::set<std::string> ListedIds(const Scenario& s) {
  auto r = s.Wallet({"list", "--json"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  json list = json::parse(r.out, nullptr, false);
  REQUIRE(list.is_array());
  std::set<std::string> ids;
  for (const auto& e : list) ids.insert(e.value("id", std::string()));
  return ids;
}

TEST_CASE("wallet crash: SIGKILL at varied points of an import, then the next runs repair and lose nothing acknowledged",
          "[cli][wallet][crash]") {
  Scenario s("wallet", Scenario::Kdf::kFast);
  const std::vector<std::string> argv = {(passerelle::testing::BinDir() / "wallet").string(), "import", "-"};
  std::vector<std::string> files;
  for (int m = 1; m <= 6; ++m) {
    std::string code = std::string("HQ-M0") + std::to_string(m);
    files.push_back(s.IssueModule(code + ".json", s.holder_did, code));
  }
  std::set<std::string> acknowledged;

  // One run to the end: how long the work after the input takes.
  Clock::duration work{};
  {
    passerelle::testing::HeldProcess p(argv, s.env.env, s.tmp.path(), "measure");
    REQUIRE(p.started());
    WaitUntilReadingStdin(p.pid());
    auto t0 = Clock::now();
    p.Release(passerelle::testing::ReadFile(files[0]));
    REQUIRE(p.Wait(std::chrono::seconds(30)) == 0);
    work = Clock::now() - t0;
    acknowledged.insert(p.out().substr(0, p.out().find('\n')));
  }
  INFO("import work after stdin: " << std::chrono::duration_cast<std::chrono::microseconds>(work).count() << " us");

  int killed = 0, repaired_runs = 0;
  for (std::size_t i = 1; i < files.size(); ++i) {
    // Delays from 0 to 1.2x the measured work, so kills land before, during
    // and after the writes.
    auto delay = work * 12 * static_cast<long>(i - 1) / (10 * static_cast<long>(files.size() - 2));
    std::string bytes = passerelle::testing::ReadFile(files[i]);
    {
      passerelle::testing::HeldProcess p(argv, s.env.env, s.tmp.path(), "import-" + std::to_string(i));
      REQUIRE(p.started());
      WaitUntilReadingStdin(p.pid());
      p.Release(bytes);
      std::this_thread::sleep_for(delay);
      p.Kill();
      int code = p.Wait(std::chrono::seconds(30));
      if (code == 128 + SIGKILL) ++killed;
      if (code == 0) acknowledged.insert(p.out().substr(0, p.out().find('\n')));
      INFO("run " << i << " exit " << code << ": " << p.err());
      CHECK((code == 0 || code == 128 + SIGKILL));
    }
    bool leftovers = CountTemporaryFiles(s.Path("wallet")) > 0;
    // Nothing acknowledged is lost, and the store still opens.
    std::set<std::string> listed = ListedIds(s);
    for (const auto& id : acknowledged) CHECK(listed.count(id) == 1);
    // The next writer repairs, and importing the same credential again
    // stores it once.
    auto again = s.Wallet({"import", files[i]});
    INFO(again.err);
    REQUIRE(again.exit_code == 0);
    if (leftovers) CHECK_THAT(again.err, Catch::Contains("interrupted"));
    if (again.err.find("interrupted") != std::string::npos) ++repaired_runs;
    acknowledged.insert(again.out.substr(0, again.out.find('\n')));
    CHECK(CountTemporaryFiles(s.Path("wallet")) == 0);
  }
  // One copy of each: as many entries as credentials.
  CHECK(ListedIds(s).size() == files.size());
  INFO("killed " << killed << " of " << files.size() - 1 << " runs; runs followed by a repair: " << repaired_runs);
  CHECK(killed >= 1);
  CHECK(acknowledged.size() == files.size());
}

TEST_CASE("wallet crash: the next import removes and reports a write a killed process left half-done",
          "[cli][wallet][crash]") {
  Scenario s("wallet", Scenario::Kdf::kFast);
  std::string file = s.IssueModule("HQ-M01.json", s.holder_did);
  // A process that is certainly dead: started, killed and reaped here.
  pid_t dead = -1;
  {
    passerelle::testing::HeldProcess p({"/bin/cat"}, {}, s.tmp.path(), "dead");
    REQUIRE(p.started());
    dead = p.pid();
    p.Kill();
    REQUIRE(p.Wait(std::chrono::seconds(10)) == 128 + SIGKILL);
  }
  // What WriteFileAtomic leaves when killed between create and rename.
  std::string leftover = "index.pws.tmp-" + std::to_string(dead) + "-0";
  std::ofstream(std::filesystem::path(s.Path("wallet")) / leftover) << "half a new index";
  auto r = s.Wallet({"import", file});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK_THAT(r.err, Catch::Contains("removed " + leftover) && Catch::Contains("interrupted"));
  CHECK_FALSE(std::filesystem::exists(std::filesystem::path(s.Path("wallet")) / leftover));
  CHECK(ListedIds(s).size() == 1);
}

// What a kill of `wallet passphrase` may leave for the next run to repair.
bool PassphraseChangeLeft(const Scenario& s) {
  const std::filesystem::path dir = s.Path("wallet");
  return std::filesystem::exists(dir / "passphrase-change.json") || std::filesystem::exists(dir / "wallet.json.next");
}

TEST_CASE("wallet crash: SIGKILL at varied points of a passphrase change, then exactly one passphrase opens the "
          "wallet with every credential",
          "[cli][wallet][crash]") {
  Scenario s("wallet", Scenario::Kdf::kFast);
  std::set<std::string> imported;  // each credential's bytes
  for (int m = 1; m <= 4; ++m) {
    std::string code = std::string("HQ-M0") + std::to_string(m);
    s.ImportModule(code);
    imported.insert(passerelle::testing::ReadFile(s.Path(code + ".json")));
  }
  const std::vector<std::string> argv = {(passerelle::testing::BinDir() / "wallet").string(), "passphrase",
                                         "--new-passphrase-file", "-"};
  const std::string passphrases[2] = {kPassphrase, "the second wallet passphrase"};
  int current = 0;  // the index of the passphrase that opens the wallet
  auto with = [&](int which) {
    ProcessOptions o = s.env;
    o.env["PASSERELLE_PASSPHRASE"] = passphrases[which];
    return o;
  };

  // One run to the end (the wallet open, held on stdin, then released): how
  // long the re-encryption takes.
  Clock::duration work{};
  {
    passerelle::testing::HeldProcess p(argv, with(current).env, s.tmp.path(), "measure");
    REQUIRE(p.started());
    WaitUntilReadingStdin(p.pid());
    auto t0 = Clock::now();
    p.Release(passphrases[1 - current] + "\n");
    INFO(p.err());
    REQUIRE(p.Wait(std::chrono::seconds(30)) == 0);
    work = Clock::now() - t0;
    current = 1 - current;
  }
  INFO("passphrase change after stdin: " << std::chrono::duration_cast<std::chrono::microseconds>(work).count()
                                         << " us");

  const int kRuns = 9;
  int killed = 0, finished = 0, undone = 0;
  for (int i = 0; i < kRuns; ++i) {
    // Delays from 0 to 1.2x the measured work: before, during and after the switch.
    auto delay = work * 12 * i / (10 * (kRuns - 1));
    {
      passerelle::testing::HeldProcess p(argv, with(current).env, s.tmp.path(), "change-" + std::to_string(i));
      REQUIRE(p.started());
      WaitUntilReadingStdin(p.pid());
      p.Release(passphrases[1 - current] + "\n");
      std::this_thread::sleep_for(delay);
      p.Kill();
      int code = p.Wait(std::chrono::seconds(30));
      INFO("run " << i << " exit " << code << ": " << p.err());
      CHECK((code == 0 || code == 128 + SIGKILL));
      if (code == 128 + SIGKILL) ++killed;
    }
    const bool left = PassphraseChangeLeft(s);
    // The next run (the passphrase that opened the wallet before the kill
    // first, as its user would) repairs whatever the kill left, and says so
    // even when that passphrase no longer opens it.
    ProcessOptions before = with(current), after = with(1 - current);
    auto first = s.Wallet({"list", "--json"}, &before);
    auto second = s.Wallet({"list", "--json"}, &after);
    INFO("run " << i << ": first " << first.exit_code << " " << first.err << "second " << second.exit_code << " "
                << second.err);
    CHECK(((first.exit_code == 0) != (second.exit_code == 0)));  // exactly one passphrase opens it
    const auto& refused = first.exit_code == 0 ? second : first;
    CHECK(refused.exit_code == 2);
    CHECK_THAT(refused.err, Catch::Contains("wrong passphrase"));
    if (left) {
      CHECK_THAT(first.err, Catch::Contains("a passphrase change was interrupted"));
      if (first.err.find("finished") != std::string::npos) ++finished;
      if (first.err.find("undone") != std::string::npos) ++undone;
    }
    CHECK_FALSE(PassphraseChangeLeft(s));
    if (second.exit_code == 0) current = 1 - current;
    // Every credential is listed and exports as it was imported.
    ProcessOptions now = with(current);
    const auto& listing = first.exit_code == 0 ? first : second;
    json list = json::parse(listing.out, nullptr, false);
    REQUIRE(list.is_array());
    CHECK(list.size() == imported.size());
    std::set<std::string> exported;
    for (const auto& e : list) {
      auto r = s.Wallet({"export", e.value("id", std::string()), "--format", "json"}, &now);
      INFO(r.err);
      CHECK(r.exit_code == 0);
      exported.insert(r.out);
    }
    CHECK(exported == imported);
    std::size_t files = 0;
    for (const auto& f : std::filesystem::directory_iterator(std::filesystem::path(s.Path("wallet")) / "credentials"))
      files += f.is_regular_file() ? 1 : 0;
    CHECK(files == imported.size());  // no generation left behind
  }
  INFO("killed " << killed << " of " << kRuns << " runs; repaired: " << finished << " finished, " << undone
                 << " undone");
  CHECK(killed >= 1);
}

TEST_CASE("wallet crash: a passphrase change killed after the switch is finished and reported by the next run",
          "[cli][wallet][crash]") {
  Scenario s("wallet", Scenario::Kdf::kFast);
  s.ImportModule("HQ-M01");
  // What a kill right after the switch leaves: the plan and wallet.json.next
  // equal to wallet.json (here the wallet as it is, with no new files: the
  // finish has nothing to move and no old file to remove).
  const std::filesystem::path dir = s.Path("wallet");
  std::ofstream(dir / "passphrase-change.json") << R"({"format": "passerelle-wallet-passphrase-change/v1",
                                                      "oldRecords": [], "newRecords": []})";
  std::ofstream(dir / "wallet.json.next", std::ios::binary) << passerelle::testing::ReadFile(dir / "wallet.json");
  auto r = s.Wallet({"list"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK_THAT(r.err, Catch::Contains("a passphrase change was interrupted after the switch: finished it"));
  CHECK_FALSE(PassphraseChangeLeft(s));
  auto again = s.Wallet({"list"});
  CHECK(again.err.find("interrupted") == std::string::npos);  // reported once
}

}  // namespace
}  // namespace passerelle::wallet_cli_testing
