// Tests for formats/country.h: country codes as people type them.
#include "formats/country.h"

#include <catch2/catch.hpp>

namespace passerelle {
namespace {

TEST_CASE("country codes are stored upper case, whatever was typed", "[country]") {
  CHECK(NormalizeCountryCode("ro").value() == "RO");
  CHECK(NormalizeCountryCode(" Fr ").value() == "FR");
  CHECK(NormalizeCountryCode("kz").value() == "KZ");
  CHECK(NormalizeCountryCode("AZ").value() == "AZ");
  CHECK(NormalizeCountryCode("el").value() == "GR");  // the EU's code for Greece
  CHECK(NormalizeCountryCode("EU").value() == "EU");  // European-level authorities
}

TEST_CASE("what is not a country code is refused, naming it", "[country]") {
  for (const char* bad : {"", "F", "FRA", "XX", "UK", "1A", "fr\n"}) {
    auto r = NormalizeCountryCode(bad);
    INFO(bad);
    CHECK(r.status().code() == Code::kInvalidArgument);
  }
  CHECK_THAT(NormalizeCountryCode("France").status().message(), Catch::Contains("\"France\" is not an ISO 3166-1"));
  CHECK_THAT(NormalizeCountryCode("F\x1b").status().message(), Catch::Contains("\"F?\""));
  CHECK(IsKnownCountryCode("RU"));
  CHECK_FALSE(IsKnownCountryCode("ru"));
}

}  // namespace
}  // namespace passerelle
