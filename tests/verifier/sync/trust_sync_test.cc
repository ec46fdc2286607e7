// Tests for verifier/sync/trust_sync.h: trust lists synced into the cache and read back from it.
#include "verifier/sync/trust_sync.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <string>
#include <vector>

#include "tests/testing/temp_dir.h"
#include "tests/verifier/trust_test_support.h"
#include "verifier/trust_registry.h"

namespace passerelle {
namespace {

using testing::At;
using testing::SignedList;
using testing::World;

TEST_CASE("trust lists: synced lists are cached only from their own URL, never replaced by older ones", "[trust]") {
  World w;
  testing::TempDir cache;
  const std::string url = "https://authority.example.fr/trust/fr.json";
  TrustRegistry roots;
  REQUIRE(roots.AddRoot(w.Root(), "root.json", w.now).ok());

  // Served at another URL than the one it names: refused, nothing stored.
  TrustRegistry r1 = roots;
  CHECK(SyncTrustList("https://mirror.example/fr.json", w.FrenchList(), r1, cache.path(), w.now).status().code() ==
        Code::kVerificationFailed);
  CHECK_FALSE(std::filesystem::exists(cache.path() / "trust-lists"));

  // The newer list is stored; the older one, replayed, is not.
  const std::string newer = SignedList(w.fr, {w.UniversityEntry()}, url, "2026-03-01T00:00:00Z");
  TrustRegistry r2 = roots;
  auto synced = SyncTrustList(url, newer, r2, cache.path(), w.now);
  INFO(synced.status().message());
  REQUIRE(synced.ok());
  CHECK(synced->entities == 1);
  TrustRegistry r3 = roots;
  Status replay = SyncTrustList(url, w.FrenchList(), r3, cache.path(), w.now).status();
  CHECK(replay.code() == Code::kVerificationFailed);
  CHECK_THAT(replay.message(), Catch::Contains("older"));

  // Read back, checked again: the university is accredited from the cache alone.
  TrustRegistry fresh = roots;
  std::vector<std::string> skipped;
  REQUIRE(LoadCachedTrustLists(cache.path(), fresh, w.now, &skipped).ok());
  CHECK(skipped.empty());
  CHECK(fresh.FindIssuer(w.university.did) != nullptr);
  // Fetched with a fragment in its URL: stored under the URL it names, so
  // it is read back (and replaces the version above, being the same list).
  {
    testing::TempDir other_cache;
    TrustRegistry rf = roots;
    REQUIRE(SyncTrustList(url + "#latest", newer, rf, other_cache.path(), w.now).ok());
    TrustRegistry back = roots;
    std::vector<std::string> none;
    REQUIRE(LoadCachedTrustLists(other_cache.path(), back, w.now, &none).ok());
    CHECK(none.empty());
    CHECK(back.FindIssuer(w.university.did) != nullptr);
  }
  // Years later the cached list has expired: skipped, and said so.
  TrustRegistry later = roots;
  skipped.clear();
  REQUIRE(LoadCachedTrustLists(cache.path(), later, At("2028-01-01T00:00:00Z"), &skipped).ok());
  CHECK(later.FindIssuer(w.university.did) == nullptr);
  CHECK(skipped.size() == 1);
}

}  // namespace
}  // namespace passerelle
