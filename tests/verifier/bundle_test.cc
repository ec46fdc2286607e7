// Tests for verifier/bundle.h: offline bundles of a verifier's cache, every
// document checked again when loaded, one altered document refusing all.
#include "verifier/bundle.h"

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "formats/json.h"
#include "formats/status_list.h"
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
using testing::federation::StatusList;

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

// A verifier's cache holding FR's and RO's trust lists and Lyon's status
// list (with its fetch and confirmation times), as `verifier sync` left it.
struct SyncedCache {
  Federation f;
  testing::TempDir tmp;
  const Timestamp now = At("2026-06-15T00:00:00Z");
  const Timestamp fetched = At("2026-06-10T08:00:00Z");
  const Timestamp checked = At("2026-06-14T08:00:00Z");
  const std::string list_url = "https://lyon.example.fr/status-lists/revocation-1";

  SyncedCache() {
    const auto dir = tmp.path() / "cache";
    REQUIRE(StoreCachedTrustList(dir, "https://fr.example/trust-list.json", f.FrList(), checked).ok());
    REQUIRE(StoreCachedTrustList(dir, "https://ro.example/trust-list.json", f.RoList(), checked).ok());
    auto cache = StatusListCache::Open(dir);
    REQUIRE(cache.ok());
    REQUIRE(cache->Store(list_url, StatusList(f.lyon, list_url, 42), fetched, {}, checked).ok());
  }
  std::string Bundle() {
    BundleCounts counts;
    auto b = MakeBundle(tmp.path() / "cache", now, &counts);
    INFO(b.status().ToString());
    REQUIRE(b.ok());
    CHECK(counts.trust_lists == 2);
    CHECK(counts.status_lists == 1);
    return *b;
  }
  // Loads `text` into a fresh cache under `name`, trusting only the root.
  Result<BundleCounts> Load(const std::string& text, const std::string& name, TrustRegistry* registry = nullptr) {
    TrustRegistry local;
    TrustRegistry& r = registry != nullptr ? *registry : local;
    REQUIRE(r.AddRoot(f.Root(), "root", now).ok());
    auto cache = StatusListCache::Open(tmp.path() / name);
    REQUIRE(cache.ok());
    return LoadBundle(text, r, *cache, now);
  }
};

TEST_CASE("bundle: status lists travel with their fetch and confirmation times, checked against the lists' keys",
          "[federation][bundle]") {
  SyncedCache s;
  const std::string text = s.Bundle();
  json bundle = ParseJson(text).value();
  CHECK(bundle["type"] == "PasserelleBundle");
  CHECK(bundle["version"] == 1);
  CHECK(bundle["createdAt"] == "2026-06-15T00:00:00Z");
  REQUIRE(bundle["trustLists"].size() == 2);
  for (const auto& l : bundle["trustLists"]) {
    CHECK(l["checkedAt"] == "2026-06-14T08:00:00Z");
    CHECK(l["document"] == (l["url"] == "https://fr.example/trust-list.json" ? s.f.FrList() : s.f.RoList()));
  }
  REQUIRE(bundle["statusLists"].size() == 1);
  CHECK(bundle["statusLists"][0]["url"] == s.list_url);
  CHECK(bundle["statusLists"][0]["fetchedAt"] == "2026-06-10T08:00:00Z");
  CHECK(bundle["statusLists"][0]["checkedAt"] == "2026-06-14T08:00:00Z");

  TrustRegistry registry;
  auto loaded = s.Load(text, "air-gapped", &registry);
  INFO(loaded.status().ToString());
  REQUIRE(loaded.ok());
  CHECK(loaded->trust_lists == 2);
  CHECK(loaded->status_lists == 1);
  REQUIRE(registry.FindIssuer(s.f.lyon.did) != nullptr);
  CHECK(registry.FindIssuer(s.f.lyon.did)->confirmed_at == s.checked);
  auto list = StatusListCache::Open(s.tmp.path() / "air-gapped").value().Load(s.list_url);
  REQUIRE(list.ok());
  // The signed list as it was packed, with its times.
  CHECK(*list->credential == bundle["statusLists"][0]["credential"]);
  CHECK((*list->credential)["issuer"] == s.f.lyon.did);
  CHECK(list->fetched_at == s.fetched);
  CHECK(list->checked_at == s.checked);
}

TEST_CASE("bundle: a status list not signed with a key the trust lists give refuses the bundle",
          "[federation][bundle]") {
  SyncedCache s;
  json bundle = ParseJson(s.Bundle()).value();
  SECTION("without the trust list that accredits its issuer") {
    json kept = json::array();
    for (const auto& l : bundle["trustLists"])
      if (l["url"] != "https://fr.example/trust-list.json") kept.push_back(l);
    REQUIRE(kept.size() == 1);
    bundle["trustLists"] = kept;
  }
  SECTION("signed by another party with the issuer's key id") {
    json forged = StatusList(s.f.lyon, s.list_url, 42);
    testing::federation::Party mallory{s.f.lyon.did};  // a fresh key
    forged.erase("proof");
    bundle["statusLists"][0]["credential"] = mallory.Sign(forged, "2026-03-01T00:00:00Z");
  }
  SECTION("one revocation bit cleared after signing") {
    json altered = bundle["statusLists"][0]["credential"];
    std::string bits(kMinStatusListEntries / 8, '\0');
    altered["credentialSubject"]["encodedList"] = EncodeStatusList(bits).value();
    bundle["statusLists"][0]["credential"] = altered;
  }
  auto loaded = s.Load(DumpJson(bundle), "refused");
  REQUIRE_FALSE(loaded.ok());
  CHECK_THAT(loaded.status().message(), Catch::Contains("bundle: /statusLists/0"));
  CHECK_FALSE(StatusListCache::Open(s.tmp.path() / "refused").value().Load(s.list_url).ok());
}

TEST_CASE("bundle: nothing to pack, and what is not a version 1 bundle, are refused by kind", "[federation][bundle]") {
  testing::TempDir empty;
  auto none = MakeBundle(empty.path(), At("2026-06-15T00:00:00Z"), nullptr);
  CHECK(none.status().code() == Code::kNotFound);

  SyncedCache s;
  const json good = ParseJson(s.Bundle()).value();
  auto code_of = [&](const json& bundle, const std::string& name) {
    auto r = s.Load(DumpJson(bundle), name);
    INFO(r.status().ToString());
    REQUIRE_FALSE(r.ok());
    return r.status();
  };
  json v2 = good;
  v2["version"] = 2;
  CHECK(code_of(v2, "v2").code() == Code::kUnsupported);
  json not_arrays = good;
  not_arrays["trustLists"] = json::object();
  CHECK(code_of(not_arrays, "arrays").code() == Code::kMalformed);
  json not_object = good;
  not_object["trustLists"][0] = "a list";
  Status s1 = code_of(not_object, "object");
  CHECK(s1.code() == Code::kMalformed);
  CHECK_THAT(s1.message(), Catch::Contains("/trustLists/0"));
  json moved = good;
  moved["trustLists"][0]["url"] = "https://fr.example/other.json";  // not the id the list names
  Status s2 = code_of(moved, "moved");
  CHECK(s2.code() == Code::kVerificationFailed);
  CHECK_THAT(s2.message(), Catch::Contains("does not name https://fr.example/other.json"));
  json no_time = good;
  no_time["statusLists"][0].erase("fetchedAt");
  Status s3 = code_of(no_time, "time");
  CHECK(s3.code() == Code::kMalformed);
  CHECK_THAT(s3.message(), Catch::Contains("/statusLists/0/fetchedAt"));
  CHECK(code_of(json::array(), "array").code() == Code::kMalformed);
}

}  // namespace
}  // namespace passerelle
