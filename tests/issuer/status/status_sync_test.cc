// Passerelle tests — status lists end to end in process: the node publishes,
// `verifier sync` logic fetches (a fake fetcher instead of HTTP), the
// verifier checks status offline.
#include <catch2/catch.hpp>

#include <map>

#include <nlohmann/json.hpp>

#include "formats/json.h"
#include "formats/status_list.h"
#include "issuer/status/status_entries.h"
#include "keys/did_document.h"
#include "tests/issuer/http/node_fixture.h"
#include "verifier/status_cache.h"
#include "verifier/sync/did_web.h"
#include "verifier/sync/sync.h"
#include "verifier/verifier.h"

namespace passerelle {
namespace {

using nlohmann::json;
using testing::MinimalCredential;
using testing::NodeFixture;

// Serves the node's public documents by URL, counting fetches.
struct FakeWeb {
  NodeFixture& node;
  std::map<std::string, int> fetches;
  Fetcher fetcher() {
    return [this](const std::string& url) -> Result<std::string> {
      ++fetches[url];
      const std::string base = "https://issuer.test";
      if (url.rfind(base, 0) != 0) return Status::IOError(url + ": no route to host");
      auto r = node.Send("GET", url.substr(base.size()), "", std::nullopt);
      if (r.status != 200) return Status::IOError(url + ": HTTP " + std::to_string(r.status));
      return r.body;
    };
  }
};

VerificationReport VerifyWithCache(const json& vc, const std::string& did, const StatusListCache& cache) {
  VerifyOptions options;
  options.trusted_issuers = {did};
  options.status_cache = &cache;
  REQUIRE(LoadCachedDidDocuments(cache.dir(), options.resolver).ok());
  return VerifyDocument(vc, options);
}

std::string StatusDetail(const VerificationReport& r) {
  for (const auto& c : r.checks)
    if (c.check == "status") return (c.ok ? "ok: " : "FAIL: ") + c.detail;
  return "no status check";
}

TEST_CASE("status: issue, sync, revoke, sync again: the verifier sees it (did:web issuer)", "[issuer][status]") {
  NodeFixture node(Cryptosuite::kEddsaRdfc2022, std::string("did:web:issuer.test"));
  FakeWeb web{node, {}};
  testing::TempDir cache_dir;
  auto cache = StatusListCache::Open(cache_dir.path()).value();
  json vc = NodeFixture::Body(node.Post("/credentials/issue", {{"credential", MinimalCredential()}}))["verifiableCredential"];
  auto entries = StatusEntriesOf(vc).value();

  // Before any sync: not valid, and the verdict says why.
  auto before = VerifyWithCache(vc, node.issuer.did, cache);
  CHECK(!before.verified);
  CHECK(StatusDetail(before).find("not in the status cache") != std::string::npos);

  for (const auto& e : entries) {
    auto synced = SyncStatusList(e.list_credential, cache, web.fetcher(), Now());
    INFO(synced.status().ToString());
    REQUIRE(synced.ok());
    CHECK(synced->issuer == "did:web:issuer.test");
    CHECK(synced->did_document_fetched);
    CHECK(synced->entries == 131072);
  }
  CHECK(web.fetches["https://issuer.test/.well-known/did.json"] == 2);
  auto ok = VerifyWithCache(vc, node.issuer.did, cache);
  INFO(StatusDetail(ok));
  CHECK(ok.verified);
  CHECK(ok.status_freshness.has_value());

  REQUIRE(node.Post("/credentials/status", {{"credentialId", vc["id"]}, {"credentialStatus", {{{"status", "suspended"}}}}}).status == 200);
  // The cache still holds the old list: still valid until the next sync.
  CHECK(VerifyWithCache(vc, node.issuer.did, cache).verified);
  REQUIRE(SyncStatusList(entries[1].list_credential, cache, web.fetcher(), Now()).ok());
  auto suspended = VerifyWithCache(vc, node.issuer.did, cache);
  CHECK(!suspended.verified);
  CHECK(StatusDetail(suspended).find("suspended") != std::string::npos);

  REQUIRE(node.Post("/credentials/status", {{"credentialId", vc["id"]}, {"credentialStatus", {{{"status", "active"}}}}}).status == 200);
  REQUIRE(SyncStatusList(entries[1].list_credential, cache, web.fetcher(), Now()).ok());
  CHECK(VerifyWithCache(vc, node.issuer.did, cache).verified);

  REQUIRE(node.Post("/credentials/status", {{"credentialId", vc["id"]}, {"credentialStatus", {{{"status", "revoked"}}}}}).status == 200);
  REQUIRE(SyncStatusList(entries[0].list_credential, cache, web.fetcher(), Now()).ok());
  auto revoked = VerifyWithCache(vc, node.issuer.did, cache);
  CHECK(!revoked.verified);
  CHECK(StatusDetail(revoked).find("revoked") != std::string::npos);
}

TEST_CASE("sync: a list served under another URL, or not signed by its issuer, is not stored", "[issuer][status]") {
  NodeFixture node;
  testing::TempDir cache_dir;
  auto cache = StatusListCache::Open(cache_dir.path()).value();
  REQUIRE(node.Post("/credentials/issue", {{"credential", MinimalCredential()}}).status == 201);
  std::string list = node.Send("GET", "/status-lists/revocation-1", "", std::nullopt).body;
  Fetcher elsewhere = [&](const std::string&) -> Result<std::string> { return list; };
  auto moved = SyncStatusList("https://mirror.test/lists/r1", cache, elsewhere, Now());
  CHECK(moved.status().code() == Code::kVerificationFailed);
  json forged = ParseJson(list).value();
  forged["credentialSubject"]["encodedList"] = EncodeStatusList(std::string(131072 / 8, '\xff')).value();
  Fetcher forger = [&](const std::string&) -> Result<std::string> { return DumpJson(forged); };
  auto bad = SyncStatusList("https://issuer.test/status-lists/revocation-1", cache, forger, Now());
  CHECK(!bad.ok());
  CHECK(cache.Load("https://issuer.test/status-lists/revocation-1").status().code() == Code::kNotFound);
  Fetcher down = [](const std::string& url) -> Result<std::string> { return Status::IOError(url + ": refused"); };
  CHECK(SyncStatusList("https://issuer.test/status-lists/revocation-1", cache, down, Now()).status().code() ==
        Code::kIOError);
}

TEST_CASE("did:web document URLs", "[issuer][status]") {
  CHECK(DidWebDocumentUrl("did:web:example.com").value() == "https://example.com/.well-known/did.json");
  CHECK(DidWebDocumentUrl("did:web:example.com:u:alice").value() == "https://example.com/u/alice/did.json");
  CHECK(DidWebDocumentUrl("did:web:example.com%3A8443").value() == "https://example.com:8443/.well-known/did.json");
  CHECK(DidWebDocumentUrl("did:web:127.0.0.1%3A8080", "http").value() == "http://127.0.0.1:8080/.well-known/did.json");
  CHECK(DidWebDocumentUrl("did:web:example.com", "http").value() == "https://example.com/.well-known/did.json");
  CHECK(!DidWebDocumentUrl("did:key:z6Mk").ok());
  CHECK(!DidWebDocumentUrl("did:web:exa mple.com").ok());
  CHECK(DescribeAge(Timestamp{1000, 0}, Timestamp{1000 + 7200, 0}) == "2 h");
}

}  // namespace
}  // namespace passerelle
