// Crash tests of the verifier's status cache (verifier/status_cache.h): the
// real `verifier sync` against a real `issuer serve`, SIGKILLed at delays
// spread over a sync (fetch, verify, atomic write), while the issuer
// suspends and reinstates a credential between runs. After every kill the
// cache gives a definite verdict (never "no verdict"), an acknowledged sync
// (exit 0) is what the cache answers from, and the next sync completes and
// reports the temporary file a killed one left, if any.
#include <catch2/catch.hpp>

#include <chrono>
#include <fstream>

#include <nlohmann/json.hpp>

#include "tests/issuer/node_process.h"
#include "tests/testing/paths.h"
#include "tests/testing/process.h"
#include "tests/testing/temp_dir.h"

namespace passerelle {
namespace {

using nlohmann::json;
using Clock = std::chrono::steady_clock;

struct SyncNode {
  testing::TempDir tmp;
  testing::ProcessOptions env;
  int port = testing::FreeLoopbackPort();
  std::string dir = (tmp.path() / "node").string();
  std::string cache = (tmp.path() / "cache").string();
  std::string did = "did:web:127.0.0.1%3A" + std::to_string(port);
  std::string base = "http://127.0.0.1:" + std::to_string(port);
  std::unique_ptr<testing::BackgroundProcess> server;
  json vc;
  std::string vc_file = (tmp.path() / "vc.json").string();

  SyncNode() {
    env.env["PASSERELLE_PASSPHRASE"] = "sync-crash-passphrase";
    REQUIRE(port > 0);
    auto init = testing::RunTool("issuer", {"init", "--dir", dir, "--did", did, "--name", "Crash School", "--country",
                                            "FR", "--public-url", base}, env);
    INFO(init.err);
    REQUIRE(init.exit_code == 0);
    auto token = testing::RunTool("issuer", {"token", "create", "--dir", dir, "--scope", "issue"}, env);
    REQUIRE(token.exit_code == 0);
    server = std::make_unique<testing::BackgroundProcess>(
        std::vector<std::string>{(testing::BinDir() / "issuer").string(), "serve", "--dir", dir, "--listen",
                                 "127.0.0.1:" + std::to_string(port), "--suite", "eddsa-jcs-2022"},
        env.env, tmp.path(), "serve");
    REQUIRE(testing::WaitForHealth(port));
    json body = {{"credential",
                  {{"@context", {"https://www.w3.org/ns/credentials/v2"}},
                   {"type", {"VerifiableCredential"}},
                   {"credentialSubject", {{"id", "did:example:learner"}}}}}};
    auto r = testing::HttpCall(port, "POST", "/credentials/issue", body.dump(),
                               {{"Authorization", "Bearer " + token.out.substr(0, token.out.find('\n'))}});
    INFO(r.body);
    REQUIRE(r.status == 201);
    vc = json::parse(r.body)["verifiableCredential"];
    std::ofstream(vc_file) << vc.dump();
  }
  ~SyncNode() {
    if (server && server->running()) {
      server->Signal(SIGTERM);
      if (server->Wait(std::chrono::seconds(10)) < 0) server->Signal(SIGKILL);
    }
  }
  std::vector<std::string> SyncArgv() const {
    std::vector<std::string> argv = {(testing::BinDir() / "verifier").string(), "sync", "--cache", cache};
    for (const auto& e : vc["credentialStatus"]) {
      argv.push_back("--from");
      argv.push_back(e["statusListCredential"]);
    }
    return argv;
  }
  // `verifier sync` run to the end.
  testing::ProcessResult Sync() const {
    std::vector<std::string> argv = SyncArgv();
    return testing::RunTool("verifier", std::vector<std::string>(argv.begin() + 1, argv.end()));
  }
  testing::ProcessResult Verify() const {
    return testing::RunTool("verifier", {"verify", vc_file, "--status-cache", cache, "--trust-issuer", did});
  }
  void SetSuspended(bool suspended) {
    auto r = testing::RunTool("issuer", {suspended ? "suspend" : "unsuspend", "--dir", dir, vc["id"]}, env);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
  }
};

std::size_t CountTemporaryFiles(const std::string& dir) {
  std::size_t n = 0;
  std::error_code ec;
  for (auto it = std::filesystem::recursive_directory_iterator(dir, ec); !ec && it != std::filesystem::end(it);
       it.increment(ec))
    if (it->path().filename().string().find(".tmp-") != std::string::npos) ++n;
  return n;
}

TEST_CASE("verifier sync crash: SIGKILL mid-sync leaves a cache that answers, and the next sync repairs it",
          "[cli][verifier][sync][crash]") {
  SyncNode node;
  auto first = node.Sync();
  INFO(first.err);
  REQUIRE(first.exit_code == 0);
  REQUIRE(node.Verify().exit_code == 0);

  // How long a whole sync takes, start to exit.
  auto t0 = Clock::now();
  {
    testing::BackgroundProcess p(node.SyncArgv(), {}, node.tmp.path(), "measure");
    REQUIRE(p.Wait(std::chrono::seconds(30)) == 0);
  }
  auto work = Clock::now() - t0;
  const int runs = 8;
  int killed = 0, repaired = 0;
  for (int i = 0; i < runs; ++i) {
    bool suspended = i % 2 == 0;
    node.SetSuspended(suspended);
    auto delay = work * 12 * i / (10 * (runs - 1));
    int code;
    {
      testing::BackgroundProcess p(node.SyncArgv(), {}, node.tmp.path(), "sync-" + std::to_string(i));
      code = p.Wait(std::chrono::duration_cast<std::chrono::milliseconds>(delay));
      if (code < 0) {
        p.Signal(SIGKILL);
        code = p.Wait(std::chrono::seconds(20));
      }
    }
    INFO("run " << i << " (suspended " << suspended << ") exit " << code);
    CHECK((code == 0 || code == 128 + SIGKILL));
    killed += code == 128 + SIGKILL ? 1 : 0;
    // A definite verdict from whatever the cache holds; the acknowledged state when the sync finished.
    auto verdict = node.Verify();
    INFO(verdict.out << verdict.err);
    CHECK((verdict.exit_code == 0 || verdict.exit_code == 1));
    if (code == 0) CHECK(verdict.exit_code == (suspended ? 1 : 0));
    // The next sync completes; it names what a killed one left behind.
    bool leftovers = CountTemporaryFiles(node.cache) > 0;
    auto next = node.Sync();
    INFO(next.err);
    REQUIRE(next.exit_code == 0);
    if (leftovers) {
      CHECK_THAT(next.err, Catch::Contains("interrupted"));
      ++repaired;
    }
    CHECK(CountTemporaryFiles(node.cache) == 0);
    CHECK(node.Verify().exit_code == (suspended ? 1 : 0));
  }
  INFO("killed " << killed << " of " << runs << "; runs that left a temporary file: " << repaired);
  CHECK(killed >= 1);
}

TEST_CASE("verifier sync crash: a temporary file a killed sync left is removed and reported by the next run",
          "[cli][verifier][sync][crash]") {
  SyncNode node;
  auto first = node.Sync();
  REQUIRE(first.exit_code == 0);
  // A pid no process holds (the kernel's largest pid_max): a writer that died.
  const long dead = 4194303;
  std::string leftover = "0123456789abcdef0123456789abcdef.json.tmp-" + std::to_string(dead) + "-0";
  std::ofstream(std::filesystem::path(node.cache) / leftover) << "{\"half\":";
  auto verify = node.Verify();
  INFO(verify.out << verify.err);
  CHECK(verify.exit_code == 0);
  CHECK_THAT(verify.err, Catch::Contains("removed") && Catch::Contains(leftover) && Catch::Contains("interrupted"));
  CHECK_FALSE(std::filesystem::exists(std::filesystem::path(node.cache) / leftover));
}

}  // namespace
}  // namespace passerelle
