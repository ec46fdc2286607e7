// Passerelle tests — canonical xsd:double / xsd:integer forms of JSON
// numbers (JSON-LD API §8.6), as jsonld.js's toExponential(15) gives them.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "formats/jsonld/internal/rdf_literals.h"

namespace passerelle::jsonld::internal {
namespace {

TEST_CASE("xsd:double canonical form", "[jsonld]") {
  CHECK(CanonicalDouble(1.1) == "1.1E0");
  CHECK(CanonicalDouble(5.3) == "5.3E0");
  CHECK(CanonicalDouble(1.0) == "1.0E0");
  CHECK(CanonicalDouble(123.45) == "1.2345E2");
  CHECK(CanonicalDouble(1e21) == "1.0E21");
  CHECK(CanonicalDouble(-0.5) == "-5.0E-1");
  CHECK(CanonicalDouble(2.5e-7) == "2.5E-7");
  CHECK(CanonicalDouble(0.0) == "0.0E0");
  CHECK(CanonicalDouble(-0.0) == "0.0E0");
  // Rounded to 15 digits after the point, not shortest round-trip.
  CHECK(CanonicalDouble(0.1 + 0.2) == "3.0E-1");
  CHECK(CanonicalDouble(1.7976931348623157e308) == "1.797693134862316E308");
  CHECK(CanonicalDouble(5e-324) == "4.940656458412465E-324");
  // 1e23 is not a double; the nearest one is 9.9999999999999991611392e22.
  CHECK(CanonicalDouble(1e23) == "9.999999999999999E22");
  // Rounding up at the 16th significant digit.
  CHECK(CanonicalDouble(0.9999999999999999) == "9.999999999999999E-1");
  CHECK(CanonicalDouble(2.0 / 3.0) == "6.666666666666666E-1");  // 0.66666666666666662965...
}

TEST_CASE("which numbers take the xsd:double form", "[jsonld]") {
  using nlohmann::json;
  CHECK_FALSE(NeedsDoubleForm(json(5)));
  CHECK_FALSE(NeedsDoubleForm(json(5.0)));
  CHECK_FALSE(NeedsDoubleForm(json(1e20)));
  CHECK(NeedsDoubleForm(json(1e21)));
  CHECK(NeedsDoubleForm(json(5.5)));
  CHECK(NeedsDoubleForm(json(-0.25)));
}

TEST_CASE("xsd:integer canonical form", "[jsonld]") {
  using nlohmann::json;
  CHECK(CanonicalInteger(json(10)) == "10");
  CHECK(CanonicalInteger(json(-42)) == "-42");
  CHECK(CanonicalInteger(json(5.0)) == "5");
  CHECK(CanonicalInteger(json(-0.0)) == "0");
  CHECK(CanonicalInteger(json(1e20)) == "100000000000000000000");
  CHECK(CanonicalInteger(json::parse("18446744073709551615")) == "18446744073709551615");
}

}  // namespace
}  // namespace passerelle::jsonld::internal
