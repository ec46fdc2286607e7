// Tests for verifier/sync/federation_sync.h: sync along the trust chain from
// the roots alone, each document checked before it is cached, fetched
// conditionally (a fake web: no network), a failing document reported
// while the others go on.
#include "verifier/sync/federation_sync.h"

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "formats/json.h"
#include "tests/testing/temp_dir.h"
#include "tests/verifier/trust_test_support.h"
#include "verifier/status_cache.h"
#include "verifier/sync/trust_sync.h"
#include "verifier/trust_registry.h"

namespace passerelle {
namespace {

using nlohmann::json;
using testing::At;
using testing::federation::FakeWeb;
using testing::federation::Federation;
using testing::federation::StatusList;

TEST_CASE("federation: sync follows the root, a tampered country is refused, the others sync, then 304s",
          "[federation][sync]") {
  Federation f;
  testing::TempDir tmp;
  auto cache = StatusListCache::Open(tmp.path() / "cache");
  REQUIRE(cache.ok());
  const Timestamp now = At("2026-06-15T00:00:00Z");
  FakeWeb web;
  web.docs["https://fr.example/trust-list.json"] = f.FrList();
  std::string ro = f.RoList();
  ro.replace(ro.find("2027-02-01"), 10, "2027-12-01");  // altered in transit: validUntil
  web.docs["https://ro.example/trust-list.json"] = ro;

  TrustRegistry registry;
  REQUIRE(registry.AddRoot(f.Root(), "root", now).ok());
  auto first = SyncFromTrustRoots(registry, *cache, web.Fetcher(), now);
  REQUIRE(first.documents.size() == 2);
  CHECK(first.documents[0].country == "FR");
  CHECK(first.documents[0].outcome == SyncOutcome::kFetched);
  CHECK(first.documents[1].country == "RO");
  CHECK(first.documents[1].outcome == SyncOutcome::kFailed);
  CHECK_THAT(first.documents[1].error.message(), Catch::Contains("ro.example/trust-list.json"));
  CHECK(registry.FindIssuer(f.lyon.did) != nullptr);
  CHECK(registry.FindIssuer(f.iasi.did) == nullptr);

  // RO repaired; FR unchanged: a 304 for FR, RO fetched; both cached.
  web.docs["https://ro.example/trust-list.json"] = f.RoList();
  TrustRegistry again;
  REQUIRE(again.AddRoot(f.Root(), "root", now).ok());
  REQUIRE(LoadCachedTrustLists(cache->dir(), again, now, nullptr).ok());
  const Timestamp later = At("2026-06-16T00:00:00Z");
  auto second = SyncFromTrustRoots(again, *cache, web.Fetcher(), later);
  REQUIRE(second.documents.size() == 2);
  CHECK(second.documents[0].outcome == SyncOutcome::kNotModified);
  CHECK(second.documents[1].outcome == SyncOutcome::kFetched);
  CHECK(second.Count(SyncOutcome::kNotModified) == 1);
  // The 304 moved FR's confirmation time: a verifier reading the cache sees it.
  TrustRegistry reader;
  REQUIRE(reader.AddRoot(f.Root(), "root", later).ok());
  REQUIRE(LoadCachedTrustLists(cache->dir(), reader, later, nullptr).ok());
  REQUIRE(reader.FindIssuer(f.lyon.did) != nullptr);
  CHECK(reader.FindIssuer(f.lyon.did)->confirmed_at == later);
  REQUIRE(reader.FindIssuer(f.iasi.did) != nullptr);
}

// A federation where Lyon publishes one status list, served by a fake web.
struct PublishingLyon {
  Federation f;
  FakeWeb web;
  testing::TempDir tmp;
  StatusListCache cache = StatusListCache::Open(tmp.path() / "cache").value();
  const std::string index = "https://lyon.example.fr/status-lists/index.json";
  const std::string list = "https://lyon.example.fr/status-lists/revocation-1";

  PublishingLyon() {
    f.lyon_published_at = "https://lyon.example.fr";
    web.docs["https://fr.example/trust-list.json"] = f.FrList();
    web.docs["https://ro.example/trust-list.json"] = f.RoList();
    web.docs[index] = DumpJson(json{{"statusLists", {list}}});
    web.docs[list] = DumpJson(StatusList(f.lyon, list));
  }
  FederationSyncReport Sync(Timestamp now) {
    TrustRegistry registry;
    REQUIRE(registry.AddRoot(f.Root(), "root", now).ok());
    REQUIRE(LoadCachedTrustLists(cache.dir(), registry, now, nullptr).ok());
    return SyncFromTrustRoots(registry, cache, web.Fetcher(), now);
  }
  static const SyncedDocument& Find(const FederationSyncReport& r, const std::string& url) {
    for (const auto& d : r.documents)
      if (d.url == url) return d;
    FAIL("no document " << url);
    return r.documents.front();
  }
};

TEST_CASE("federation sync: an accredited issuer's index and status lists are followed, then confirmed by 304",
          "[federation][sync]") {
  PublishingLyon p;
  const Timestamp now = At("2026-06-15T00:00:00Z");
  auto first = p.Sync(now);
  // Two trust lists, Lyon's index, Lyon's list: in the chain's order.
  REQUIRE(first.documents.size() == 4);
  CHECK(first.Count(SyncOutcome::kFetched) == 4);
  const SyncedDocument& index = first.documents[2];
  CHECK(index.url == p.index);
  CHECK(index.kind == "status list index");
  CHECK(index.entity == p.f.lyon.did);
  CHECK(index.country == "FR");
  const SyncedDocument& list = first.documents[3];
  CHECK(list.url == p.list);
  CHECK(list.kind == "status list");
  auto cached = p.cache.Load(p.list);
  REQUIRE(cached.ok());
  CHECK((*cached->credential)["issuer"] == p.f.lyon.did);
  CHECK(cached->checked_at == now);

  const Timestamp later = At("2026-06-16T00:00:00Z");
  auto second = p.Sync(later);
  REQUIRE(second.documents.size() == 4);
  CHECK(second.Count(SyncOutcome::kNotModified) == 4);
  // The 304 moved the list's confirmation time, its fetch time stays.
  auto confirmed = p.cache.Load(p.list);
  REQUIRE(confirmed.ok());
  CHECK(confirmed->checked_at == later);
  CHECK(confirmed->fetched_at == now);
}

TEST_CASE("federation sync: an index cannot send the verifier outside the issuer's folder", "[federation][sync]") {
  PublishingLyon p;
  p.web.docs[p.index] = DumpJson(json{{"statusLists", {p.list, "https://elsewhere.example/status-lists/1"}}});
  auto r = p.Sync(At("2026-06-15T00:00:00Z"));
  const SyncedDocument& index = PublishingLyon::Find(r, p.index);
  CHECK(index.outcome == SyncOutcome::kFailed);
  CHECK(index.error.code() == Code::kVerificationFailed);
  CHECK_THAT(index.error.message(), Catch::Contains("not under https://lyon.example.fr/"));
  // Nothing it names was fetched.
  CHECK(r.documents.size() == 3);
  CHECK_FALSE(p.cache.Load(p.list).ok());

  p.web.docs[p.index] = "{\"lists\": []}";
  auto other = p.Sync(At("2026-06-15T00:00:00Z"));
  CHECK(PublishingLyon::Find(other, p.index).error.code() == Code::kMalformed);
}

TEST_CASE("federation sync: a status list of another issuer, or altered, fails and keeps the cached copy",
          "[federation][sync]") {
  PublishingLyon p;
  const Timestamp now = At("2026-06-15T00:00:00Z");
  REQUIRE(p.Sync(now).Count(SyncOutcome::kFetched) == 4);
  const json good = *p.cache.Load(p.list).value().credential;

  SECTION("signed by Iasi, at Lyon's address") {
    p.web.docs[p.list] = DumpJson(StatusList(p.f.iasi, p.list, 7));
  }
  SECTION("altered after Lyon signed it") {
    json altered = StatusList(p.f.lyon, p.list, 7);
    altered["validFrom"] = "2026-03-02T00:00:00Z";
    p.web.docs[p.list] = DumpJson(altered);
  }
  auto r = p.Sync(At("2026-06-16T00:00:00Z"));
  const SyncedDocument& list = PublishingLyon::Find(r, p.list);
  CHECK(list.outcome == SyncOutcome::kFailed);
  CHECK_FALSE(list.error.ok());
  // The index and trust lists still synced; the cached list is the good one.
  CHECK(PublishingLyon::Find(r, p.index).outcome == SyncOutcome::kNotModified);
  auto cached = p.cache.Load(p.list);
  REQUIRE(cached.ok());
  CHECK((*cached->credential)["issuer"] == p.f.lyon.did);
  CHECK(cached->checked_at == now);
  CHECK(*cached->credential == good);
}

TEST_CASE("federation sync: an unreachable document is reported and the others go on", "[federation][sync]") {
  PublishingLyon p;
  p.web.docs.erase("https://ro.example/trust-list.json");
  auto r = p.Sync(At("2026-06-15T00:00:00Z"));
  const SyncedDocument& ro = PublishingLyon::Find(r, "https://ro.example/trust-list.json");
  CHECK(ro.outcome == SyncOutcome::kFailed);
  CHECK(ro.error.code() == Code::kIOError);
  CHECK(ro.entity == p.f.ro.did);
  CHECK(r.Count(SyncOutcome::kFetched) == 3);
  CHECK(r.Count(SyncOutcome::kFailed) == 1);
}

TEST_CASE("federation sync: outcome names", "[federation][sync]") {
  CHECK(std::string(SyncOutcomeName(SyncOutcome::kFetched)) == "fetched");
  CHECK(std::string(SyncOutcomeName(SyncOutcome::kNotModified)) == "not modified");
  CHECK(std::string(SyncOutcomeName(SyncOutcome::kFailed)) == "failed");
}

}  // namespace
}  // namespace passerelle
