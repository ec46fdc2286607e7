// Passerelle tests — a consortium of did:web parties (root, national
// authorities, a university) and their signed trust lists, for the tests of
// verifier/trust_registry.h and verifier/sync/trust_sync.h; a federation of
// publishing authorities for those of federation sync and bundles.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "formats/datetime.h"
#include "formats/json.h"
#include "formats/status_list.h"
#include "formats/trust_list.h"
#include "keys/proof_signer.h"
#include "keys/signing_key.h"
#include "verifier/sync/fetch.h"
#include "verifier/trust_registry.h"
#include "verifier/verifier.h"

namespace passerelle::testing {

using nlohmann::json;

inline Timestamp At(const char* t) { return ParseDateTime(t).value(); }

// A signer with a did:web identity and one key.
struct Party {
  std::string did;
  Ed25519SigningKey key = Ed25519SigningKey::Generate().value();
  std::string KeyId() const { return did + "#key-1"; }
  // `published_at`: where the entity publishes (its trust or status lists).
  TrustedEntity Entity(TrustRole role, const std::string& country, const std::string& published_at = "") const {
    TrustedEntity e;
    e.did = did;
    e.role = role;
    e.country = country;
    e.name = did.substr(8);
    e.keys.push_back({KeyId(), key.public_key().ToMultibase(), At("2026-01-01T00:00:00Z"), std::nullopt, std::nullopt});
    e.published_at = published_at;
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

inline std::string SignedList(const Party& signer, std::vector<TrustedEntity> entities, const std::string& id,
                       const char* from = "2026-02-01T00:00:00Z", const char* until = "2027-02-01T00:00:00Z") {
  TrustList list;
  list.id = id;
  list.issuer = signer.did;
  list.valid_from = At(from);
  list.valid_until = At(until);
  list.entities = std::move(entities);
  return DumpJson(signer.Sign(TrustListToCredential(list, "", ""), from));
}

inline json ModuleCredential(const std::string& issuer, int eqf_level = 5, const char* kind = "ModuleCredential") {
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

inline const CheckResult* FindCheck(const VerificationReport& r, const std::string& name) {
  for (const auto& c : r.checks)
    if (c.check == name) return &c;
  return nullptr;
}

// A federation (docs/federation.md) for the tests of verifier/sync/federation_sync.h,
// verifier/bundle.h and the federation policies: a root naming the French and
// Romanian authorities, each publishing at its own URL and accrediting one
// university, and a fake web that serves documents with ETags.
namespace federation {

using testing::Party;
using testing::SignedList;

inline json Credential(const std::string& issuer) {
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
  // Where Lyon publishes its status lists ("": nowhere, so sync follows none).
  std::string lyon_published_at;

  std::string Root() const {
    // A did:web root names its own signer, so it can be checked offline.
    return SignedList(root, {root.Entity(TrustRole::kAuthority, "EU"),
                             fr.Entity(TrustRole::kAuthority, "FR", "https://fr.example"),
                             ro.Entity(TrustRole::kAuthority, "RO", "https://ro.example")},
                      "https://root.example/root.json", "2026-01-15T00:00:00Z");
  }
  std::string FrList(const char* from = "2026-02-01T00:00:00Z") const {
    TrustedEntity e = lyon.Entity(TrustRole::kIssuer, "FR", lyon_published_at);
    e.keys[0].compromised_from = lyon_compromised;
    return SignedList(fr, {e}, "https://fr.example/trust-list.json", from);
  }
  std::string RoList() const {
    return SignedList(ro, {iasi.Entity(TrustRole::kIssuer, "RO")}, "https://ro.example/trust-list.json");
  }
};

// A BitstringStatusListCredential of `issuer` at `url` (revocation, every
// bit clear but `revoked`), signed with its key at `created`.
inline json StatusList(const Party& issuer, const std::string& url, std::optional<std::uint64_t> revoked = std::nullopt,
                       const char* created = "2026-03-01T00:00:00Z") {
  std::string bits(kMinStatusListEntries / 8, '\0');
  if (revoked) WriteStatus(bits, *revoked, 1, 1);
  json list = {{"@context", {"https://www.w3.org/ns/credentials/v2"}},
               {"id", url},
               {"type", {"VerifiableCredential", "BitstringStatusListCredential"}},
               {"issuer", issuer.did},
               {"validFrom", "2026-03-01T00:00:00Z"},
               {"credentialSubject",
                {{"id", url + "#list"}, {"type", "BitstringStatusList"}, {"statusPurpose", "revocation"},
                 {"encodedList", EncodeStatusList(bits).value()}}}};
  return issuer.Sign(list, created);
}

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

}  // namespace federation

}  // namespace passerelle::testing
