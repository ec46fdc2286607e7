// Tests for formats/trust_list.h: the document round-trips, and every rule
// of docs/formats/trust-list.md is enforced with the member named.
#include "formats/trust_list.h"

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "formats/json.h"
#include "formats/jsonld/options.h"
#include "formats/jsonld/to_rdf.h"

namespace passerelle {
namespace {

using nlohmann::json;

json ValidList() {
  return json::parse(R"({
    "@context": ["https://www.w3.org/ns/credentials/v2", "https://w3id.org/passerelle/trust/v1"],
    "id": "https://authority.example.fr/trust/fr.json",
    "type": ["VerifiableCredential", "TrustListCredential"],
    "issuer": {"id": "did:web:authority.example.fr", "name": "Autorité", "country": "FR"},
    "validFrom": "2026-02-01T00:00:00Z",
    "validUntil": "2027-02-01T00:00:00Z",
    "credentialSubject": {
      "type": "TrustList",
      "trustedEntity": [{
        "id": "did:web:univ-lyon.example.fr",
        "type": "AccreditedIssuer",
        "name": "Université de Lyon",
        "country": "FR",
        "publicKey": [{
          "id": "did:web:univ-lyon.example.fr#key-1",
          "type": "Multikey",
          "controller": "did:web:univ-lyon.example.fr",
          "publicKeyMultibase": "z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK",
          "notBefore": "2026-01-01T00:00:00Z",
          "notAfter": "2028-01-01T00:00:00Z"
        }],
        "credentialKind": ["module", "certification"],
        "eqfLevel": ["http://data.europa.eu/snb/eqf/5", "http://data.europa.eu/snb/eqf/6"]
      }]
    }
  })");
}

TEST_CASE("trust list: a valid list is read whole", "[trust-list]") {
  auto list = ParseTrustList(ValidList());
  REQUIRE(list.ok());
  CHECK(list->issuer == "did:web:authority.example.fr");
  CHECK(list->id == "https://authority.example.fr/trust/fr.json");
  REQUIRE(list->entities.size() == 1);
  const TrustedEntity& e = list->entities[0];
  CHECK(e.role == TrustRole::kIssuer);
  CHECK(e.country == "FR");
  CHECK(e.name == "Université de Lyon");
  REQUIRE(e.keys.size() == 1);
  CHECK(e.keys[0].not_before == ParseDateTime("2026-01-01T00:00:00Z").value());
  CHECK(e.credential_kinds == std::vector<std::string>{"module", "certification"});
  CHECK(e.eqf_levels == std::vector<int>{5, 6});
}

TEST_CASE("trust list: built lists read back the same, and pass JSON-LD safe mode", "[trust-list]") {
  TrustList list = ParseTrustList(ValidList()).value();
  json again = TrustListToCredential(list, "Autorité", "FR");
  CHECK(again == ValidList());
  // Every term is defined: eddsa-rdfc-2022 can sign it.
  jsonld::JsonLdOptions safe;
  safe.safe_mode = true;
  auto rdf = jsonld::ToRdf(again, safe);
  INFO(rdf.status().message());
  CHECK(rdf.ok());
}

TEST_CASE("trust list: each broken rule is refused, naming the member", "[trust-list]") {
  struct Case {
    const char* pointer;
    json value;  // null: remove the member
    const char* named;
  };
  const Case cases[] = {
      {"/validUntil", nullptr, "/validUntil"},
      {"/credentialSubject/type", "Other", "/credentialSubject/type"},
      {"/credentialSubject/trustedEntity", json::array(), "/credentialSubject/trustedEntity"},
      {"/credentialSubject/trustedEntity/0/id", "https://not-a-did.example", "/trustedEntity/0/id"},
      {"/credentialSubject/trustedEntity/0/id", "did:web:x.example#frag", "/trustedEntity/0/id"},
      {"/credentialSubject/trustedEntity/0/type", "Issuer", "/trustedEntity/0/type"},
      {"/credentialSubject/trustedEntity/0/country", "fr", "/trustedEntity/0/country"},
      {"/credentialSubject/trustedEntity/0/publicKey", json::array(), "/publicKey"},
      {"/credentialSubject/trustedEntity/0/publicKey/0/id", "did:web:other.example#key-1", "/publicKey/0/id"},
      {"/credentialSubject/trustedEntity/0/publicKey/0/id", "did:web:univ-lyon.example.fr.evil#k", "/publicKey/0/id"},
      {"/credentialSubject/trustedEntity/0/publicKey/0/type", "JsonWebKey", "/publicKey/0/type"},
      {"/credentialSubject/trustedEntity/0/publicKey/0/controller", "did:web:other.example", "/controller"},
      {"/credentialSubject/trustedEntity/0/publicKey/0/publicKeyMultibase", "zDnae", "/publicKeyMultibase"},
      {"/credentialSubject/trustedEntity/0/publicKey/0/notAfter", "2025-01-01T00:00:00Z", "notAfter"},
      {"/credentialSubject/trustedEntity/0/credentialKind", json::array({"degree"}), "/credentialKind"},
      {"/credentialSubject/trustedEntity/0/eqfLevel", json::array({"http://data.europa.eu/snb/eqf/9"}), "/eqfLevel"},
      {"/credentialSubject/trustedEntity/0/eqfLevel", 5, "/eqfLevel"},
      {"/issuer/id", "https://authority.example.fr", "/issuer"},
      {"/@context/1", "https://w3id.org/passerelle/v1", "/@context"},
      {"/type/1", "OtherCredential", "/type"},
  };
  for (const auto& c : cases) {
    json list = ValidList();
    json::json_pointer p(c.pointer);
    if (c.value.is_null()) list[p.parent_pointer()].erase(p.back());
    else list[p] = c.value;
    auto parsed = ParseTrustList(list);
    INFO(c.pointer << " = " << c.value.dump());
    REQUIRE_FALSE(parsed.ok());
    CHECK(parsed.status().code() == Code::kInvalidCredential);
    CHECK_THAT(parsed.status().message(), Catch::Contains(c.named));
  }
}

TEST_CASE("trust list: no entity or key twice, no authority with an issuer's scope, no status", "[trust-list]") {
  json twice = ValidList();
  auto& entities = twice["credentialSubject"]["trustedEntity"];
  entities.push_back(entities[0]);
  CHECK_THAT(ParseTrustList(twice).status().message(), Catch::Contains("listed twice"));

  json key_twice = ValidList();
  auto& keys = key_twice["credentialSubject"]["trustedEntity"][0]["publicKey"];
  keys.push_back(keys[0]);
  CHECK_THAT(ParseTrustList(key_twice).status().message(), Catch::Contains("listed twice"));

  json authority = ValidList();
  authority["credentialSubject"]["trustedEntity"][0]["type"] = "TrustAuthority";
  CHECK_THAT(ParseTrustList(authority).status().message(), Catch::Contains("an authority's scope is its country"));

  json with_status = ValidList();
  with_status["credentialStatus"] = {{"id", "https://x.example/s#1"}, {"type", "BitstringStatusListEntry"}};
  CHECK_THAT(ParseTrustList(with_status).status().message(), Catch::Contains("credentialStatus"));
}

TEST_CASE("trust list: a signed statement cannot hide under another member name", "[trust-list]") {
  // With eddsa-rdfc-2022 the signature covers RDF: "pass:notAfter" or the
  // full IRI would sign the same statement as "notAfter" while a reader of
  // short names saw no window. Every member outside the format is refused.
  struct Case {
    const char* object;  // JSON Pointer of the object to add the member to
    const char* member;
  };
  const Case cases[] = {
      {"/credentialSubject/trustedEntity/0", "pass:notAfter"},
      {"/credentialSubject/trustedEntity/0", "https://w3id.org/passerelle/vocab#credentialKind"},
      {"/credentialSubject/trustedEntity/0", "@nest"},
      {"/credentialSubject/trustedEntity/0/publicKey/0", "pass:notAfter"},
      {"/credentialSubject", "@included"},
      {"", "@graph"},
      {"", "validUntilExtended"},
      {"/issuer", "pass:country"},
  };
  for (const auto& c : cases) {
    json list = ValidList();
    list[json::json_pointer(c.object)][c.member] = "2099-01-01T00:00:00Z";
    auto parsed = ParseTrustList(list);
    INFO(c.object << " + " << c.member);
    REQUIRE_FALSE(parsed.ok());
    CHECK_THAT(parsed.status().message(), Catch::Contains("not a member of a trust list"));
  }
  // Nor under other contexts: exactly the two.
  for (const json& ctx : {json::array({"https://www.w3.org/ns/credentials/v2", "https://w3id.org/passerelle/trust/v1",
                                       "https://w3id.org/passerelle/v1"}),
                          json::array({"https://www.w3.org/ns/credentials/v2",
                                       json{{"notAfter", "https://example.org/ignored"}},
                                       "https://w3id.org/passerelle/trust/v1"})}) {
    json list = ValidList();
    list["@context"] = ctx;
    CHECK_THAT(ParseTrustList(list).status().message(), Catch::Contains("/@context"));
  }
}

TEST_CASE("trust list: keys decode as Ed25519, and a did:key entity lists only its own key", "[trust-list]") {
  json bad_key = ValidList();
  bad_key["credentialSubject"]["trustedEntity"][0]["publicKey"][0]["publicKeyMultibase"] = "z6Mk0OIl";
  CHECK_THAT(ParseTrustList(bad_key).status().message(), Catch::Contains("publicKeyMultibase"));

  const std::string did = "did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2";
  json own = ValidList();
  auto& entity = own["credentialSubject"]["trustedEntity"][0];
  entity["id"] = did;
  entity["publicKey"][0]["id"] = did + "#" + did.substr(8);
  entity["publicKey"][0]["controller"] = did;
  entity["publicKey"][0]["publicKeyMultibase"] = did.substr(8);
  CHECK(ParseTrustList(own).ok());
  json other = own;
  other["credentialSubject"]["trustedEntity"][0]["publicKey"][0]["publicKeyMultibase"] =
      "z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK";
  CHECK_THAT(ParseTrustList(other).status().message(), Catch::Contains("its own"));
}

}  // namespace
}  // namespace passerelle
