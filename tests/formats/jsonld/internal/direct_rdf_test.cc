// Passerelle tests — the direct JSON-LD to RDF path (formats/jsonld/internal/
// direct_rdf.h) against the general algorithm.
//
// Its contract: whenever it accepts a document, the general ToRdf succeeds
// on it too and both datasets have the same canonical N-Quads; it declines
// every document the general algorithm rejects. Checked differentially on
// every input of the W3C expand and toRdf suites and on every JSON file of
// the credential vectors, in safe mode and out of it.
#include <filesystem>
#include <functional>
#include <iostream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "formats/jsonld/document_loader.h"
#include "formats/jsonld/internal/direct_rdf.h"
#include "formats/jsonld/to_rdf.h"
#include "formats/rdf/canonicalize.h"
#include "tests/formats/jsonld/jsonld_test_support.h"
#include "tests/testing/paths.h"

namespace passerelle::jsonld::testing {
namespace {

struct Tally {
  int documents = 0;
  int accepted = 0;
  std::vector<std::string> failures;
};

// Runs both paths on `input`; records a failure when the direct path
// accepts a document the general one rejects or canonicalises differently.
void Compare(const std::string& what, const json& input, const JsonLdOptions& options,
             Tally& tally) {
  ++tally.documents;
  rdf::QuadArena arena;
  if (!internal::DirectToRdf(input, options, arena)) return;
  ++tally.accepted;
  auto direct = rdf::CanonicalizeToNQuads(std::move(arena));
  auto general = ToRdf(input, options);
  if (!general.ok()) {
    tally.failures.push_back(what + ": accepted, but ToRdf fails: " + general.status().ToString());
    return;
  }
  auto canonical = rdf::Canonicalize(*general);
  if (canonical.ok() != direct.ok() ||
      (canonical.ok() && canonical->nquads != *direct) ||
      (!canonical.ok() && canonical.status().code() != direct.status().code())) {
    tally.failures.push_back(what + ": datasets differ\n--- direct\n" +
                             (direct.ok() ? *direct : direct.status().ToString()) +
                             "--- general\n" +
                             (canonical.ok() ? canonical->nquads : canonical.status().ToString()));
  }
}

void Report(const char* name, const Tally& tally) {
  std::cout << name << ": direct path accepted " << tally.accepted << " of " << tally.documents
            << " runs, " << tally.failures.size() << " disagreements\n";
  for (const std::string& f : tally.failures) std::cout << "  DISAGREE " << f << "\n";
}

void RunSuite(const std::string& manifest, Tally& tally) {
  SuiteLoader loader;
  for (const SuiteTest& t : ReadManifest(manifest)) {
    if (t.option.value("specVersion", "") == "json-ld-1.0") continue;
    json input = ReadJsonFile(SuiteDir() / t.input);
    if (input.is_discarded()) continue;
    JsonLdOptions o;
    o.loader = &loader;
    o.document_url = std::string(kSuiteBase) + t.input;
    if (t.option.contains("base")) o.base = t.option["base"].get<std::string>();
    if (t.option.contains("processingMode")) {
      o.processing_mode = t.option["processingMode"].get<std::string>();
    }
    if (t.option.contains("expandContext")) {
      o.expand_context = std::make_shared<const json>(
          ReadJsonFile(SuiteDir() / t.option["expandContext"].get<std::string>()));
    }
    if (t.option.contains("rdfDirection")) {
      o.rdf_direction = t.option["rdfDirection"].get<std::string>();
    }
    for (bool safe : {false, true}) {
      o.safe_mode = safe;
      Compare(t.id + (safe ? " (safe)" : ""), input, o, tally);
    }
  }
}

TEST_CASE("direct toRdf agrees with the general algorithm on the W3C suites", "[jsonld]") {
  Tally tally;
  RunSuite("toRdf-manifest.jsonld", tally);
  RunSuite("expand-manifest.jsonld", tally);
  Report("W3C suites", tally);
  CHECK(tally.failures.empty());
  REQUIRE(tally.documents > 1600);
  // Enough of the suites' inputs fall in the direct path's subset for the
  // comparison to mean something (616 of 1664 when this test was written).
  CHECK(tally.accepted >= 500);
}

TEST_CASE("direct toRdf agrees with the general algorithm on credential vectors", "[jsonld]") {
  Tally tally;
  const auto root = passerelle::testing::VectorsDir();
  for (const char* folder : {"vc-di-eddsa", "vc-dm2-test-suite-inputs", "third-party", "elm-samples"}) {
    for (const auto& entry : std::filesystem::recursive_directory_iterator(root / folder)) {
      const std::string ext = entry.path().extension().string();
      if (!entry.is_regular_file() || (ext != ".json" && ext != ".jsonld")) continue;
      json doc = json::parse(passerelle::testing::ReadFile(entry.path()), nullptr, false);
      if (doc.is_discarded()) continue;
      std::vector<json> inputs = {doc};
      if (doc.is_object() && doc.contains("proof")) {
        // The document without its proof, and the proof configuration.
        json unsecured = doc;
        unsecured.erase("proof");
        inputs.push_back(unsecured);
        if (doc["proof"].is_object() && doc.contains("@context")) {
          json config = doc["proof"];
          config.erase("proofValue");
          config["@context"] = doc["@context"];
          inputs.push_back(config);
        }
      }
      for (const json& input : inputs) {
        for (bool safe : {false, true}) {
          JsonLdOptions o;
          o.safe_mode = safe;
          Compare(entry.path().string() + (safe ? " (safe)" : ""), input, o, tally);
        }
      }
    }
  }
  Report("credential vectors", tally);
  CHECK(tally.failures.empty());
  CHECK(tally.accepted >= 800);  // 870 of 1022 when written
}

TEST_CASE("direct toRdf: nodes without statements take no canonical label", "[jsonld]") {
  // The empty proof graph's node and the typeless empty node have no quad:
  // they must not shift the labels of the blank nodes that do.
  const json doc = json::parse(R"({
    "@context": ["https://www.w3.org/ns/credentials/v2",
                 "https://www.w3.org/ns/credentials/examples/v2"],
    "id": "urn:a", "type": "VerifiableCredential", "proof": {},
    "credentialSubject": {"name": "x", "knows": {"name": "y"}, "other": {}}})");
  Tally tally;
  JsonLdOptions o;
  o.safe_mode = true;
  Compare("empty nodes", doc, o, tally);
  Report("empty nodes", tally);
  CHECK(tally.accepted == 1);
  CHECK(tally.failures.empty());
}

// Random edits of credentials (keywords, undefined terms, wrong types,
// relative and ill-formed IRIs, bad language tags, nesting): whatever the
// direct path accepts, the general algorithm must agree with.
TEST_CASE("direct toRdf agrees with the general algorithm on mutated credentials", "[jsonld]") {
  const char* keys[] = {"@id", "@type", "@value", "@language", "@direction", "@index", "@list",
                        "@set", "@graph", "@context", "@reverse", "@included", "@nest", "@json",
                        "@none", "id", "type", "name", "description", "credentialSubject",
                        "issuer", "validFrom", "proof", "verifiableCredential", "cryptosuite",
                        "proofPurpose", "verificationMethod", "created", "undefinedTerm",
                        "schema:name", "http://example.org/p", "_:b0"};
  const char* strings[] = {"", "en", "EN-us", "not a tag", "ltr", "x", "did:example:1",
                           "http://example.org/a b", "http://example.org/#a#b", "_:b0", "_:",
                           "@id", "@foo", "relative", "VerifiableCredential",
                           "DataIntegrityProof", "assertionMethod", "xsd:date", "@json",
                           "\"quoted\"\n\\", "https://www.w3.org/ns/credentials/v2"};
  std::uint64_t state = 20261123;
  const auto next = [&state] {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<std::size_t>(state >> 33);
  };
  const auto scalar = [&]() -> json {
    switch (next() % 6) {
      case 0: return nullptr;
      case 1: return next() % 2 == 0;
      case 2: return static_cast<int>(next() % 100) - 50;
      case 3: return static_cast<double>(next() % 1000) / 7.0;
      default: return strings[next() % std::size(strings)];
    }
  };
  std::function<json(int)> value = [&](int depth) -> json {
    if (depth > 3 || next() % 3 == 0) return scalar();
    json v = next() % 3 == 0 ? json::array() : json::object();
    for (std::size_t i = 0, n = next() % 3; i < n; ++i) {
      if (v.is_array()) {
        v.push_back(value(depth + 1));
      } else {
        v[keys[next() % std::size(keys)]] = value(depth + 1);
      }
    }
    return v;
  };
  std::function<void(json&, int)> mutate = [&](json& j, int depth) {
    if (j.is_object() && !j.empty()) {
      auto it = j.begin();
      std::advance(it, static_cast<std::ptrdiff_t>(next() % j.size()));
      switch (next() % 4) {
        case 0: it.value() = value(depth); break;
        case 1: j[keys[next() % std::size(keys)]] = value(depth); break;
        case 2: j.erase(it); break;
        default: mutate(it.value(), depth + 1); break;
      }
    } else if (j.is_array() && !j.empty()) {
      mutate(j[next() % j.size()], depth + 1);
    } else {
      j = value(depth);
    }
  };
  auto dir = passerelle::testing::VectorsDir() / "vc-di-eddsa" / "TestVectors";
  std::vector<json> seeds;
  for (const char* file : {"unsigned.json", "employmentAuth.json",
                           "eddsa-rdfc-2022/proofConfigDataInt.json",
                           "eddsa-rdfc-2022/signedDataInt.json"}) {
    seeds.push_back(json::parse(passerelle::testing::ReadFile(dir / file)));
  }
  // An Open Badge with list containers, value objects and embedded credentials.
  seeds.push_back(json::parse(passerelle::testing::ReadFile(
      passerelle::testing::VectorsDir() / "third-party" / "1edtech-validator" / "ob30" /
      "complete.json")));
  Tally tally;
  for (int i = 0; i < 30000; ++i) {
    json doc = seeds[next() % seeds.size()];
    for (std::size_t m = 0, n = 1 + next() % 4; m < n; ++m) mutate(doc, 0);
    JsonLdOptions o;
    o.safe_mode = next() % 2 == 0;
    Compare("mutation " + std::to_string(i) + ": " + doc.dump(), doc, o, tally);
  }
  Report("mutated credentials", tally);
  CHECK(tally.failures.empty());
  CHECK(tally.accepted >= 5000);
}

TEST_CASE("direct toRdf takes the vc-di-eddsa documents and proof configurations", "[jsonld]") {
  auto dir = passerelle::testing::VectorsDir() / "vc-di-eddsa" / "TestVectors";
  for (const char* file : {"unsigned.json", "employmentAuth.json",
                           "eddsa-rdfc-2022/proofConfigDataInt.json",
                           "eddsa-rdfc-2022/employ/proofConfigDataInt.json"}) {
    INFO(file);
    json input = json::parse(passerelle::testing::ReadFile(dir / file));
    JsonLdOptions o;
    o.safe_mode = true;
    rdf::QuadArena arena;
    CHECK(internal::DirectToRdf(input, o, arena));
  }
}

TEST_CASE("direct toRdf declines what it leaves to the general algorithm", "[jsonld]") {
  const json ctx = {"https://www.w3.org/ns/credentials/v2",
                    "https://www.w3.org/ns/credentials/examples/v2"};
  const auto declines = [&](json doc, JsonLdOptions o = {}) {
    o.safe_mode = true;
    rdf::QuadArena arena;
    return !internal::DirectToRdf(doc, o, arena);
  };
  const json ok = {{"@context", ctx}, {"id", "urn:a"}, {"name", "x"}};
  CHECK_FALSE(declines(ok));
  json doc = ok;
  doc["undefinedTerm"] = 1;  // fine under examples/v2's @vocab
  CHECK_FALSE(declines(doc));
  doc["@context"] = json::array({ctx[0]});
  CHECK(declines(doc));  // credentials/v2 alone has no @vocab: an undefined term
  doc = ok;
  doc["name"] = {{"@value", "x"}, {"@language", "en"}, {"@direction", "rtl"}};
  CHECK_FALSE(declines(doc));  // a value object
  doc["name"] = {{"@value", nullptr}};
  CHECK(declines(doc));  // safe mode: a null @value
  doc["name"] = {{"@value", "x"}, {"@language", "not a tag"}};
  CHECK(declines(doc));
  doc["name"] = {{"@value", "x"}, {"@type", "@json"}};
  CHECK(declines(doc));  // JSON literals go through the general algorithm
  doc["name"] = {{"@value", 1}, {"@language", "en"}};
  CHECK(declines(doc));  // "invalid language-tagged value"
  doc = ok;
  doc["name"] = {{"@list", {"x"}}};
  CHECK(declines(doc));
  doc = ok;
  doc["id"] = "relative";
  CHECK(declines(doc));
  doc = ok;
  doc["@graph"] = json::array();
  CHECK(declines(doc));
  doc = ok;
  doc["type"] = {{"a", 1}};  // invalid type value
  CHECK(declines(doc));
  CHECK(declines(json{{"@context", ctx}, {"id", "urn:a"}}));  // a lone @id
  CHECK(declines(json{{"@context", ctx}}));                   // an empty node
  CHECK(declines(json{{"@context", ctx}, {"id", "urn:a b"}, {"name", "x"}}));  // ill-formed IRI
  // A presentation: the credential goes into a graph of its own.
  const json vp = {{"@context", {ctx[0]}},
                   {"type", "VerifiablePresentation"},
                   {"verifiableCredential",
                    {{"@context", ctx},
                     {"type", "VerifiableCredential"},
                     {"issuer", "did:example:issuer"},
                     {"credentialSubject", {{"id", "did:example:subject"}, {"name", "x"}}}}}};
  CHECK_FALSE(declines(vp));
  // An Open Badge result description: a list container.
  CHECK_FALSE(declines(json::parse(R"({
    "@context": ["https://www.w3.org/ns/credentials/v2",
                 "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
    "id": "urn:a", "type": "ResultDescription", "allowedValue": ["D", ["C"], [], "B"]})")));
  doc = vp;
  doc["verifiableCredential"] = "did:example:vc";  // a value in a graph: dropped by toRdf
  CHECK(declines(doc));
  JsonLdOptions o10;
  o10.processing_mode = "json-ld-1.0";
  CHECK(declines(ok, o10));
  JsonLdOptions dir;
  dir.rdf_direction = "i18n-datatype";
  CHECK(declines(ok, dir));
  JsonLdOptions shallow;
  shallow.max_depth = 1;
  CHECK(declines(json{{"@context", ctx}, {"id", "urn:a"}, {"name", {{"id", "urn:b"}}}}, shallow));
}

}  // namespace
}  // namespace passerelle::jsonld::testing
