// Tests for the federation members of formats/trust_list.h: where an entity
// publishes (publishedAt) and when a key was reported compromised
// (compromisedFrom); both optional, both round-trip, both checked.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "formats/json.h"
#include "formats/jsonld/options.h"
#include "formats/jsonld/to_rdf.h"
#include "formats/trust_list.h"

namespace passerelle {
namespace {

using nlohmann::json;

json Entity() {
  return json::parse(R"({
    "id": "did:web:univ-lyon.example.fr",
    "type": "AccreditedIssuer",
    "country": "FR",
    "publishedAt": "https://univ-lyon.example.fr/passerelle",
    "publicKey": [{
      "id": "did:web:univ-lyon.example.fr#key-1",
      "type": "Multikey",
      "publicKeyMultibase": "z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK",
      "notBefore": "2026-01-01T00:00:00Z",
      "compromisedFrom": "2026-11-20T00:00:00Z"
    }]
  })");
}

TEST_CASE("trust list federation: publishedAt and compromisedFrom are read and written back", "[trust-list][federation]") {
  auto e = ParseTrustedEntity(Entity(), "/e");
  INFO(e.status().message());
  REQUIRE(e.ok());
  CHECK(e->published_at == "https://univ-lyon.example.fr/passerelle");
  REQUIRE(e->keys.size() == 1);
  CHECK(e->keys[0].compromised_from == ParseDateTime("2026-11-20T00:00:00Z").value());
  json back = TrustedEntityToJson(*e);
  CHECK(back["publishedAt"] == "https://univ-lyon.example.fr/passerelle");
  CHECK(back["publicKey"][0]["compromisedFrom"] == "2026-11-20T00:00:00Z");
  auto again = ParseTrustedEntity(back, "/e");
  REQUIRE(again.ok());
  CHECK(again->published_at == e->published_at);
  CHECK(again->keys[0].compromised_from == e->keys[0].compromised_from);
}

TEST_CASE("trust list federation: both members are absent from older lists", "[trust-list][federation]") {
  json entity = Entity();
  entity.erase("publishedAt");
  entity["publicKey"][0].erase("compromisedFrom");
  auto e = ParseTrustedEntity(entity, "/e");
  REQUIRE(e.ok());
  CHECK(e->published_at.empty());
  CHECK_FALSE(e->keys[0].compromised_from.has_value());
  CHECK_FALSE(TrustedEntityToJson(*e).contains("publishedAt"));
}

TEST_CASE("trust list federation: a bad publishedAt or compromisedFrom is refused, named", "[trust-list][federation]") {
  for (const char* url : {"ftp://x.example", "https://x.example/", "https://x.example/a?b=1", "https://x.example/#f",
                          "https://", "https:///path", "https://x.example/a b", "x.example"}) {
    json entity = Entity();
    entity["publishedAt"] = url;
    auto e = ParseTrustedEntity(entity, "/e");
    INFO(url);
    REQUIRE_FALSE(e.ok());
    CHECK_THAT(e.status().message(), Catch::Contains("/e/publishedAt"));
  }
  json entity = Entity();
  entity["publishedAt"] = 5;
  CHECK_FALSE(ParseTrustedEntity(entity, "/e").ok());
  entity = Entity();
  entity["publicKey"][0]["compromisedFrom"] = "yesterday";
  auto e = ParseTrustedEntity(entity, "/e");
  REQUIRE_FALSE(e.ok());
  CHECK_THAT(e.status().message(), Catch::Contains("/e/publicKey/0/compromisedFrom"));
}

TEST_CASE("trust list federation: the new terms are defined in the bundled context", "[trust-list][federation]") {
  TrustList list;
  list.id = "https://authority.example.fr/trust-list.json";
  list.issuer = "did:web:authority.example.fr";
  list.valid_from = ParseDateTime("2026-02-01T00:00:00Z").value();
  list.valid_until = ParseDateTime("2027-02-01T00:00:00Z").value();
  list.entities.push_back(ParseTrustedEntity(Entity(), "/e").value());
  json vc = TrustListToCredential(list, "", "");
  // Safe mode refuses any term the context does not define.
  jsonld::JsonLdOptions options;
  options.safe_mode = true;
  auto rdf = jsonld::ToRdf(vc, options);
  INFO(rdf.status().message());
  REQUIRE(rdf.ok());
  auto parsed = ParseTrustList(vc);
  REQUIRE(parsed.ok());
  CHECK(parsed->entities[0].published_at == "https://univ-lyon.example.fr/passerelle");
}

}  // namespace
}  // namespace passerelle
