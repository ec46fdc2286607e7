// Tests for the verifier's federation policies, across the trust registry
// and the verifier on purpose: a key reported compromised
// (verifier/trust_registry.h) and the trust freshness policy (verifier.h).
// Sync along the trust chain is tested in sync/federation_sync_test.cc,
// offline bundles in bundle_test.cc; the federation all three use is in
// trust_test_support.h.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "formats/json.h"
#include "tests/verifier/trust_test_support.h"
#include "verifier/trust_registry.h"
#include "verifier/verifier.h"

namespace passerelle {
namespace {

using nlohmann::json;
using testing::At;
using testing::federation::Credential;
using testing::federation::Federation;

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

}  // namespace
}  // namespace passerelle
