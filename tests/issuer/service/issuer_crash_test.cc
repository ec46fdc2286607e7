// Crash tests of the issuer's stores, through the real `issuer` binary
// killed with SIGKILL at delays spread over its work: `issuer revoke` (the
// LMDB register and status bits) and `issuer key rotate` (a key file, then
// issuer.json). After every kill: what was acknowledged (exit 0) holds, the
// register and the folder open and agree with themselves, and the next run
// completes and says what it found (a revocation already made; a key file
// left by an unfinished rotation; a temporary file removed).
#include <catch2/catch.hpp>

#include <chrono>
#include <fstream>
#include <set>

#include <nlohmann/json.hpp>

#include "formats/status_list.h"
#include "issuer/programme.h"
#include "issuer/store/store.h"
#include "tests/issuer/issuer_test_support.h"
#include "tests/issuer/node_process.h"
#include "tests/testing/process.h"

namespace passerelle {
namespace {

using nlohmann::json;
using Clock = std::chrono::steady_clock;

const std::map<std::string, std::string> kEnv = {{"PASSERELLE_PASSPHRASE", "test passphrase"}};

// How the issuer binary is run here: the store's passphrase in its environment.
testing::ProcessOptions WithPassphrase() {
  testing::ProcessOptions options;
  options.env = kEnv;
  return options;
}

// Runs the binary and SIGKILLs it `delay` after the start; returns its exit
// code (128+9 when the kill came first).
int RunKilledAfter(const std::vector<std::string>& argv, Clock::duration delay, const std::filesystem::path& logs,
                   const std::string& name, std::string* out = nullptr) {
  testing::BackgroundProcess p(argv, kEnv, logs, name);
  REQUIRE(p.started());
  int code = p.Wait(std::chrono::duration_cast<std::chrono::milliseconds>(delay));
  if (code < 0) {
    p.Signal(SIGKILL);
    code = p.Wait(std::chrono::seconds(20));
  }
  if (out != nullptr) *out = p.out();
  return code;
}

// Every credential's revoked flag agrees with its bit in the status list.
void CheckRegisterConsistent(const std::filesystem::path& store_dir, const std::set<std::string>& must_be_revoked) {
  auto store = store::IssuerStore::Open(store_dir);
  REQUIRE(store.ok());
  CHECK((*store)->VerifyAuditChain().ok());
  std::size_t checked = 0;
  REQUIRE((*store)->ForEachCredential([&](const store::CredentialRecord& r) {
    for (const auto& slot : r.status) {
      if (slot.purpose != store::StatusPurpose::kRevocation) continue;
      auto list = (*store)->LoadStatusList(slot.list_id);
      REQUIRE(list.ok());
      auto bit = ReadStatus(list->bits, slot.index, 1);
      REQUIRE(bit.ok());
      INFO(r.id);
      CHECK((*bit == 1) == r.revoked);
    }
    if (must_be_revoked.count(r.id)) CHECK(r.revoked);
    ++checked;
    return true;
  }).ok());
  CHECK(checked > 0);
}

TEST_CASE("issuer crash: SIGKILL during revoke keeps every acknowledged revocation and a consistent register",
          "[issuer][crash]") {
  testing::TempDir tmp;
  std::filesystem::path dir = tmp.path() / "node";
  testing::MakeIssuerDir(dir, std::string("did:web:crash.test"));
  std::vector<std::string> ids;
  {
    auto issuer = testing::MakeIssuer(dir, "https://crash.test");
    for (int i = 0; i < 10; ++i) {
      IssueRequest r;
      ids.push_back(NewCredentialId());
      r.credential = json{{"@context", {"https://www.w3.org/ns/credentials/v2"}},
                          {"type", {"VerifiableCredential"}},
                          {"id", ids.back()},
                          {"issuer", "did:web:crash.test"},
                          {"validFrom", "2026-01-01T00:00:00Z"},
                          {"credentialSubject", {{"id", "did:example:learner"}}}};
      r.suite = Cryptosuite::kEddsaJcs2022;
      r.actor = "test";
      REQUIRE(issuer->Issue(std::move(r)).ok());
    }
  }  // the store is closed before the binary opens it
  auto revoke = [&](const std::string& id) {
    return std::vector<std::string>{(testing::BinDir() / "issuer").string(), "revoke", "--dir", dir.string(), id};
  };
  std::set<std::string> acknowledged;
  auto t0 = Clock::now();
  REQUIRE(RunKilledAfter(revoke(ids[0]), std::chrono::seconds(30), tmp.path(), "measure") == 0);
  auto work = Clock::now() - t0;
  acknowledged.insert(ids[0]);
  int killed = 0, found_done = 0;
  for (std::size_t i = 1; i < ids.size(); ++i) {
    auto delay = work * 12 * static_cast<long>(i - 1) / (10 * static_cast<long>(ids.size() - 2));
    int code = RunKilledAfter(revoke(ids[i]), delay, tmp.path(), "revoke-" + std::to_string(i));
    INFO("run " << i << " exit " << code);
    CHECK((code == 0 || code == 128 + SIGKILL));
    if (code == 0) acknowledged.insert(ids[i]);
    if (code == 128 + SIGKILL) ++killed;
    CheckRegisterConsistent(dir / "store", acknowledged);
    // The next run finishes the job or says it was done.
    auto again = testing::RunTool("issuer", {"revoke", "--dir", dir.string(), ids[i]}, WithPassphrase());
    INFO(again.err);
    REQUIRE(again.exit_code == 0);
    if (again.err.find("already revoked") != std::string::npos) ++found_done;
    acknowledged.insert(ids[i]);
  }
  CheckRegisterConsistent(dir / "store", acknowledged);
  INFO("killed " << killed << "; a revocation found already made by the killed run: " << found_done);
  CHECK(killed >= 1);
}

// The key files under keys/ that issuer.json does not list.
std::vector<std::string> OrphanKeyFiles(const IssuerDir& issuer) {
  std::vector<std::string> out;
  for (const auto& e : std::filesystem::directory_iterator(issuer.dir / "keys")) {
    std::string file = "keys/" + e.path().filename().string();
    if (file.find(".tmp-") != std::string::npos) continue;
    bool listed = false;
    for (const auto& k : issuer.keys) listed = listed || k.file == file;
    if (!listed) out.push_back(file);
  }
  return out;
}

TEST_CASE("issuer crash: SIGKILL during key rotation leaves a folder whose keys all open, and the next rotation goes on",
          "[issuer][crash][rotation]") {
  testing::TempDir tmp;
  std::filesystem::path dir = tmp.path() / "node";
  testing::MakeIssuerDir(dir, std::string("did:web:crash.test"));
  const std::vector<std::string> rotate = {(testing::BinDir() / "issuer").string(), "key", "rotate", "--dir",
                                           dir.string()};
  std::vector<std::string> acknowledged;  // method ids printed by finished rotations
  std::string out;
  auto t0 = Clock::now();
  REQUIRE(RunKilledAfter(rotate, std::chrono::seconds(60), tmp.path(), "measure", &out) == 0);
  auto work = Clock::now() - t0;
  acknowledged.push_back(out.substr(0, out.find('\n')));
  int killed = 0, orphans_seen = 0;
  const int runs = 3;
  for (int i = 0; i < runs; ++i) {
    // From a fifth to the whole of a rotation: the key file and the
    // issuer.json writes fall in there.
    auto delay = work * (2 + 8 * i / (runs - 1)) / 10;
    int code = RunKilledAfter(rotate, delay, tmp.path(), "rotate-" + std::to_string(i), &out);
    INFO("run " << i << " exit " << code);
    CHECK((code == 0 || code == 128 + SIGKILL));
    if (code == 0) acknowledged.push_back(out.substr(0, out.find('\n')));
    if (code == 128 + SIGKILL) ++killed;
    // The folder opens, every key it lists opens, every acknowledged key is listed.
    auto issuer = OpenIssuerDir(dir);
    REQUIRE(issuer.ok());
    for (const auto& id : acknowledged) {
      bool listed = false;
      for (const auto& k : issuer->keys) listed = listed || k.method_id == id;
      CHECK(listed);
    }
    CHECK(LoadCurrentKey(*issuer, testing::TestPassphrase()).ok());
    bool orphan = !OrphanKeyFiles(*issuer).empty();
    orphans_seen += orphan ? 1 : 0;
    // The next rotation succeeds, and names what a killed one left.
    auto next = testing::RunTool("issuer", {"key", "rotate", "--dir", dir.string()}, WithPassphrase());
    INFO(next.err);
    REQUIRE(next.exit_code == 0);
    acknowledged.push_back(next.out.substr(0, next.out.find('\n')));
    if (orphan) CHECK_THAT(next.err, Catch::Contains("did not finish"));
  }
  INFO("killed " << killed << " of " << runs << "; runs that left an unlisted key file: " << orphans_seen);
  CHECK(killed >= 1);
  auto issuer = OpenIssuerDir(dir);
  REQUIRE(issuer.ok());
  CHECK(issuer->current_key().method_id == acknowledged.back());
}

TEST_CASE("issuer crash: a key file left by a rotation killed before issuer.json named it does not block the next one",
          "[issuer][crash][rotation]") {
  // Regression: the next rotation took the same number, refused to
  // overwrite the leftover file, and failed on every later try.
  testing::TempDir tmp;
  std::filesystem::path dir = tmp.path() / "node";
  IssuerDir made = testing::MakeIssuerDir(dir, std::string("did:web:crash.test"));
  std::filesystem::copy_file(dir / "keys" / "key-1.key", dir / "keys" / "key-2.key");
  auto r = testing::RunTool("issuer", {"key", "rotate", "--dir", dir.string()}, WithPassphrase());
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK_THAT(r.err, Catch::Contains("keys/key-2.key was written by a key rotation that did not finish"));
  CHECK(r.out.substr(0, r.out.find('\n')) == "did:web:crash.test#key-3");
  auto issuer = OpenIssuerDir(dir);
  REQUIRE(issuer.ok());
  REQUIRE(issuer->keys.size() == 2);
  CHECK(issuer->keys.back().file == "keys/key-3.key");
  CHECK(LoadCurrentKey(*issuer, testing::TestPassphrase()).ok());
}

}  // namespace
}  // namespace passerelle
