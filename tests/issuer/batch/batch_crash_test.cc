// Passerelle tests — `issuer batch` killed with SIGKILL in the middle of a
// run, then run again: together the two runs' outputs hold every credential
// of the batch, no trainee-and-module pair is issued twice, no status index
// is used twice, and every credential in the register verifies (status
// included, against lists the node signs).
#include <catch2/catch.hpp>

#include <fstream>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "formats/json.h"
#include "issuer/status/publisher.h"
#include "issuer/status/status_entries.h"
#include "issuer/store/store.h"
#include "tests/issuer/batch/batch_test_support.h"
#include "tests/issuer/node_process.h"
#include "tests/testing/process.h"
#include "tests/testing/temp_dir.h"
#include "verifier/status_cache.h"
#include "verifier/verifier.h"

namespace passerelle {
namespace {

using nlohmann::json;

// Three cohorts of the scenario (trainee ids prefixed A-, B-, C-): 4,380
// credentials, long enough to be killed mid-run.
std::string TripleCohort() {
  auto lines = testing::DemoCsvLines();
  std::vector<std::string> out = {lines[0]};
  for (const char* prefix : {"A-", "B-", "C-"})
    for (std::size_t i = 1; i < lines.size(); ++i) out.push_back(prefix + lines[i]);
  return testing::JoinLines(out);
}

std::size_t CountFiles(const std::filesystem::path& dir) {
  std::size_t n = 0;
  std::error_code ec;
  if (!std::filesystem::exists(dir, ec)) return 0;
  for (auto it = std::filesystem::recursive_directory_iterator(dir, ec); !ec && it != std::filesystem::end(it);
       it.increment(ec))
    if (it->path().extension() == ".json") ++n;
  return n;
}

TEST_CASE("batch crash: SIGKILL mid-run, run again: complete, nothing twice, everything verifies",
          "[issuer][batch][crash]") {
  REQUIRE(std::filesystem::exists(testing::BinDir() / "issuer"));
  testing::TempDir tmp;
  std::map<std::string, std::string> env = {{"PASSERELLE_PASSPHRASE", "crash-test-passphrase"}};
  std::string dir = (tmp.path() / "node").string(), out = (tmp.path() / "out").string();
  std::string csv = (tmp.path() / "cohort.csv").string();
  std::ofstream(csv, std::ios::binary) << TripleCohort();
  testing::ProcessOptions opts;
  opts.env = env;
  REQUIRE(testing::RunTool("issuer", {"init", "--dir", dir, "--did", "did:web:crash.test", "--name", "Crash School",
                                      "--country", "FR"}, opts).exit_code == 0);
  std::vector<std::string> batch = {(testing::BinDir() / "issuer").string(), "batch", "--dir", dir, "--programme",
                                    testing::DemoProgramme().string(), "--csv", csv, "--out", out};

  {
    testing::BackgroundProcess first(batch, env, tmp.path(), "first");
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (CountFiles(out) < 600 && first.Wait(std::chrono::milliseconds(2)) < 0 &&
           std::chrono::steady_clock::now() < deadline) {
    }
    first.Signal(SIGKILL);
    int code = first.Wait(std::chrono::seconds(10));
    INFO(first.err());
    REQUIRE(code == 128 + SIGKILL);  // it was killed, not finished
  }
  std::size_t after_crash = CountFiles(out);
  INFO("files after the crash: " << after_crash);
  CHECK(after_crash < 4380);

  auto second = testing::RunTool("issuer", std::vector<std::string>(batch.begin() + 1, batch.end()), opts);
  INFO(second.err);
  REQUIRE(second.exit_code == 0);
  CHECK(CountFiles(out) == 4380);

  // One environment per store per process (LMDB's rule): opened once, here.
  auto store = store::IssuerStore::Open(tmp.path() / "node" / "store");
  REQUIRE(store.ok());
  store::IssuerStore* writable = store->get();
  CHECK((*store)->CountCredentials().value() == 4380);

  std::set<std::string> pairs;
  std::set<std::pair<std::string, std::uint64_t>> slots;
  std::map<std::string, std::string> by_file;
  REQUIRE((*store)->ForEachCredential([&](const store::CredentialRecord& r) {
    CHECK(pairs.insert(r.idempotency_key).second);
    for (const auto& s : r.status) CHECK(slots.insert({s.list_id, s.index}).second);
    std::string code = r.kind == "certification" ? "HQ-CERT" : r.module;
    by_file[r.trainee + "/" + code] = r.id;
    return true;
  }).ok());
  CHECK(pairs.size() == 4380);
  CHECK(slots.size() == 2 * 4380);
  CHECK(by_file.size() == 4380);

  // Every file is the register's credential for that trainee and module, byte for byte.
  std::size_t files_checked = 0;
  for (const auto& e : std::filesystem::recursive_directory_iterator(out)) {
    if (e.path().extension() != ".json") continue;
    std::string key = e.path().parent_path().filename().string() + "/" + e.path().stem().string();
    auto it = by_file.find(key);
    REQUIRE(it != by_file.end());
    CHECK(testing::ReadFile(e.path()) == (*store)->FindDocument(it->second).value());
    ++files_checked;
  }
  CHECK(files_checked == 4380);

  // Every credential verifies, status included: publish the node's lists into a cache.
  auto issuer = OpenIssuerDir(dir).value();
  auto passphrase = SecretBytes::CopyFrom("crash-test-passphrase").value();
  auto signer = SigningIdentity::Open(dir, std::move(passphrase)).value();
  testing::TempDir cache_dir;
  auto cache = StatusListCache::Open(cache_dir.path()).value();
  StatusListPublisher publisher(*writable, *signer, PublisherOptions{Cryptosuite::kEddsaJcs2022, "https://crash.test"});
  auto lists = writable->ListStatusLists();
  REQUIRE(lists.ok());
  for (const auto& list : *lists) {
    auto signed_list = publisher.Get(list.id);
    REQUIRE(signed_list.ok());
    REQUIRE(cache.Store(StatusListUrl("https://crash.test", list.id), ParseJson(signed_list->json).value(), Now()).ok());
  }
  VerifyOptions options;
  options.trusted_issuers = {issuer.did};
  options.resolver.Add(issuer.Document());
  options.status_cache = &cache;
  std::size_t verified = 0;
  REQUIRE(writable->ForEachCredential([&](const store::CredentialRecord& r) {
    auto report = Verify(writable->FindDocument(r.id).value(), options);
    if (!report.verified) {
      for (const auto& c : report.checks) UNSCOPED_INFO(r.id << " " << c.check << ": " << c.detail);
      CHECK(report.verified);
    }
    verified += report.verified ? 1 : 0;
    return true;
  }).ok());
  CHECK(verified == 4380);
  CHECK(writable->VerifyAuditChain().ok());
}

}  // namespace
}  // namespace passerelle
