// Tests for verifier/bundle.h: offline bundles of a verifier's cache, every
// document checked again when loaded, one altered document refusing all.
#include "verifier/bundle.h"

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
using testing::federation::Federation;

TEST_CASE("federation: a bundle verifies offline, and one altered document refuses it", "[federation][bundle]") {
  Federation f;
  testing::TempDir tmp;
  const Timestamp now = At("2026-06-15T00:00:00Z");
  REQUIRE(StoreCachedTrustList(tmp.path() / "cache", "https://fr.example/trust-list.json", f.FrList(), now).ok());
  REQUIRE(StoreCachedTrustList(tmp.path() / "cache", "https://ro.example/trust-list.json", f.RoList(), now).ok());
  BundleCounts counts;
  auto bundle = MakeBundle(tmp.path() / "cache", now, &counts);
  INFO(bundle.status().message());
  REQUIRE(bundle.ok());
  CHECK(counts.trust_lists == 2);

  auto load = [&](const std::string& text, const std::string& dir) {
    TrustRegistry registry;
    REQUIRE(registry.AddRoot(f.Root(), "root", now).ok());
    auto cache = StatusListCache::Open(tmp.path() / dir);
    REQUIRE(cache.ok());
    auto loaded = LoadBundle(text, registry, *cache, now);
    return std::make_pair(loaded, registry.FindIssuer(f.lyon.did) != nullptr);
  };
  auto [good, lyon_trusted] = load(*bundle, "good");
  REQUIRE(good.ok());
  CHECK(good->trust_lists == 2);
  CHECK(lyon_trusted);

  std::string altered = *bundle;
  const std::size_t at = altered.find("lyon.example.fr");
  REQUIRE(at != std::string::npos);
  altered.replace(at, 4, "lyom");
  auto [bad, _] = load(altered, "bad");
  REQUIRE_FALSE(bad.ok());
  CHECK_THAT(bad.status().message(), Catch::Contains("bundle: /trustLists/"));

  CHECK(LoadBundle(std::string(kMaxBundleBytes + 1, ' '), *std::make_unique<TrustRegistry>(),
                   StatusListCache::Open(tmp.path() / "big").value(), now)
            .status()
            .code() == Code::kResourceExhausted);
  CHECK(LoadBundle("{\"type\": \"Other\"}", *std::make_unique<TrustRegistry>(),
                   StatusListCache::Open(tmp.path() / "other").value(), now)
            .status()
            .code() == Code::kMalformed);
}

}  // namespace
}  // namespace passerelle
