// Tests for verifier/trust_registry.h: roots anchor authorities, authorities
// accredit issuers of their country, and an issuer is trusted only for what
// its entry allows, with the keys it lists, when they were in force.
#include "verifier/trust_registry.h"

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "formats/json.h"
#include "formats/trust_list.h"
#include "keys/did_key.h"
#include "keys/proof_signer.h"
#include "verifier/sync/trust_sync.h"
#include "verifier/verifier.h"
#include "tests/testing/temp_dir.h"

namespace passerelle {
namespace {

using nlohmann::json;

Timestamp At(const char* t) { return ParseDateTime(t).value(); }

// A signer with a did:web identity and one key.
struct Party {
  std::string did;
  Ed25519SigningKey key = Ed25519SigningKey::Generate().value();
  std::string KeyId() const { return did + "#key-1"; }
  TrustedEntity Entity(TrustRole role, const std::string& country) const {
    TrustedEntity e;
    e.did = did;
    e.role = role;
    e.country = country;
    e.name = did.substr(8);
    e.keys.push_back({KeyId(), key.public_key().ToMultibase(), At("2026-01-01T00:00:00Z"), std::nullopt});
    return e;
  }
  json Sign(const json& doc, const char* created = "2026-03-01T00:00:00Z") const {
    ProofOptions o;
    o.suite = Cryptosuite::kEddsaRdfc2022;
    o.verification_method = KeyId();
    o.created = At(created);
    return AddProof(doc, key, o).value();
  }
};

std::string SignedList(const Party& signer, std::vector<TrustedEntity> entities, const std::string& id,
                       const char* from = "2026-02-01T00:00:00Z", const char* until = "2027-02-01T00:00:00Z") {
  TrustList list;
  list.id = id;
  list.issuer = signer.did;
  list.valid_from = At(from);
  list.valid_until = At(until);
  list.entities = std::move(entities);
  return DumpJson(signer.Sign(TrustListToCredential(list, "", ""), from));
}

json ModuleCredential(const std::string& issuer, int eqf_level = 5, const char* kind = "ModuleCredential") {
  return {{"@context", {"https://www.w3.org/ns/credentials/v2", "https://w3id.org/passerelle/v1"}},
          {"id", "urn:uuid:6a1a7f1e-9b61-4f0e-a1a3-1b6f1c2d3e4f"},
          {"type", {"VerifiableCredential", kind}},
          {"issuer", {{"id", issuer}, {"name", "Institut de Lyon"}, {"country", "FR"}}},
          {"validFrom", "2026-06-24T00:00:00Z"},
          {"credentialSubject",
           {{"id", "did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2"},
            {"achievement",
             {{"type", "LearningAchievement"},
              {"title", {{"en", "Foundations of quality management"}}},
              {"learningOutcomes", {{"en", {"Explain the quality frameworks"}}}},
              {"ects", 6},
              {"eqfLevel", "http://data.europa.eu/snb/eqf/" + std::to_string(eqf_level)},
              {"assessmentType", "http://data.europa.eu/snb/assessment/6e6cb2cc78"},
              {"mode", "http://data.europa.eu/snb/learning-assessment/e92d221e4d"},
              {"qualityAssurance", "http://data.europa.eu/snb/accreditation/820101cba6"}}}}}};
}

// A consortium root naming the French and Romanian authorities, the French
// authority's list accrediting one university for modules at EQF 5-6.
struct World {
  Party root{"did:web:root.passerelle.example"};
  Party fr{"did:web:authority.example.fr"};
  Party ro{"did:web:authority.example.ro"};
  Party university{"did:web:univ-lyon.example.fr"};
  Timestamp now = At("2026-07-01T00:00:00Z");

  TrustedEntity UniversityEntry() const {
    TrustedEntity e = university.Entity(TrustRole::kIssuer, "FR");
    e.credential_kinds = {"module", "certification"};
    e.eqf_levels = {5, 6};
    return e;
  }
  std::string Root() const {
    return SignedList(root, {root.Entity(TrustRole::kAuthority, "EU"), fr.Entity(TrustRole::kAuthority, "FR"),
                             ro.Entity(TrustRole::kAuthority, "RO")},
                      "https://root.passerelle.example/trust/root.json");
  }
  std::string FrenchList() const {
    return SignedList(fr, {UniversityEntry()}, "https://authority.example.fr/trust/fr.json");
  }
  TrustRegistry Registry() const {
    TrustRegistry r;
    REQUIRE(r.AddRoot(Root(), "root.json", now).ok());
    Status s = r.AddList(FrenchList(), "fr.json", now);
    INFO(s.message());
    REQUIRE(s.ok());
    return r;
  }
  VerificationReport Verify(const json& credential, const TrustRegistry& registry) const {
    VerifyOptions o;
    o.now = now;
    // Fixed dates five months after the lists were issued: these tests are
    // about chaining and scope; freshness has its own (federation_test.cc).
    o.max_trust_age_seconds = 0;
    o.trust_registry = &registry;
    registry.AddKeysTo(o.resolver);
    return VerifyDocument(credential, o);
  }
};

const CheckResult* FindCheck(const VerificationReport& r, const std::string& name) {
  for (const auto& c : r.checks)
    if (c.check == name) return &c;
  return nullptr;
}

TEST_CASE("trust lists: an accredited did:web issuer verifies offline, keys from the list", "[trust]") {
  World w;
  TrustRegistry registry = w.Registry();
  auto report = w.Verify(w.university.Sign(ModuleCredential(w.university.did)), registry);
  INFO(DumpJson(ReportToJson(report)));
  CHECK(report.verified);
  REQUIRE(FindCheck(report, "issuer") != nullptr);
  CHECK_THAT(FindCheck(report, "issuer")->detail, Catch::Contains("accredited by did:web:authority.example.fr"));
  REQUIRE(report.trust_freshness.has_value());
  CHECK(*report.trust_freshness == At("2026-02-01T00:00:00Z"));
}

TEST_CASE("trust lists: the root counts too, for freshness and for expiry", "[trust]") {
  World w;
  TrustRegistry r;
  REQUIRE(r.AddRoot(SignedList(w.root,
                               {w.root.Entity(TrustRole::kAuthority, "EU"), w.fr.Entity(TrustRole::kAuthority, "FR")},
                               "urn:x:root", "2026-01-20T00:00:00Z", "2026-12-01T00:00:00Z"),
                    "root.json", w.now)
              .ok());
  REQUIRE(r.AddList(w.FrenchList(), "fr.json", w.now).ok());  // issued 2026-02-01, until 2027-02-01
  json vc = w.university.Sign(ModuleCredential(w.university.did));
  auto report = w.Verify(vc, r);
  REQUIRE(report.verified);
  CHECK(*report.trust_freshness == At("2026-01-20T00:00:00Z"));  // the root is older than the list
  VerifyOptions later;
  later.now = At("2027-01-01T00:00:00Z");
  later.trust_registry = &r;
  r.AddKeysTo(later.resolver);
  auto expired = VerifyDocument(vc, later);
  CHECK_FALSE(expired.verified);
  CHECK_THAT(FindCheck(expired, "issuer")->detail, Catch::Contains("root trust list"));
}

TEST_CASE("trust lists: an issuer is trusted only within its scope and windows", "[trust]") {
  World w;
  TrustRegistry registry = w.Registry();
  auto untrusted_because = [&](const json& signed_credential, const std::string& reason) {
    auto report = w.Verify(signed_credential, registry);
    INFO(DumpJson(ReportToJson(report)));
    CHECK_FALSE(report.verified);
    const CheckResult* issuer = FindCheck(report, "issuer");
    REQUIRE(issuer != nullptr);
    CHECK_FALSE(issuer->ok);
    CHECK_THAT(issuer->detail, Catch::Contains(reason));
  };
  SECTION("EQF level outside the accreditation") {
    untrusted_because(w.university.Sign(ModuleCredential(w.university.did, 7)), "EQF level 7");
  }
  SECTION("a credential naming another country than the accreditation's") {
    json vc = ModuleCredential(w.university.did);
    vc["issuer"]["country"] = "DE";
    untrusted_because(w.university.Sign(vc), "accredited in FR");
  }
  SECTION("credential kind outside the accreditation") {
    untrusted_because(w.university.Sign(ModuleCredential(w.university.did, 6, "DiplomaCredential")),
                      "not accredited to issue diploma");
  }
  SECTION("signed before the key came into force") {
    auto report = w.Verify(w.university.Sign(ModuleCredential(w.university.did), "2025-12-01T00:00:00Z"), registry);
    CHECK_FALSE(report.verified);
    REQUIRE(FindCheck(report, "proof") != nullptr);
    CHECK_THAT(FindCheck(report, "proof")->detail, Catch::Contains("came into force"));
  }
  SECTION("a credential claiming no EQF level (NQF only) is not bound by an EQF scope") {
    json vc = ModuleCredential(w.university.did);
    vc["credentialSubject"]["achievement"].erase("eqfLevel");
    vc["credentialSubject"]["achievement"]["nqfLevel"] = "https://example.fr/nqf/7";
    auto report = w.Verify(w.university.Sign(vc), registry);
    INFO(DumpJson(ReportToJson(report)));
    CHECK(report.verified);
  }
  SECTION("a list that has expired since it was loaded (a long-running verifier)") {
    VerifyOptions o;
    o.now = At("2027-03-01T00:00:00Z");  // the French list ends 2027-02-01
    o.trust_registry = &registry;
    registry.AddKeysTo(o.resolver);
    auto report = VerifyDocument(w.university.Sign(ModuleCredential(w.university.did)), o);
    CHECK_FALSE(report.verified);
    CHECK_THAT(FindCheck(report, "issuer")->detail, Catch::Contains("expired"));
  }
  SECTION("a key the list does not give") {
    Party impostor{w.university.did};  // same DID, a key of its own
    auto report = w.Verify(impostor.Sign(ModuleCredential(w.university.did)), registry);
    CHECK_FALSE(report.verified);
    CHECK_FALSE(FindCheck(report, "proof")->ok);
  }
  SECTION("an issuer no list names") {
    Party other{"did:web:unknown.example.fr"};
    auto report = w.Verify(other.Sign(ModuleCredential(other.did)), registry);
    CHECK_FALSE(report.verified);
  }
}

TEST_CASE("trust lists: a list is refused unless a root's authority signed it for its country", "[trust]") {
  World w;
  SECTION("no root given") {
    TrustRegistry r;
    CHECK(r.AddList(w.FrenchList(), "fr.json", w.now).code() == Code::kUntrustedIssuer);
    CHECK(r.empty());
  }
  SECTION("signed by a party the root does not name") {
    TrustRegistry r;
    REQUIRE(r.AddRoot(w.Root(), "root.json", w.now).ok());
    Party rogue{"did:web:rogue.example"};
    CHECK(r.AddList(SignedList(rogue, {w.UniversityEntry()}, "urn:x:rogue"), "rogue.json", w.now).code() ==
          Code::kUntrustedIssuer);
    CHECK(r.FindIssuer(w.university.did) == nullptr);
  }
  SECTION("the Romanian authority cannot accredit a French university") {
    TrustRegistry r;
    REQUIRE(r.AddRoot(w.Root(), "root.json", w.now).ok());
    Status s = r.AddList(SignedList(w.ro, {w.UniversityEntry()}, "urn:x:ro"), "ro.json", w.now);
    CHECK(s.code() == Code::kUntrustedIssuer);
    CHECK_THAT(s.message(), Catch::Contains("answers for RO"));
  }
  SECTION("an authority list cannot name authorities") {
    TrustRegistry r;
    REQUIRE(r.AddRoot(w.Root(), "root.json", w.now).ok());
    Party sub{"did:web:sub.example.fr"};
    CHECK(r.AddList(SignedList(w.fr, {sub.Entity(TrustRole::kAuthority, "FR")}, "urn:x:fr"), "fr.json", w.now)
              .code() == Code::kUntrustedIssuer);
  }
  SECTION("a tampered list") {
    TrustRegistry r;
    REQUIRE(r.AddRoot(w.Root(), "root.json", w.now).ok());
    json list = ParseJson(w.FrenchList()).value();
    list["credentialSubject"]["trustedEntity"][0]["eqfLevel"].push_back("http://data.europa.eu/snb/eqf/8");
    CHECK(r.AddList(DumpJson(list), "fr.json", w.now).code() == Code::kVerificationFailed);
    CHECK(r.FindIssuer(w.university.did) == nullptr);
  }
  SECTION("an expired list") {
    TrustRegistry r;
    REQUIRE(r.AddRoot(w.Root(), "root.json", w.now).ok());
    CHECK(r.AddList(SignedList(w.fr, {w.UniversityEntry()}, "urn:x:old", "2025-01-01T00:00:00Z",
                               "2026-01-01T00:00:00Z"),
                    "fr.json", w.now)
              .code() == Code::kExpired);
  }
  SECTION("a root whose signature does not hold") {
    TrustRegistry r;
    json root = ParseJson(w.Root()).value();
    root["credentialSubject"]["trustedEntity"][1]["country"] = "DE";
    CHECK_FALSE(r.AddRoot(DumpJson(root), "root.json", w.now).ok());
    CHECK(r.AddList(w.FrenchList(), "fr.json", w.now).code() == Code::kUntrustedIssuer);
  }
  SECTION("a did:web root that does not name its own signer cannot be checked offline") {
    TrustRegistry r;
    Status s = r.AddRoot(SignedList(w.root, {w.fr.Entity(TrustRole::kAuthority, "FR")}, "urn:x:root"), "root.json", w.now);
    CHECK_FALSE(s.ok());
    CHECK_THAT(s.message(), Catch::Contains("must name its own signer"));
  }
  SECTION("an authority's key counts only inside its window in the root, whatever its DID method") {
    Party did_key_authority{""};
    did_key_authority.did = DidKeyFor(did_key_authority.key.public_key());
    TrustedEntity entry = did_key_authority.Entity(TrustRole::kAuthority, "FR");
    entry.keys[0].id = DidKeyVerificationMethod(did_key_authority.key.public_key());
    entry.keys[0].not_after = At("2026-01-15T00:00:00Z");  // retired before the list was signed
    TrustRegistry r;
    REQUIRE(r.AddRoot(SignedList(w.root, {w.root.Entity(TrustRole::kAuthority, "EU"), entry}, "urn:x:root2"),
                      "root.json", w.now)
                .ok());
    // Party::Sign uses "#key-1"; sign with the did:key method instead.
    TrustList list;
    list.id = "urn:x:fr2";
    list.issuer = did_key_authority.did;
    list.valid_from = At("2026-02-01T00:00:00Z");
    list.valid_until = At("2027-02-01T00:00:00Z");
    list.entities = {w.UniversityEntry()};
    ProofOptions o;
    o.suite = Cryptosuite::kEddsaRdfc2022;
    o.verification_method = entry.keys[0].id;
    o.created = At("2026-02-01T00:00:00Z");
    json signed_list = AddProof(TrustListToCredential(list, "", ""), did_key_authority.key, o).value();
    Status s = r.AddList(DumpJson(signed_list), "fr.json", w.now);
    CHECK(s.code() == Code::kVerificationFailed);
    CHECK_THAT(s.message(), Catch::Contains("outside its window"));
  }
  SECTION("a list valid beyond its signing key's window (a retired key backdating)") {
    TrustedEntity fr = w.fr.Entity(TrustRole::kAuthority, "FR");
    fr.keys[0].not_after = At("2026-12-01T00:00:00Z");
    TrustRegistry r;
    REQUIRE(r.AddRoot(SignedList(w.root, {w.root.Entity(TrustRole::kAuthority, "EU"), fr}, "urn:x:root3"), "root.json",
                      w.now)
                .ok());
    Status s = r.AddList(w.FrenchList(), "fr.json", w.now);  // valid until 2027-02-01
    CHECK(s.code() == Code::kVerificationFailed);
    CHECK_THAT(s.message(), Catch::Contains("beyond the end of its signer's key"));
  }
  SECTION("garbage") {
    TrustRegistry r;
    CHECK(r.AddRoot("{not json", "root.json", w.now).code() == Code::kMalformed);
    CHECK(r.AddRoot("{}", "root.json", w.now).code() == Code::kInvalidCredential);
  }
}

TEST_CASE("trust lists: an issuer answers to one authority, and a newer list replaces an older", "[trust]") {
  World w;
  TrustRegistry r = w.Registry();
  // The same university in the Romanian list (as if it were Romanian):
  // disputed, it is trusted by neither, and the rest of the list holds.
  {
    TrustRegistry disputed = w.Registry();
    TrustedEntity as_ro = w.UniversityEntry();
    as_ro.country = "RO";
    Party iasi{"did:web:umfiasi.example.ro"};
    REQUIRE(disputed.AddList(SignedList(w.ro, {as_ro, iasi.Entity(TrustRole::kIssuer, "RO")}, "urn:x:ro"), "ro.json",
                             w.now)
                .ok());
    CHECK(disputed.FindIssuer(w.university.did) == nullptr);
    CHECK(disputed.FindIssuer(iasi.did) != nullptr);
    REQUIRE(disputed.warnings().size() == 1);
    CHECK_THAT(disputed.warnings()[0], Catch::Contains("trusted by neither"));
  }
  // A newer French list without the university: it is no longer accredited.
  Party other{"did:web:other.example.fr"};
  REQUIRE(r.AddList(SignedList(w.fr, {other.Entity(TrustRole::kIssuer, "FR")},
                               "https://authority.example.fr/trust/fr.json", "2026-03-01T00:00:00Z"),
                    "fr.json", w.now)
              .ok());
  CHECK(r.FindIssuer(w.university.did) == nullptr);
  CHECK(r.FindIssuer(other.did) != nullptr);
  // And the older one cannot come back.
  CHECK_FALSE(r.AddList(w.FrenchList(), "fr.json", w.now).ok());
}

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
