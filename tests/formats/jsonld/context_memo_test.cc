// Passerelle tests — bundled contexts are processed once per process: after
// a first call, expanding a credential needs almost no context-processing
// steps (observed through the max_context_operations bound).
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "formats/jsonld/document_loader.h"
#include "formats/jsonld/expand.h"
#include "formats/jsonld/to_rdf.h"
#include "tests/testing/paths.h"

namespace passerelle::jsonld {
namespace {

using nlohmann::json;

json Vector(const char* file) {
  return json::parse(passerelle::testing::ReadFile(
      passerelle::testing::VectorsDir() / "vc-di-eddsa" / "TestVectors" / file));
}

TEST_CASE("memoised bundled contexts are not processed again", "[jsonld]") {
  for (const char* file : {"unsigned.json", "employmentAuth.json",
                           "eddsa-rdfc-2022/proofConfigDataInt.json"}) {
    INFO(file);
    json vc = Vector(file);
    JsonLdOptions options;
    options.safe_mode = true;
    options.base = "https://memo-test.example/";  // a root of its own: starts cold
    JsonLdOptions tight = options;
    tight.max_context_operations = 3;
    auto cold = Expand(vc, tight);
    REQUIRE_FALSE(cold.ok());
    CHECK(cold.status().code() == Code::kResourceExhausted);
    REQUIRE(Expand(vc, options).ok());  // warms the memo
    auto warm = ToRdf(vc, tight);
    CHECK(warm.ok());
  }
}

TEST_CASE("memoised and fresh processing agree", "[jsonld]") {
  json vc = Vector("employmentAuth.json");
  JsonLdOptions shared;  // bundled loader: shared memo
  auto a = Expand(vc, shared);
  auto b = Expand(vc, shared);
  // An equivalent loader that is not the bundled one gets a per-call memo.
  class Forwarding final : public DocumentLoader {
   public:
    Result<std::shared_ptr<const json>> Load(std::string_view url) const override {
      return BundledLoader().Load(url);
    }
  } forwarding;
  JsonLdOptions fresh;
  fresh.loader = &forwarding;
  auto c = Expand(vc, fresh);
  REQUIRE(a.ok());
  REQUIRE(b.ok());
  REQUIRE(c.ok());
  CHECK(*a == *b);
  CHECK(*a == *c);
}

}  // namespace
}  // namespace passerelle::jsonld
