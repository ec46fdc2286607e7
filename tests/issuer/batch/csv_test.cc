// Passerelle tests — the strict CSV reader.
#include "issuer/batch/csv.h"

#include <catch2/catch.hpp>

namespace passerelle::batch {
namespace {

TEST_CASE("csv: fields, quotes, CRLF, BOM, blank lines and line numbers", "[issuer][batch]") {
  auto r = ParseCsv("\xEF\xBB\xBF" "a,b,c\r\n1,\"x, \"\"y\"\"\",3\n\n\"multi\nline\",,z\n");
  REQUIRE(r.ok());
  REQUIRE(r->size() == 3);
  CHECK((*r)[0].fields == std::vector<std::string>{"a", "b", "c"});
  CHECK((*r)[1].fields == std::vector<std::string>{"1", "x, \"y\"", "3"});
  CHECK((*r)[1].line == 2);
  CHECK((*r)[2].fields == std::vector<std::string>{"multi\nline", "", "z"});
  CHECK((*r)[2].line == 4);
  for (const auto& rec : *r) CHECK(rec.error.empty());
}

TEST_CASE("csv: a broken record is reported with its field and the next records still read", "[issuer][batch]") {
  auto r = ParseCsv("a,b\nok,\"fine\"\nbad,x\"y\n\"c\"d,e\nutf,\xff\xfe\nlast,one\n");
  REQUIRE(r.ok());
  REQUIRE(r->size() == 6);
  CHECK((*r)[1].error.empty());
  CHECK((*r)[2].error.find("quote inside an unquoted field") != std::string::npos);
  CHECK((*r)[2].bad_field == 1);
  CHECK((*r)[3].error.find("after a closing quote") != std::string::npos);
  CHECK((*r)[3].bad_field == 0);
  CHECK((*r)[4].error == "invalid UTF-8");
  CHECK((*r)[4].bad_field == 1);
  CHECK((*r)[5].error.empty());
  CHECK((*r)[5].line == 6);
}

TEST_CASE("csv: UTF-8 validation refuses overlongs, surrogates and truncation", "[issuer][batch]") {
  CHECK(IsValidUtf8("Jérôme Ελένη Шамиль"));
  CHECK(!IsValidUtf8("\xC0\xAF"));          // overlong '/'
  CHECK(!IsValidUtf8("\xED\xA0\x80"));      // a surrogate
  CHECK(!IsValidUtf8("\xE2\x82"));          // truncated
  CHECK(!IsValidUtf8("\xF4\x90\x80\x80"));  // above U+10FFFF
  CHECK(ParseCsv(std::string(100, 'x'), 10).status().code() == Code::kResourceExhausted);
}

}  // namespace
}  // namespace passerelle::batch
