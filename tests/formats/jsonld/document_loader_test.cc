// Passerelle tests — the bundled, hash-pinned document loader.
#include <set>
#include <thread>
#include <vector>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "formats/jsonld/document_loader.h"
#include "formats/jsonld/expand.h"
#include "tests/testing/paths.h"

namespace passerelle::jsonld {
namespace {

using nlohmann::json;

std::vector<std::string> IndexedUrls() {
  json index = json::parse(
      passerelle::testing::ReadFile(passerelle::testing::SourceDir() / "formats" / "contexts" /
                                    "index.json"));
  std::vector<std::string> urls;
  for (const json& c : index["contexts"]) urls.push_back(c["url"].get<std::string>());
  return urls;
}

TEST_CASE("every context in index.json is bundled and usable in safe mode", "[jsonld]") {
  std::vector<std::string> urls = IndexedUrls();
  REQUIRE(urls.size() >= 20);
  for (const std::string& url : urls) {
    INFO(url);
    auto doc = BundledLoader().Load(url);
    REQUIRE(doc.ok());
    REQUIRE((*doc)->is_object());
    CHECK((*doc)->contains("@context"));
    JsonLdOptions options;
    options.safe_mode = true;
    json node = {{"@context", url}, {"@id", "urn:uuid:1"}, {"@type", "https://example.org/T"}};
    auto expanded = Expand(node, options);
    CHECK(expanded.ok());
  }
}

TEST_CASE("the bundled loader parses each context once", "[jsonld]") {
  auto a = BundledLoader().Load("https://www.w3.org/ns/credentials/v2");
  auto b = BundledLoader().Load("https://www.w3.org/ns/credentials/v2");
  REQUIRE(a.ok());
  REQUIRE(b.ok());
  CHECK(a->get() == b->get());
}

TEST_CASE("the bundled loader refuses other URLs by name", "[jsonld]") {
  for (const char* url : {"https://example.com/context", "http://www.w3.org/ns/credentials/v2",
                          "https://www.w3.org/ns/credentials/v2/", ""}) {
    auto r = BundledLoader().Load(url);
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().code() == Code::kUnsupported);
    CHECK(r.status().message() == "context not bundled: " + std::string(url));
  }
}

TEST_CASE("concurrent loads and expansions agree", "[jsonld]") {
  json vc = json::parse(passerelle::testing::ReadFile(
      passerelle::testing::VectorsDir() / "vc-di-eddsa" / "TestVectors" / "employmentAuth.json"));
  JsonLdOptions options;
  options.safe_mode = true;
  auto reference = Expand(vc, options);
  REQUIRE(reference.ok());
  std::vector<std::thread> threads;
  std::vector<int> mismatches(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 200; ++i) {
        auto r = Expand(vc, options);
        if (!r.ok() || *r != *reference) ++mismatches[t];
      }
    });
  }
  for (std::thread& t : threads) t.join();
  for (int m : mismatches) CHECK(m == 0);
}

}  // namespace
}  // namespace passerelle::jsonld
