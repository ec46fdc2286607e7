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

}  // namespace
}  // namespace passerelle
