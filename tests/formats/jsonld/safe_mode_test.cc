// Passerelle tests — JSON-LD safe mode: what the algorithms would silently
// drop or leave relative is an error (kInvalidCredential) naming the term
// and its JSON path; the same documents pass without safe mode.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "formats/jsonld/expand.h"
#include "formats/jsonld/to_rdf.h"

namespace passerelle::jsonld {
namespace {

using nlohmann::json;

JsonLdOptions Safe() {
  JsonLdOptions o;
  o.safe_mode = true;
  return o;
}

json Credential(json context, json subject) {
  return json{{"@context", std::move(context)},
              {"id", "urn:uuid:58172aac-d8ba-11ed-83dd-0b3aef56cc33"},
              {"type", {"VerifiableCredential"}},
              {"issuer", "https://vc.example/issuers/5678"},
              {"validFrom", "2023-01-01T00:00:00Z"},
              {"credentialSubject", std::move(subject)}};
}

bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

TEST_CASE("safe mode: an undefined term under a context with @vocab is kept", "[jsonld]") {
  // credentials/v2 itself has no @vocab (the final REC removed it); the
  // examples/v2 context supplies one, so undefined terms map into it.
  json vc = Credential({"https://www.w3.org/ns/credentials/v2",
                        "https://www.w3.org/ns/credentials/examples/v2"},
                       {{"id", "did:example:abc"}, {"favouriteColour", "green"}});
  auto expanded = Expand(vc, Safe());
  REQUIRE(expanded.ok());
  const json& subject =
      (*expanded)[0]["https://www.w3.org/2018/credentials#credentialSubject"][0];
  CHECK(subject.contains("https://www.w3.org/ns/credentials/examples#favouriteColour"));
  CHECK(ToRdf(vc, Safe()).ok());
}

TEST_CASE("safe mode: an undefined term under credentials/v2 alone is an error", "[jsonld]") {
  json vc = Credential({"https://www.w3.org/ns/credentials/v2"},
                       {{"id", "did:example:abc"}, {"favouriteColour", "green"}});
  auto expanded = Expand(vc, Safe());
  REQUIRE_FALSE(expanded.ok());
  CHECK(expanded.status().code() == Code::kInvalidCredential);
  CHECK(Contains(expanded.status().message(), "invalid property"));
  CHECK(Contains(expanded.status().message(), "\"favouriteColour\""));
  CHECK(Contains(expanded.status().message(), "/credentialSubject/favouriteColour"));
}

TEST_CASE("safe mode: an undefined term under credentials/v1 is an error", "[jsonld]") {
  json vc = {{"@context", {"https://www.w3.org/2018/credentials/v1"}},
             {"type", {"VerifiableCredential"}},
             {"issuer", "did:example:issuer"},
             {"issuanceDate", "2020-01-01T00:00:00Z"},
             {"credentialSubject", {{"id", "did:example:abc"}, {"degree", "BSc"}}}};
  // Without safe mode the term is silently dropped ...
  auto lenient = Expand(vc, JsonLdOptions());
  REQUIRE(lenient.ok());
  const json& subject =
      (*lenient)[0]["https://www.w3.org/2018/credentials#credentialSubject"][0];
  CHECK(subject.size() == 1);  // only @id survives
  // ... which safe mode refuses, naming the term and where it is.
  auto safe = ToRdf(vc, Safe());
  REQUIRE_FALSE(safe.ok());
  CHECK(safe.status().code() == Code::kInvalidCredential);
  CHECK(Contains(safe.status().message(), "\"degree\""));
  CHECK(Contains(safe.status().message(), "/credentialSubject/degree"));
}

TEST_CASE("safe mode: an undefined type is an error", "[jsonld]") {
  json vc = Credential({"https://www.w3.org/ns/credentials/v2"}, {{"id", "did:example:abc"}});
  vc["type"] = {"VerifiableCredential", "DiplomaCredential"};
  CHECK(Expand(vc, JsonLdOptions()).ok());
  auto r = Expand(vc, Safe());
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().code() == Code::kInvalidCredential);
  CHECK(Contains(r.status().message(), "relative @type reference"));
  CHECK(Contains(r.status().message(), "DiplomaCredential"));
  CHECK(Contains(r.status().message(), "/type"));
}

TEST_CASE("safe mode: a relative @id without a base is an error", "[jsonld]") {
  json vc = Credential({"https://www.w3.org/ns/credentials/v2"}, {{"id", "alice"}});
  auto r = Expand(vc, Safe());
  REQUIRE_FALSE(r.ok());
  CHECK(Contains(r.status().message(), "relative @id reference"));
  CHECK(Contains(r.status().message(), "/credentialSubject/id"));
  // With a base IRI the reference resolves and is accepted.
  JsonLdOptions with_base = Safe();
  with_base.base = "https://university.example/students/";
  auto resolved = Expand(vc, with_base);
  REQUIRE(resolved.ok());
  CHECK((*resolved)[0]["https://www.w3.org/2018/credentials#credentialSubject"][0]["@id"] ==
        "https://university.example/students/alice");
  // The issuer, a string coerced to @id, is checked the same way.
  vc["credentialSubject"]["id"] = "did:example:abc";
  vc["issuer"] = "issuers/5678";
  auto issuer = Expand(vc, Safe());
  REQUIRE_FALSE(issuer.ok());
  CHECK(Contains(issuer.status().message(), "/issuer"));
}

TEST_CASE("safe mode: blank node predicates and bad language tags are errors", "[jsonld]") {
  json doc = {{"@context", {{"@vocab", "_:"}}}, {"@id", "urn:x"}, {"p", "v"}};
  CHECK(ToRdf(doc, JsonLdOptions()).ok());
  auto r = ToRdf(doc, Safe());
  REQUIRE_FALSE(r.ok());
  CHECK(Contains(r.status().message(), "blank node predicate"));

  json lang = {{"@id", "urn:x"},
               {"http://schema.org/name", {{"@value", "x"}, {"@language", "not a tag"}}}};
  CHECK(ToRdf(lang, JsonLdOptions()).ok());
  auto l = Expand(lang, Safe());
  REQUIRE_FALSE(l.ok());
  CHECK(Contains(l.status().message(), "invalid @language value"));
}

TEST_CASE("safe mode: free-floating values and nodes are errors", "[jsonld]") {
  json floating = {{"@context", {{"@vocab", "http://example.org/"}}},
                   {"@graph", {{{"@value", "orphan"}}}}};
  CHECK(Expand(floating, JsonLdOptions()).ok());
  CHECK_FALSE(Expand(floating, Safe()).ok());
  json empty = json::object();
  CHECK(Expand(empty, JsonLdOptions()).ok());
  CHECK_FALSE(Expand(empty, Safe()).ok());
}

TEST_CASE("safe mode accepts the spec test vectors unchanged", "[jsonld]") {
  json vc = Credential({"https://www.w3.org/ns/credentials/v2",
                        "https://www.w3.org/ns/credentials/examples/v2"},
                       {{"id", "did:example:abcdefgh"}, {"alumniOf", "The School of Examples"}});
  auto r = ToRdf(vc, Safe());
  REQUIRE(r.ok());
  CHECK(r->size() == 5);  // type, issuer, validFrom, credentialSubject, alumniOf
}

}  // namespace
}  // namespace passerelle::jsonld
