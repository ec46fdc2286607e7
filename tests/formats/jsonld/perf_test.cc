// Passerelle tests — JSON-LD throughput on a credential with bundled,
// memoised contexts. Hidden (run with "[jsonld-bench]"): timings depend on
// the machine, so this prints rather than asserts beyond a generous bound.
#include <chrono>
#include <iostream>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "formats/jsonld/expand.h"
#include "formats/jsonld/to_rdf.h"
#include "tests/testing/paths.h"

namespace passerelle::jsonld {
namespace {

using nlohmann::json;

TEST_CASE("Expand and ToRdf of the vc-di-eddsa credential", "[.][jsonld-bench]") {
  for (const char* file : {"unsigned.json", "employmentAuth.json"}) {
    json vc = json::parse(passerelle::testing::ReadFile(
        passerelle::testing::VectorsDir() / "vc-di-eddsa" / "TestVectors" / file));
    JsonLdOptions options;
    options.safe_mode = true;
    REQUIRE(ToRdf(vc, options).ok());  // warm the context memo
    constexpr int kIterations = 10000;
    auto t0 = std::chrono::steady_clock::now();
    for (int i = 0; i < kIterations; ++i) REQUIRE(Expand(vc, options).ok());
    auto t1 = std::chrono::steady_clock::now();
    for (int i = 0; i < kIterations; ++i) REQUIRE(ToRdf(vc, options).ok());
    auto t2 = std::chrono::steady_clock::now();
    double expand_us = std::chrono::duration<double, std::micro>(t1 - t0).count() / kIterations;
    double to_rdf_us = std::chrono::duration<double, std::micro>(t2 - t1).count() / kIterations;
    std::cout << file << " (" << vc.dump().size() << " bytes): Expand " << expand_us
              << " us, Expand+ToRdf " << to_rdf_us << " us (" << kIterations
              << " iterations)\n";
    CHECK(to_rdf_us < 1000);
  }
}

}  // namespace
}  // namespace passerelle::jsonld
