// Tests for formats/jcs.h: every RFC 8785 vector byte-exact, and the ES6
// number serialisation on 10,000 upstream samples.
#include "formats/jcs.h"

#include <catch2/catch.hpp>

#include <cstdio>
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

// The escaping RFC 8785 asks for, one byte at a time: the reference the
// word-at-a-time implementation is checked against.
std::string ReferenceJcsString(const std::string& s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  return out + "\"";
}

TEST_CASE("jcs: a character needing care is found at every offset of a word", "[jcs]") {
  // Plain ASCII runs are skipped eight bytes at a time; put each kind of
  // special byte (and multi-byte UTF-8) at every offset around two words.
  const std::string specials[] = {"\"", "\\", "\n", std::string(1, '\0'), "\x1f", "\x7f",
                                  "\xC3\xA9", "\xE2\x80\xA8", "\xF0\x9D\x84\x9E", " ", "!", "#", "[", "]"};
  int checked = 0;
  for (const auto& special : specials)
    for (std::size_t at = 0; at <= 18; ++at) {
      std::string text = std::string(at, 'a') + special + std::string(18 - at, 'b');
      auto c = CanonicalizeJson(nlohmann::json(text));
      REQUIRE(c.ok());
      CHECK(*c == ReferenceJcsString(text));
      ++checked;
    }
  CHECK(checked == 14 * 19);
}

TEST_CASE("jcs: invalid UTF-8 is refused at every offset, in values and member names", "[jcs]") {
  const std::string broken[] = {"\xC3", "\xC3\x28", "\xE2\x80", "\xED\xA0\x80", "\xC0\xAF",
                                "\xF4\x90\x80\x80", "\xF8\x88\x80\x80\x80", "\x80", "\xFF"};
  for (const auto& bad : broken)
    for (std::size_t at = 0; at <= 17; ++at) {
      std::string text = std::string(at, 'a') + bad + std::string(17 - at, 'b');
      CHECK(CanonicalizeJson(nlohmann::json(text)).status().code() == Code::kMalformed);
      // Also at the end of a run of valid non-ASCII characters.
      std::string in_run = std::string(at, 'a') + "\xCE\xB1\xCE\xB2" + bad + std::string(17 - at, 'b');
      CHECK(CanonicalizeJson(nlohmann::json(in_run)).status().code() == Code::kMalformed);
      nlohmann::json object = nlohmann::json::object();
      object[text] = 1;
      CHECK(CanonicalizeJson(object).status().code() == Code::kMalformed);
    }
}

}  // namespace
}  // namespace passerelle
