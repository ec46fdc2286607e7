// Tests for formats/grade_number.h: the one reading of a grade's text that the
// issuer, the recognition step and the certification rules share.
#include "formats/grade_number.h"

#include <catch2/catch.hpp>

namespace passerelle {
namespace {

TEST_CASE("grade numbers: plain decimals are read", "[grade]") {
  CHECK(ParseGradeNumber("18") == 18.0);
  CHECK(ParseGradeNumber("18.1") == 18.1);
  CHECK(ParseGradeNumber("0.75") == 0.75);
  CHECK(ParseGradeNumber("100") == 100.0);
  CHECK(ParseGradeNumber("007") == 7.0);
  CHECK(ParseGradeNumber("-1.5") == -1.5);
  CHECK(ParseGradeNumber(std::string(32, '9')).has_value());
}

TEST_CASE("grade numbers: every other spelling of a number is refused", "[grade]") {
  // Each of these strtod would have read, and the issuer used to sign as the
  // grade's text: a diploma graded "0x10" or " 18".
  for (const char* bad : {"", "0x10", "1e1", "1E1", "+18", " 18", "18 ", "18.", ".5", "nan", "inf", "-inf", "18,1",
                          "-", "1.2.3", "18\n", "١٨", "A", "18/20", "--1"}) {
    INFO(bad);
    CHECK_FALSE(ParseGradeNumber(bad).has_value());
    CHECK_FALSE(GradeNumberHint(bad).empty());
  }
  CHECK_FALSE(ParseGradeNumber(std::string(33, '9')).has_value());
  CHECK_FALSE(ParseGradeNumber(std::string_view("18\0", 3)).has_value());
}

TEST_CASE("grade numbers: the hint says how to write what was meant", "[grade]") {
  CHECK(GradeNumberHint("18.1").empty());
  CHECK(GradeNumberHint("18,1") == "write the decimal with a point: 18.1");
  CHECK(GradeNumberHint(" 18 ") == "leave out the spaces: 18");
  CHECK(GradeNumberHint("+18") == "leave out the '+': 18");
  CHECK(GradeNumberHint("0x10") == "write it as digits, with a point for decimals (18 or 18.5)");
  CHECK(GradeNumberHint(std::string(40, '1')) == "a grade has at most 32 characters");
}

}  // namespace
}  // namespace passerelle
