// Passerelle tests — RDFC-1.0: unit cases and the full W3C conformance suite.
#include "formats/rdf/canonicalize.h"

#include <algorithm>
#include <chrono>
#include <iostream>
#include <map>
#include <random>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "formats/rdf/dataset.h"
#include "tests/testing/paths.h"

namespace passerelle::rdf {
namespace {

const std::filesystem::path kSuiteDir = testing::VectorsDir() / "rdf-canon";

Dataset MustParse(std::string_view text) {
  auto r = ParseNQuads(text);
  INFO(r.status().ToString());
  REQUIRE(r.ok());
  return *std::move(r);
}

std::string MustCanonicalize(const Dataset& d, const CanonicalizeOptions& o = {}) {
  auto r = Canonicalize(d, o);
  INFO(r.status().ToString());
  REQUIRE(r.ok());
  return r->nquads;
}

TEST_CASE("empty and blank-node-free datasets", "[rdfc]") {
  auto empty = Canonicalize({});
  REQUIRE(empty.ok());
  CHECK(empty->nquads.empty());
  CHECK(empty->issued.empty());
  // Lines come out sorted by code point; U+00E9 (C3 A9) sorts after 'z'.
  CHECK(MustCanonicalize(MustParse("<urn:s> <urn:p> \"\xC3\xA9\" .\n<urn:s> <urn:p> \"z\" .\n")) ==
        "<urn:s> <urn:p> \"z\" .\n<urn:s> <urn:p> \"\xC3\xA9\" .\n");
}

TEST_CASE("duplicate quads are removed", "[rdfc]") {
  const Dataset d = MustParse(
      "_:x <urn:p> \"v\" .\n<urn:s> <urn:q> _:x .\n_:x <urn:p> \"v\" .\n"
      "_:x <urn:p> \"v\"^^<http://www.w3.org/2001/XMLSchema#string> .\n");
  REQUIRE(d.size() == 4);
  auto r = Canonicalize(d);
  REQUIRE(r.ok());
  CHECK(r->nquads == "<urn:s> <urn:q> _:c14n0 .\n_:c14n0 <urn:p> \"v\" .\n");
  CHECK(r->issued == std::map<std::string, std::string>{{"x", "c14n0"}});
}

TEST_CASE("output does not depend on labels or quad order", "[rdfc]") {
  // A double circle of 3 (test024): needs Hash N-Degree Quads.
  const std::string text = testing::ReadFile(kSuiteDir / "rdfc10" / "test024-in.nq");
  const std::string expected = MustCanonicalize(MustParse(text));
  Dataset d = MustParse(text);
  std::mt19937 rng(7);
  for (int round = 0; round < 20; ++round) {
    std::shuffle(d.begin(), d.end(), rng);
    for (Quad& q : d) {
      for (Term* t : {&q.subject, &q.object, &q.graph}) {
        if (t->kind == TermKind::kBlankNode) t->value = "n" + std::to_string(round) + t->value;
      }
    }
    CHECK(MustCanonicalize(d) == expected);
  }
}

TEST_CASE("SHA-384 is selectable and changes the labelling", "[rdfc]") {
  // test020 and test075 share one input; only the hash algorithm differs.
  const Dataset d = MustParse(testing::ReadFile(kSuiteDir / "rdfc10" / "test075-in.nq"));
  CanonicalizeOptions sha384;
  sha384.hash = HashAlgorithm::kSha384;
  const std::string with384 = MustCanonicalize(d, sha384);
  const std::string with256 = MustCanonicalize(d);
  CHECK(with384 != with256);
  CHECK(with384 == testing::ReadFile(kSuiteDir / "rdfc10" / "test075-rdfc10.nq"));
  CHECK(with256 == testing::ReadFile(kSuiteDir / "rdfc10" / "test020-rdfc10.nq"));
}

TEST_CASE("non-RDF quads are rejected", "[rdfc]") {
  Quad q{Term::Iri("urn:s"), Term::Blank("p"), Term::Iri("urn:o"), Term::DefaultGraph()};
  CHECK(Canonicalize({q}).status().code() == Code::kInvalidArgument);
  q.predicate = Term::Iri("urn:p");
  q.subject = Term::Literal("s");
  CHECK(Canonicalize({q}).status().code() == Code::kInvalidArgument);
  q.subject = Term::Iri("urn:s");
  q.graph = Term::Literal("g");
  CHECK(Canonicalize({q}).status().code() == Code::kInvalidArgument);
  q.graph = Term::DefaultGraph();
  q.object = Term::DefaultGraph();
  CHECK(Canonicalize({q}).status().code() == Code::kInvalidArgument);
}

TEST_CASE("the work bound fails fast on a poison graph", "[rdfc]") {
  const Dataset d = MustParse(testing::ReadFile(kSuiteDir / "rdfc10" / "test074-in.nq"));
  const auto start = std::chrono::steady_clock::now();
  auto r = Canonicalize(d);
  const auto elapsed = std::chrono::steady_clock::now() - start;
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().code() == Code::kResourceExhausted);
  CHECK(elapsed < std::chrono::seconds(2));

  // A tiny limit stops even an ordinary N-degree case; a sufficient one passes.
  const Dataset circle = MustParse(testing::ReadFile(kSuiteDir / "rdfc10" / "test021-in.nq"));
  CanonicalizeOptions o;
  o.max_hash_n_degree_calls = 1;
  CHECK(Canonicalize(circle, o).status().code() == Code::kResourceExhausted);
  o.max_hash_n_degree_calls = 100;
  CHECK(Canonicalize(circle, o).ok());
}

// --- the W3C RDFC-1.0 test suite (tests/vectors/rdf-canon/manifest.jsonld) ---

std::string Str(const nlohmann::json& j, const char* key) {
  const auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// Runs one manifest entry; returns an empty string on pass, else why it failed.
std::string RunEntry(const nlohmann::json& entry) {
  const std::string type = Str(entry, "type");
  const std::string input = testing::ReadFile(kSuiteDir / Str(entry, "action"));
  CanonicalizeOptions options;
  const std::string algorithm = Str(entry, "hashAlgorithm");
  if (algorithm == "SHA384") {
    options.hash = HashAlgorithm::kSha384;
  } else if (!algorithm.empty() && algorithm != "SHA256") {
    return "unknown hashAlgorithm " + algorithm;
  }
  auto dataset = ParseNQuads(input);
  if (!dataset.ok()) return "parse: " + dataset.status().ToString();
  auto result = Canonicalize(*dataset, options);

  if (type == "rdfc:RDFC10NegativeEvalTest") {
    if (result.ok()) return "expected an error, got success";
    if (result.status().code() != Code::kResourceExhausted) {
      return "expected resource_exhausted, got " + result.status().ToString();
    }
    return {};
  }
  if (!result.ok()) return result.status().ToString();
  const std::string expected = testing::ReadFile(kSuiteDir / Str(entry, "result"));
  if (type == "rdfc:RDFC10EvalTest") {
    return result->nquads == expected ? std::string() : "got:\n" + result->nquads;
  }
  if (type == "rdfc:RDFC10MapTest") {
    const auto want = nlohmann::json::parse(expected, nullptr, /*allow_exceptions=*/false);
    if (!want.is_object()) return "bad expected map";
    std::map<std::string, std::string> want_map;
    for (const auto& [k, v] : want.items()) {
      if (!v.is_string()) return "bad expected map";
      want_map[k] = v.get<std::string>();
    }
    if (result->issued == want_map) return {};
    return "got map " + nlohmann::json(result->issued).dump();
  }
  return "unknown test type " + type;
}

TEST_CASE("W3C RDFC-1.0 conformance suite", "[rdfc][conformance]") {
  const auto manifest = nlohmann::json::parse(testing::ReadFile(kSuiteDir / "manifest.jsonld"),
                                              nullptr, /*allow_exceptions=*/false);
  REQUIRE(manifest.is_object());
  REQUIRE(manifest.contains("entries"));
  const auto& entries = manifest["entries"];
  REQUIRE(entries.is_array());

  std::size_t run = 0, passed = 0;
  std::map<std::string, int> by_type;
  std::vector<std::string> failed;
  for (const auto& entry : entries) {
    const std::string id = Str(entry, "id");
    ++run;
    ++by_type[Str(entry, "type")];
    const std::string why = RunEntry(entry);
    if (why.empty()) {
      ++passed;
    } else {
      failed.push_back(id);
      UNSCOPED_INFO(id << " failed: " << why);
    }
  }
  std::cout << "rdfc-1.0 conformance: " << passed << "/" << run << " passed (";
  for (const auto& [type, count] : by_type) std::cout << " " << type << "=" << count;
  std::cout << " )\n";
  for (const std::string& id : failed) std::cout << "  FAILED " << id << "\n";

  CHECK(failed.empty());
  REQUIRE(run == entries.size());
  REQUIRE(entries.size() == 86);  // 64 eval + 21 map + 1 negative, as pinned in UPSTREAM.md
  REQUIRE(passed == 86);
}

}  // namespace
}  // namespace passerelle::rdf
