// Tests for formats/json.h: the strict parser refuses what a lax one accepts.
#include "formats/json.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <optional>

#include <nlohmann/json.hpp>

#include "formats/jcs.h"
#include "tests/testing/paths.h"

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

TEST_CASE("json: ReleaseJson frees any tree and leaves null", "[json]") {
  nlohmann::json doc = ParseJson(R"({"a":[1,{"b":{"c":[true,"x"]}}],"d":{"e":null},"f":"s"})").value();
  ReleaseJson(doc);
  CHECK(doc.is_null());
  // Deeper than the reader accepts: the part below the cap goes to
  // nlohmann's own destructor instead of unbounded recursion.
  nlohmann::json deep = nlohmann::json::array();
  for (int i = 0; i < 100000; ++i) deep = nlohmann::json::array({std::move(deep), i});
  ReleaseJson(deep);
  CHECK(deep.is_null());
  nlohmann::json scalar = "text";
  ReleaseJson(scalar);
  CHECK(scalar.is_null());
}

TEST_CASE("json: OneOrMany reads one item or an array's items in place", "[json]") {
  const nlohmann::json doc = ParseJson(R"({"one":{"type":"A"},"many":[{"type":"B"},{"type":"C"}],"none":[]})").value();
  const OneOrMany one(doc["one"]);
  REQUIRE(one.size() == 1);
  CHECK(&one[0] == &doc["one"]);  // the value itself, not a copy
  const OneOrMany many(doc["many"]);
  REQUIRE(many.size() == 2);
  CHECK(&many[1] == &doc["many"][1]);
  std::string types;
  for (const auto& item : many) types += item["type"].get<std::string>();
  CHECK(types == "BC");
  CHECK(OneOrMany(doc["none"]).size() == 0);
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


// ParseJson's JCS form: known only when the text is its own RFC 8785 form,
// and then exactly CanonicalizeJson of the value without the member.
namespace jcs_form {

std::optional<std::string> FormOf(std::string_view text, std::string_view member = "proof") {
  JcsTextWithout form;
  auto parsed = ParseJson(text, JsonLimits{}, member, form);
  REQUIRE(parsed.ok());
  if (!form.known()) return std::nullopt;
  // Whenever the reader vouches for the form, it must be what JCS writes.
  nlohmann::json without = *parsed;
  without.erase(std::string(member));
  auto canonical = CanonicalizeJson(without);
  REQUIRE(canonical.ok());
  CHECK(form.text() == *canonical);
  return std::string(form.text());
}

}  // namespace jcs_form

TEST_CASE("json: a canonical text gives its JCS form without the member", "[json][jcs-form]") {
  using jcs_form::FormOf;
  CHECK(FormOf(R"({"a":1,"proof":{"x":"y"},"z":[true,null]})") == R"({"a":1,"z":[true,null]})");
  CHECK(FormOf(R"({"proof":{"x":"y"},"z":2})") == R"({"z":2})");
  CHECK(FormOf(R"({"a":"b","proof":[{"x":1}]})") == R"({"a":"b"})");
  CHECK(FormOf(R"({"proof":1})") == "{}");
  CHECK(FormOf(R"({"a":{"proof":1}})") == R"({"a":{"proof":1}})");  // only at the top level
  CHECK(FormOf(R"({"a":"\u001f\n\"\\","b":"é€😀/"})") == R"({"a":"\u001f\n\"\\","b":"é€😀/"})");
  CHECK(FormOf(R"({"m":123456789012345,"n":-12})") == R"({"m":123456789012345,"n":-12})");
  CHECK(FormOf("{}") == "{}");
}

TEST_CASE("json: a text JCS would write otherwise has no known form", "[json][jcs-form]") {
  using jcs_form::FormOf;
  CHECK_FALSE(FormOf(R"({"a":1, "b":2})"));                // whitespace
  CHECK_FALSE(FormOf("{\"a\":1}\n"));
  CHECK_FALSE(FormOf(R"({"b":1,"a":2})"));                 // order
  CHECK_FALSE(FormOf(R"({"a":"\/"})"));                    // needless escapes
  CHECK_FALSE(FormOf(R"({"a":"\u00e9"})"));
  CHECK_FALSE(FormOf(R"({"a":"\u0041"})"));
  CHECK_FALSE(FormOf(R"({"a":"\u000a"})"));                // \n has a short form
  CHECK_FALSE(FormOf(R"({"a":"\u001F"})"));                // upper-case hex
  CHECK_FALSE(FormOf(R"({"a":-0})"));                      // numbers ES6 writes otherwise
  CHECK_FALSE(FormOf(R"({"a":1.0})"));
  CHECK_FALSE(FormOf(R"({"a":1e2})"));
  CHECK_FALSE(FormOf(R"({"a":1234567890123456})"));
  CHECK_FALSE(FormOf("{\"\xEE\x80\x80\":1,\"\xF0\x9F\x98\x80\":2}"));  // UTF-16 sorts these the other way
  JcsTextWithout form;
  REQUIRE(ParseJson("[1,2]", JsonLimits{}, "proof", form).ok());
  CHECK_FALSE(form.known());
  const std::string duplicate = R"({"a":1,"a":2})";
  REQUIRE_FALSE(ParseJson(duplicate, JsonLimits{}, "proof", form).ok());
  CHECK_FALSE(form.known());
}

TEST_CASE("json: the JCS form agrees with CanonicalizeJson on the upstream vectors", "[json][jcs-form][vectors]") {
  const auto dir = testing::VectorsDir() / "jcs";
  int known = 0;
  for (const char* folder : {"input", "output"})
    for (const auto& entry : std::filesystem::directory_iterator(dir / folder)) {
      INFO(entry.path());
      if (jcs_form::FormOf(testing::ReadFile(entry.path()), "")) ++known;
    }
  CHECK(known >= 3);  // the outputs without fractions (the comparison is in FormOf)
}

}  // namespace
}  // namespace passerelle
