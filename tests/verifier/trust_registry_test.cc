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
#include "verifier/verifier.h"
#include "tests/testing/temp_dir.h"
#include "tests/verifier/trust_test_support.h"

namespace passerelle {
namespace {

using nlohmann::json;

using testing::At;
using testing::FindCheck;
using testing::ModuleCredential;
using testing::Party;
using testing::SignedList;
using testing::World;

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

}  // namespace
}  // namespace passerelle
