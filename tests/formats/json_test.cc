// Tests for formats/json.h: the strict parser refuses what a lax one accepts.
#include "formats/json.h"

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

namespace passerelle {
namespace {

TEST_CASE("json: duplicate member names are refused with their path", "[json]") {
  auto r = ParseJson(R"({"a":{"b":1,"b":2}})");
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().code() == Code::kMalformed);
  CHECK_THAT(r.status().message(), Catch::Contains("duplicate member name \"b\""));
  CHECK_THAT(r.status().message(), Catch::Contains("in /a"));
  auto in_array = ParseJson(R"({"list":[1,{"x":1},{"x":2,"x":3}]})");
  CHECK_THAT(in_array.status().message(), Catch::Contains("in /list/2"));
  auto deep = ParseJson(std::string(R"({"a":[)") + std::string(70, '[') + std::string(70, ']') + "]}");
  CHECK_THAT(deep.status().message(), Catch::Contains("at /a/0/0"));
}

TEST_CASE("json: invalid UTF-8 and lone surrogates are refused", "[json]") {
  CHECK(ParseJson("\"\xC3\x28\"").status().code() == Code::kMalformed);
  CHECK(ParseJson("\"\xED\xA0\x80\"").status().code() == Code::kMalformed);
  CHECK(ParseJson(R"("\ud800")").status().code() == Code::kMalformed);
  CHECK(ParseJson(R"("\udc00x")").status().code() == Code::kMalformed);
  CHECK(ParseJson("\"\xF4\x90\x80\x80\"").status().code() == Code::kMalformed);  // > U+10FFFF
  CHECK(ParseJson(R"("\ud83d\ude00")").ok());  // a valid pair
}

TEST_CASE("json: nesting and size are capped", "[json]") {
  std::string deep(100000, '[');
  auto r = ParseJson(deep);
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().code() == Code::kMalformed);
  CHECK_THAT(r.status().message(), Catch::Contains("nesting deeper than"));
  std::string nested = std::string(64, '[') + std::string(64, ']');
  CHECK_FALSE(ParseJson(nested, JsonLimits{1 << 20, 63}).ok());
  CHECK(ParseJson(nested, JsonLimits{1 << 20, 64}).ok());
  std::string big = "\"" + std::string(2000, 'a') + "\"";
  CHECK(ParseJson(big, JsonLimits{1000, 8}).status().code() == Code::kResourceExhausted);
}

TEST_CASE("json: syntax errors carry a byte offset", "[json]") {
  auto r = ParseJson(R"({"a": tru})");
  REQUIRE_FALSE(r.ok());
  CHECK_THAT(r.status().message(), Catch::Contains("at byte"));
  CHECK_FALSE(ParseJson("").ok());
  CHECK_FALSE(ParseJson("{} {}").ok());
  CHECK_FALSE(ParseJson("{\"a\":1,}").ok());
  CHECK_FALSE(ParseJson("/* comment */ {}").ok());
}

TEST_CASE("json: garbage never throws", "[json][robustness]") {
  std::string seed = R"({"@context":["https://www.w3.org/ns/credentials/v2"],"a":[1,2.5e3,"\u00e9",null,true]})";
  for (std::size_t cut = 0; cut <= seed.size(); ++cut) {
    CHECK_NOTHROW((void)ParseJson(seed.substr(0, cut)));
  }
  unsigned state = 12345;
  for (int i = 0; i < 2000; ++i) {
    std::string s = seed;
    for (int k = 0; k < 4; ++k) {
      state = state * 1103515245 + 12345;
      s[(state >> 8) % s.size()] = static_cast<char>(state >> 16);
    }
    CHECK_NOTHROW((void)ParseJson(s));
  }
}

TEST_CASE("json: checked accessors report the pointer", "[json]") {
  auto doc = ParseJson(R"({"issuer": 5, "type": ["A", 3]})");
  REQUIRE(doc.ok());
  auto s = GetString(*doc, "issuer", "");
  CHECK(s.status().message() == "/issuer: not a string");
  CHECK(GetString(*doc, "missing", "/x").status().message() == "/x/missing: missing");
  CHECK(GetStringOrStrings(*doc, "type", "").status().message() == "/type/1: not a string");
}

TEST_CASE("json: strings read right whatever the offset of their special bytes", "[json]") {
  // Plain ASCII is skipped sixteen and eight bytes at a time: put escapes,
  // multi-byte UTF-8, raw controls and bad UTF-8 at every offset of two blocks.
  struct Case {
    std::string raw;       // inside the quotes
    std::string decoded;   // what the string holds, when valid
    bool valid;
  };
  const Case cases[] = {{"\\\"", "\"", true},        {"\\\\", "\\", true},
                        {"\\n", "\n", true},          {"\\u00e9", "\xC3\xA9", true},
                        {"\xC3\xA9", "\xC3\xA9", true}, {"\xF0\x9D\x84\x9E", "\xF0\x9D\x84\x9E", true},
                        {"\x7f", "\x7f", true},        {"~", "~", true},
                        {"\n", "", false},            {std::string(1, '\x1f'), "", false},
                        {"\xC3", "", false},          {"\xED\xA0\x80", "", false},
                        {"\xFF", "", false},          {"\\x", "", false}};
  int checked = 0;
  for (const auto& c : cases)
    for (std::size_t at = 0; at <= 34; ++at) {
      const std::string before(at, 'a'), after(34 - at, 'b');
      auto parsed = ParseJson("\"" + before + c.raw + after + "\"");
      REQUIRE(parsed.ok() == c.valid);
      if (c.valid) CHECK(parsed->get<std::string>() == before + c.decoded + after);
      else CHECK(parsed.status().code() == Code::kMalformed);
      // The same after a run of non-ASCII characters.
      auto in_run = ParseJson("\"" + before + "\xCE\xB1\xCE\xB2" + c.raw + after + "\"");
      REQUIRE(in_run.ok() == c.valid);
      if (c.valid) CHECK(in_run->get<std::string>() == before + "\xCE\xB1\xCE\xB2" + c.decoded + after);
      ++checked;
    }
  CHECK(checked == 14 * 35);
  // An unterminated string ending on a block boundary.
  for (std::size_t n = 0; n <= 33; ++n) CHECK_FALSE(ParseJson("\"" + std::string(n, 'a')).ok());
}

}  // namespace
}  // namespace passerelle
