// Passerelle tests — hostile JSON-LD input: deep nesting, huge arrays,
// cyclic and exploding contexts and random keyword soup end in a Status,
// never a crash, a hang or an exception.
#include <chrono>
#include <map>
#include <random>
#include <string>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "formats/jsonld/document_loader.h"
#include "formats/jsonld/expand.h"
#include "formats/jsonld/to_rdf.h"

namespace passerelle::jsonld {
namespace {

using nlohmann::json;

// Serves a fixed set of documents by URL.
class MapLoader final : public DocumentLoader {
 public:
  explicit MapLoader(std::map<std::string, json> docs) : docs_(std::move(docs)) {}
  Result<std::shared_ptr<const json>> Load(std::string_view url) const override {
    auto it = docs_.find(std::string(url));
    if (it == docs_.end()) return Status::NotFound("no document at " + std::string(url));
    return std::make_shared<const json>(it->second);
  }

 private:
  std::map<std::string, json> docs_;
};

json Nest(int depth, bool objects) {
  std::string text;
  for (int i = 0; i < depth; ++i) text += objects ? "{\"http://ex.org/p\":" : "[";
  text += "1";
  for (int i = 0; i < depth; ++i) text += objects ? "}" : "]";
  return json::parse(text);
}

TEST_CASE("deeply nested input is refused, not recursed into", "[jsonld]") {
  for (bool objects : {false, true}) {
    json doc = Nest(100000, objects);
    auto r = ToRdf(doc, JsonLdOptions());
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().code() == Code::kResourceExhausted);
  }
  // Within the bound, nesting works.
  auto ok = ToRdf(Nest(30, true), JsonLdOptions());
  REQUIRE(ok.ok());
  CHECK(ok->size() == 30);
}

TEST_CASE("huge arrays are processed in linear time", "[jsonld]") {
  json values = json::array();
  for (int i = 0; i < 100000; ++i) values.push_back(i % 2 == 0 ? json(i) : json("same"));
  json doc = {{"@id", "http://ex.org/s"}, {"http://ex.org/p", values}};
  auto start = std::chrono::steady_clock::now();
  auto r = ToRdf(doc, JsonLdOptions());
  auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  REQUIRE(r.ok());
  CHECK(r->size() == 50001);  // 50,000 distinct integers and one "same"
  CHECK(seconds < 10.0);
}

TEST_CASE("cyclic remote contexts are detected", "[jsonld]") {
  MapLoader loader({
      {"https://ex.org/a", {{"@context", {"https://ex.org/b", {{"x", "http://ex.org/x"}}}}}},
      {"https://ex.org/b", {{"@context", "https://ex.org/a"}}},
      {"https://ex.org/self", {{"@context", {{"@context", "https://ex.org/self"}}}}},
  });
  JsonLdOptions options;
  options.loader = &loader;
  auto r = Expand(json{{"@context", "https://ex.org/a"}, {"x", 1}}, options);
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().message().rfind("recursive context inclusion", 0) == 0);
  // A context that re-imports itself through @import is refused too.
  MapLoader importing({
      {"https://ex.org/i", {{"@context", {{"@import", "https://ex.org/i"}}}}},
  });
  options.loader = &importing;
  auto i = Expand(json{{"@context", {{"@import", "https://ex.org/i"}}}, {"@id", "urn:x"}},
                  options);
  REQUIRE_FALSE(i.ok());
  CHECK(i.status().message().rfind("invalid context entry", 0) == 0);
}

TEST_CASE("a long chain of remote contexts hits the bound", "[jsonld]") {
  std::map<std::string, json> docs;
  for (int i = 0; i < 100; ++i) {
    docs["https://ex.org/c" + std::to_string(i)] = {
        {"@context", "https://ex.org/c" + std::to_string(i + 1)}};
  }
  docs["https://ex.org/c100"] = {{"@context", {{"@vocab", "http://ex.org/"}}}};
  MapLoader loader(docs);
  JsonLdOptions options;
  options.loader = &loader;
  auto r = Expand(json{{"@context", "https://ex.org/c0"}, {"p", 1}}, options);
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().code() == Code::kResourceExhausted);
  CHECK(r.status().message().rfind("context overflow", 0) == 0);
}

TEST_CASE("context processing work is bounded", "[jsonld]") {
  // Many type-scoped contexts, each re-applied on every node.
  json context = json::object();
  json types = json::array();
  for (int i = 0; i < 200; ++i) {
    std::string t = "T" + std::to_string(i);
    context[t] = {{"@id", "http://ex.org/" + t},
                  {"@context", {{"p" + std::to_string(i), "http://ex.org/p"}}}};
    types.push_back(t);
  }
  json nodes = json::array();
  for (int i = 0; i < 50; ++i) nodes.push_back({{"@type", types}, {"@id", "urn:n" + std::to_string(i)}});
  json doc = {{"@context", context}, {"@graph", nodes}};
  JsonLdOptions options;
  options.max_context_operations = 5000;
  auto r = Expand(doc, options);
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().code() == Code::kResourceExhausted);
}

TEST_CASE("contexts that are not bundled are refused by URL", "[jsonld]") {
  json doc = {{"@context", "https://evil.example/context.jsonld"}, {"@id", "urn:x"}};
  auto r = Expand(doc, JsonLdOptions());
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().code() == Code::kUnsupported);
  CHECK(r.status().message().find("https://evil.example/context.jsonld") != std::string::npos);
}

TEST_CASE("odd top-level values do not crash", "[jsonld]") {
  for (const char* text : {"null", "1", "\"s\"", "true", "[]", "{}", "[[[]]]", "[null, 1, {}]",
                           "{\"@context\": 5}", "{\"@context\": [null, null]}",
                           "{\"@id\": 5}", "{\"@type\": {}}", "{\"@graph\": 5}",
                           "{\"@value\": {}}", "{\"@list\": [1]}", "{\"@reverse\": 1}"}) {
    INFO(text);
    json doc = json::parse(text);
    auto e = Expand(doc, JsonLdOptions());
    auto r = ToRdf(doc, JsonLdOptions());
    if (!e.ok()) CHECK(e.status().code() != Code::kInternal);
    if (!r.ok()) CHECK(r.status().code() != Code::kInternal);
  }
}

// Random documents built from keywords, aliases and odd values.
json RandomValue(std::mt19937& rng, int depth) {
  static const char* kKeys[] = {"@context", "@id", "@type", "@value", "@language", "@list",
                                "@set", "@graph", "@reverse", "@index", "@nest", "@included",
                                "@direction", "@json", "@none", "@vocab", "@base", "@container",
                                "@protected", "@propagate", "@import", "@version", "a", "b",
                                "_:b", "ex:p", "http://ex.org/p", "@prefix"};
  static const char* kStrings[] = {"@id", "@vocab", "@json", "@list", "@set", "@graph",
                                   "@index", "@type", "@language", "ltr", "en", "a", "b",
                                   "_:x", "ex:", "http://ex.org/", "1.1", ""};
  int kind = static_cast<int>(rng() % (depth > 4 ? 5 : 8));
  switch (kind) {
    case 0: return nullptr;
    case 1: return static_cast<int>(rng() % 3);
    case 2: return rng() % 2 == 0;
    case 3: return 1.1;
    case 4: return kStrings[rng() % (sizeof(kStrings) / sizeof(kStrings[0]))];
    case 5: {
      json a = json::array();
      for (int i = rng() % 3; i > 0; --i) a.push_back(RandomValue(rng, depth + 1));
      return a;
    }
    default: {
      json o = json::object();
      for (int i = rng() % 4; i > 0; --i) {
        o[kKeys[rng() % (sizeof(kKeys) / sizeof(kKeys[0]))]] = RandomValue(rng, depth + 1);
      }
      return o;
    }
  }
}

TEST_CASE("random keyword soup never throws or reports an internal error", "[jsonld]") {
  std::mt19937 rng(20261123);
  int errors = 0;
  for (int i = 0; i < 3000; ++i) {
    json doc = RandomValue(rng, 0);
    for (bool safe : {false, true}) {
      JsonLdOptions options;
      options.safe_mode = safe;
      auto r = ToRdf(doc, options);
      if (!r.ok()) {
        ++errors;
        INFO(doc.dump());
        REQUIRE(r.status().code() != Code::kInternal);
      }
    }
  }
  CHECK(errors > 0);  // the generator does reach error paths
}

}  // namespace
}  // namespace passerelle::jsonld
