// Tests for formats/jcs.h: every RFC 8785 vector byte-exact, and the ES6
// number serialisation on 10,000 upstream samples.
#include "formats/jcs.h"

#include <catch2/catch.hpp>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

#include "formats/json.h"
#include "tests/testing/paths.h"

namespace passerelle {
namespace {

using testing::ReadFile;
using testing::VectorsDir;

TEST_CASE("jcs: every upstream input canonicalises byte-exact", "[jcs][vectors]") {
  const auto dir = VectorsDir() / "jcs";
  int ran = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir / "input")) {
    const std::string name = entry.path().filename().string();
    INFO(name);
    auto parsed = ParseJson(ReadFile(entry.path()));
    REQUIRE(parsed.ok());
    auto canonical = CanonicalizeJson(*parsed);
    REQUIRE(canonical.ok());
    CHECK(*canonical == ReadFile(dir / "output" / name));
    ++ran;
  }
  std::cout << "jcs vectors: " << ran << " inputs\n";
  CHECK(ran == 6);
}

TEST_CASE("jcs: ES6 number serialisation matches 10,000 upstream samples", "[jcs][vectors]") {
  std::ifstream in(VectorsDir() / "jcs" / "numbers" / "es6testfile10k.txt");
  REQUIRE(in);
  std::string line;
  int ran = 0, failed = 0;
  while (std::getline(in, line)) {
    auto comma = line.find(',');
    REQUIRE(comma != std::string::npos);
    std::uint64_t bits = std::stoull(line.substr(0, comma), nullptr, 16);
    double d;
    std::memcpy(&d, &bits, sizeof d);
    std::string out;
    AppendEs6Number(d, out);
    if (out != line.substr(comma + 1)) {
      if (++failed < 5) FAIL_CHECK(line << " gave " << out);
    }
    ++ran;
  }
  std::cout << "jcs numbers: " << ran << " ran, " << failed << " failed\n";
  CHECK(ran == 10000);
  CHECK(failed == 0);
}

TEST_CASE("jcs: members sort by UTF-16 code units, not UTF-8 bytes", "[jcs]") {
  // U+FB33 (UTF-16 0xFB33) sorts after U+1D11E (surrogates 0xD834…) in
  // UTF-16 order, although its UTF-8 bytes sort first.
  auto parsed = ParseJson(R"({"\ufb33":1,"\ud834\udd1e":2})");
  REQUIRE(parsed.ok());
  auto c = CanonicalizeJson(*parsed);
  REQUIRE(c.ok());
  CHECK(*c == "{\"\xF0\x9D\x84\x9E\":2,\"\xEF\xAC\xB3\":1}");
}

TEST_CASE("jcs: non-finite numbers and invalid UTF-8 are refused", "[jcs]") {
  nlohmann::json nan = std::nan("");
  CHECK(CanonicalizeJson(nan).status().code() == Code::kMalformed);
  nlohmann::json bad = std::string("\xC3\x28");
  CHECK(CanonicalizeJson(bad).status().code() == Code::kMalformed);
  nlohmann::json surrogate = std::string("\xED\xA0\x80");  // an encoded lone surrogate
  CHECK(CanonicalizeJson(surrogate).status().code() == Code::kMalformed);
}

TEST_CASE("jcs: escapes only what RFC 8785 requires", "[jcs]") {
  nlohmann::json v = std::string("a\"\\\b\f\n\r\t\x01\x7f/\xE2\x80\xA8");
  auto c = CanonicalizeJson(v);
  REQUIRE(c.ok());
  CHECK(*c == "\"a\\\"\\\\\\b\\f\\n\\r\\t\\u0001\x7f/\xE2\x80\xA8\"");
}

}  // namespace
}  // namespace passerelle
