// Tests for the verifier's federation parts: a key reported compromised
// (verifier/trust_registry.h), the trust freshness policy (verifier.h),
// sync along the trust chain with conditional requests
// (verifier/sync/federation_sync.h) and offline bundles (verifier/bundle.h).
#include <map>

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "formats/json.h"
#include "formats/trust_list.h"
#include "keys/proof_signer.h"
#include "tests/testing/temp_dir.h"
#include "verifier/bundle.h"
#include "verifier/status_cache.h"
#include "verifier/sync/federation_sync.h"
#include "verifier/sync/trust_sync.h"
#include "verifier/trust_registry.h"
#include "verifier/verifier.h"

namespace passerelle {
namespace {

using nlohmann::json;

Timestamp At(const char* t) { return ParseDateTime(t).value(); }

struct Party {
  std::string did;
  Ed25519SigningKey key = Ed25519SigningKey::Generate().value();
  std::string KeyId() const { return did + "#key-1"; }
  TrustedEntity Entity(TrustRole role, const std::string& country, const std::string& published_at = "") const {
    TrustedEntity e;
    e.did = did;
    e.role = role;
    e.country = country;
    e.keys.push_back({KeyId(), key.public_key().ToMultibase(), At("2026-01-01T00:00:00Z"), std::nullopt, std::nullopt});
    e.published_at = published_at;
    return e;
  }
  json Sign(const json& doc, const char* created) const {
    ProofOptions o;
    o.suite = Cryptosuite::kEddsaRdfc2022;
    o.verification_method = KeyId();
    o.created = At(created);
    return AddProof(doc, key, o).value();
  }
};

std::string SignedList(const Party& signer, std::vector<TrustedEntity> entities, const std::string& id,
                       const char* from = "2026-02-01T00:00:00Z") {
  TrustList list;
  list.id = id;
  list.issuer = signer.did;
  list.valid_from = At(from);
  list.valid_until = At("2027-02-01T00:00:00Z");
  list.entities = std::move(entities);
  return DumpJson(signer.Sign(TrustListToCredential(list, "", ""), from));
}

json Credential(const std::string& issuer) {
  return {{"@context", {"https://www.w3.org/ns/credentials/v2"}},
          {"id", "urn:uuid:0b0c5e8e-3b57-4f54-9a43-0d6f3c1a2b3c"},
          {"type", {"VerifiableCredential"}},
          {"issuer", issuer},
          {"validFrom", "2026-02-01T00:00:00Z"},
          {"credentialSubject", {{"id", "did:example:holder"}, {"name", "A learner"}}}};
}

// A root naming FR and RO, each publishing at a loopback-style URL.
struct Federation {
  Party root{"did:web:root.example"};
  Party fr{"did:web:authority.example.fr"};
  Party ro{"did:web:authority.example.ro"};
  Party lyon{"did:web:lyon.example.fr"};
  Party iasi{"did:web:iasi.example.ro"};
  std::optional<Timestamp> lyon_compromised;

  std::string Root() const {
    // A did:web root names its own signer, so it can be checked offline.
    return SignedList(root, {root.Entity(TrustRole::kAuthority, "EU"),
                             fr.Entity(TrustRole::kAuthority, "FR", "https://fr.example"),
                             ro.Entity(TrustRole::kAuthority, "RO", "https://ro.example")},
                      "https://root.example/root.json", "2026-01-15T00:00:00Z");
  }
  std::string FrList(const char* from = "2026-02-01T00:00:00Z") const {
    TrustedEntity e = lyon.Entity(TrustRole::kIssuer, "FR");
    e.keys[0].compromised_from = lyon_compromised;
    return SignedList(fr, {e}, "https://fr.example/trust-list.json", from);
  }
  std::string RoList() const {
    return SignedList(ro, {iasi.Entity(TrustRole::kIssuer, "RO")}, "https://ro.example/trust-list.json");
  }
};

// Serves documents by URL with an ETag each; answers 304 when it matches.
struct FakeWeb {
  std::map<std::string, std::string> docs;
  int requests = 0;
  ConditionalFetcher Fetcher() {
    return [this](const std::string& url, const CacheValidators& cached) -> Result<ConditionalResponse> {
      ++requests;
      auto it = docs.find(url);
      if (it == docs.end()) return Status::IOError(url + ": HTTP 404");
      std::string etag = "\"" + std::to_string(std::hash<std::string>{}(it->second)) + "\"";
      if (cached.etag == etag) return ConditionalResponse{true, "", {}};
      return ConditionalResponse{false, it->second, {etag, ""}};
    };
  }
};

TEST_CASE("federation: a compromised key's later credentials are refused, earlier ones kept", "[federation]") {
  Federation f;
  f.lyon_compromised = At("2026-05-01T00:00:00Z");
  const Timestamp now = At("2026-06-15T00:00:00Z");
  TrustRegistry registry;
  REQUIRE(registry.AddRoot(f.Root(), "root", now).ok());
  REQUIRE(registry.AddListDocument(ParseJson(f.FrList()).value(), "fr", now, {}, now).ok());
  VerifyOptions o;
  o.now = now;
  o.trust_registry = &registry;
  registry.AddKeysTo(o.resolver);
  auto before = VerifyDocument(f.lyon.Sign(Credential(f.lyon.did), "2026-04-30T23:59:59Z"), o);
  INFO(DumpJson(ReportToJson(before)));
  CHECK(before.verified);
  auto after = VerifyDocument(f.lyon.Sign(Credential(f.lyon.did), "2026-05-02T00:00:00Z"), o);
  INFO(DumpJson(ReportToJson(after)));
  CHECK_FALSE(after.verified);
  CHECK_THAT(DumpJson(ReportToJson(after)), Catch::Contains("2026-05-01T00:00:00Z"));
}

TEST_CASE("federation: a trust list older than the maximum trust age is refused, its age named", "[federation]") {
  Federation f;
  const Timestamp now = At("2026-06-15T00:00:00Z");
  for (auto [confirmed, ok] : {std::pair{At("2026-06-14T00:00:00Z"), true}, std::pair{At("2026-05-06T00:00:00Z"), false}}) {
    TrustRegistry registry;
    REQUIRE(registry.AddRoot(f.Root(), "root", now).ok());
    REQUIRE(registry.AddListDocument(ParseJson(f.FrList()).value(), "fr", now, {}, confirmed).ok());
    VerifyOptions o;
    o.now = now;
    o.trust_registry = &registry;
    registry.AddKeysTo(o.resolver);
    auto report = VerifyDocument(f.lyon.Sign(Credential(f.lyon.did), "2026-03-01T00:00:00Z"), o);
    std::string text = DumpJson(ReportToJson(report));
    INFO(text);
    CHECK(report.verified == ok);
    REQUIRE(report.trust_freshness.has_value());
    // The root (issued 2026-01-15) is older than either confirmation.
    CHECK(*report.trust_freshness == At("2026-01-15T00:00:00Z"));
    if (!ok) {
      CHECK_THAT(text, Catch::Contains("https://fr.example/trust-list.json"));
      CHECK_THAT(text, Catch::Contains("40 days old"));
      CHECK_THAT(text, Catch::Contains("maximum trust age of 30d"));
    }
  }
}

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
