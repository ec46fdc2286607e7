// Passerelle tests — the W3C JSON-LD 1.1 expand test suite
// (tests/vectors/jsonld-api/expand-manifest.jsonld).
//
// Outputs are compared with JSON-LD object comparison (arrays unordered
// except @list values, language tags case-insensitive), as the suite's
// README specifies for expand tests run without the `ordered` option.
// Negative tests pass when the error message starts with the expected code.
#include <iostream>

#include <catch2/catch.hpp>

#include "formats/jsonld/expand.h"
#include "tests/formats/jsonld/jsonld_test_support.h"

namespace passerelle::jsonld::testing {
namespace {

JsonLdOptions OptionsFor(const SuiteTest& t, const SuiteLoader& loader) {
  JsonLdOptions o;
  o.loader = &loader;
  o.document_url = std::string(kSuiteBase) + t.input;
  if (t.option.contains("base")) o.base = t.option["base"].get<std::string>();
  if (t.option.contains("processingMode")) {
    o.processing_mode = t.option["processingMode"].get<std::string>();
  }
  if (t.option.contains("expandContext")) {
    json ctx = ReadJsonFile(SuiteDir() / t.option["expandContext"].get<std::string>());
    o.expand_context = std::make_shared<const json>(std::move(ctx));
  }
  return o;
}

TEST_CASE("W3C JSON-LD expand suite", "[jsonld]") {
  std::vector<SuiteTest> tests = ReadManifest("expand-manifest.jsonld");
  REQUIRE(tests.size() == 385);
  SuiteLoader loader;
  int passed = 0, failed = 0, skipped = 0;
  std::vector<std::string> failures;
  for (const SuiteTest& t : tests) {
    if (t.option.value("specVersion", "") == "json-ld-1.0") {
      ++skipped;
      continue;
    }
    json input = ReadJsonFile(SuiteDir() / t.input);
    REQUIRE_FALSE(input.is_discarded());
    auto result = Expand(input, OptionsFor(t, loader));
    std::string why;
    if (t.negative) {
      if (result.ok()) {
        why = "expected error \"" + t.expect + "\", got success";
      } else if (result.status().message().rfind(t.expect, 0) != 0) {
        why = "expected error \"" + t.expect + "\", got: " + result.status().message();
      }
    } else if (!result.ok()) {
      why = "error: " + result.status().ToString();
    } else {
      json expected = ReadJsonFile(SuiteDir() / t.expect);
      if (!JsonLdEquals(*result, expected)) {
        why = "output differs:\n    got:      " + result->dump() +
              "\n    expected: " + expected.dump();
      }
    }
    if (why.empty()) {
      ++passed;
    } else {
      ++failed;
      failures.push_back(t.id + " (" + t.name + "): " + why);
    }
  }
  std::cout << "expand suite: " << passed << " passed, " << failed << " failed, " << skipped
            << " skipped (of " << tests.size() << ")\n";
  for (const std::string& f : failures) std::cout << "  FAIL " << f << "\n";
  int applicable = static_cast<int>(tests.size()) - skipped;
  REQUIRE(passed + failed == applicable);
  REQUIRE(passed * 100 >= applicable * 97);
}

}  // namespace
}  // namespace passerelle::jsonld::testing
