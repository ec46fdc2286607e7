// Tests for i18n/catalogue.h: the catalogue format is strict, and Substitute fills placeholders.
#include "i18n/catalogue.h"

#include <catch2/catch.hpp>

#include <random>
#include <string_view>

namespace passerelle::i18n {
namespace {

TEST_CASE("catalogue: key = text lines, comments, escapes", "[i18n]") {
  auto c = Catalogue::Parse("# comment\n\na.b = Hello {1}\nline = one\\ntwo \\\\ \r\n");
  REQUIRE(c.ok());
  REQUIRE(c->Find("a.b") != nullptr);
  CHECK(*c->Find("a.b") == "Hello {1}");
  CHECK(*c->Find("line") == "one\ntwo \\");
  CHECK(c->Find("missing") == nullptr);
  CHECK(c->Keys() == std::vector<std::string>{"a.b", "line"});
}

TEST_CASE("catalogue: malformed lines are refused with their line number", "[i18n]") {
  CHECK(Catalogue::Parse("a = x\na = y\n").status().code() == Code::kMalformed);
  CHECK_THAT(Catalogue::Parse("a = x\na = y\n").status().message(), Catch::Contains("line 2"));
  CHECK(Catalogue::Parse("no equals sign\n").status().code() == Code::kMalformed);
  CHECK(Catalogue::Parse("Bad Key = x\n").status().code() == Code::kMalformed);
  CHECK(Catalogue::Parse("k = \\t\n").status().code() == Code::kMalformed);
  CHECK(Catalogue::Parse("k = \xC3\x28\n").status().code() == Code::kMalformed);
  CHECK(Catalogue::Parse("k = \xED\xA0\x80\n").status().code() == Code::kMalformed);  // a surrogate
  CHECK(Catalogue::Parse("k = x\\").status().code() == Code::kMalformed);
  CHECK(Catalogue::Parse("k = " + std::string(kMaxMessageBytes + 1, 'x')).status().code() == Code::kMalformed);
  CHECK(Catalogue::Parse(std::string(kMaxCatalogueBytes + 1, '#')).status().code() == Code::kResourceExhausted);
}

TEST_CASE("catalogue: random bytes never crash the parser", "[i18n]") {
  std::mt19937 rng(13);
  for (int i = 0; i < 2000; ++i) {
    std::string junk(rng() % 200, '\0');
    constexpr std::string_view kAlphabet = "a= \n\\{}#.\xC3\xA9\xFF";
    for (char& ch : junk) ch = kAlphabet[rng() % kAlphabet.size()];
    (void)Catalogue::Parse(junk);
  }
  SUCCEED();
}

TEST_CASE("substitute: numbered placeholders, others kept", "[i18n]") {
  CHECK(Substitute("{1} of {2}", {"a", "b"}) == "a of b");
  CHECK(Substitute("{2}{1}{3}", {"a", "b"}) == "ba{3}");
  CHECK(Substitute("{x} {} {", {"a"}) == "{x} {} {");
  CHECK(Substitute("{1}", {"{2}", "z"}) == "{2}");  // values are not re-scanned
}

}  // namespace
}  // namespace passerelle::i18n
