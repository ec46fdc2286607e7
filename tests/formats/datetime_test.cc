// Tests for formats/datetime.h.
#include "formats/datetime.h"

#include <catch2/catch.hpp>

namespace passerelle {
namespace {

TEST_CASE("datetime: RFC 3339 with time zones", "[datetime]") {
  auto a = ParseDateTime("2023-02-24T23:36:38Z");
  REQUIRE(a.ok());
  CHECK(a->seconds == 1677281798);
  auto b = ParseDateTime("2023-02-25T01:36:38+02:00");
  REQUIRE(b.ok());
  CHECK(b->seconds == a->seconds);
  auto c = ParseDateTime("2023-02-24T23:36:38.123Z");
  REQUIRE(c.ok());
  CHECK(c->nanos == 123000000);
  CHECK(FormatDateTime(*a) == "2023-02-24T23:36:38Z");
  CHECK(FormatDateTime(Timestamp{-1, 0}) == "1969-12-31T23:59:59Z");
}

TEST_CASE("datetime: malformed values are refused", "[datetime]") {
  for (const char* bad : {"2023-02-24", "2023-02-24T23:36:38", "2023-02-30T00:00:00Z",
                          "2023-13-01T00:00:00Z", "2023-02-24T24:00:00Z", "2023-02-24T23:36:60Z",
                          "0000-01-01T00:00:00Z", "2023-02-24T23:36:38Zjunk", "2023-02-24 23:36:38Z",
                          "2023-02-24T23:36:38.Z", "2023-02-24T23:36:38+2:00", ""}) {
    INFO(bad);
    CHECK(ParseDateTime(bad).status().code() == Code::kMalformed);
  }
  CHECK(ParseDateTime("2024-02-29T00:00:00Z").ok());
  CHECK_FALSE(ParseDateTime("2023-02-29T00:00:00Z").ok());
}

}  // namespace
}  // namespace passerelle
