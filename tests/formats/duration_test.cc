// Tests for formats/duration.h: the durations the command lines take.
#include "formats/duration.h"

#include <catch2/catch.hpp>

namespace passerelle {
namespace {

TEST_CASE("durations: days, hours and minutes", "[duration]") {
  CHECK(ParseDuration("7d").value() == 7 * 86400);
  CHECK(ParseDuration("36h").value() == 36 * 3600);
  CHECK(ParseDuration("90m").value() == 90 * 60);
  CHECK(ParseDuration("30D").value() == 30 * 86400);
  CHECK(FormatDuration(7 * 86400) == "7d");
  CHECK(FormatDuration(36 * 3600) == "36h");
  CHECK(FormatDuration(90 * 60) == "90m");
  CHECK(FormatDuration(45) == "45s");
  for (const char* d : {"7d", "36h", "90m", "1m", "365d"}) CHECK(FormatDuration(ParseDuration(d).value()) == d);
}

TEST_CASE("durations: anything else is refused with the accepted forms", "[duration]") {
  for (const char* bad : {"", "7", "d", "7 d", " 7d", "7d ", "-7d", "+7d", "7.5d", "7w", "7s", "1e3d", "0d", "0m",
                          "99999999999d", "7dd"}) {
    auto r = ParseDuration(bad);
    INFO(bad);
    CHECK_FALSE(r.ok());
    CHECK(r.status().code() == Code::kInvalidArgument);
  }
  CHECK_THAT(ParseDuration("7w").status().message(), Catch::Contains("e.g. 7d, 36h or 90m"));
  CHECK_THAT(ParseDuration("0d").status().message(), Catch::Contains("more than zero"));
}

TEST_CASE("durations: ages for people, rounded", "[duration]") {
  CHECK(DescribeDuration(40) == "40 s");
  CHECK(DescribeDuration(180) == "3 min");
  CHECK(DescribeDuration(2 * 3600) == "2 h");
  CHECK(DescribeDuration(8 * 86400) == "8 days");
  CHECK(DescribeDuration(-5) == "0 s");
}

}  // namespace
}  // namespace passerelle
