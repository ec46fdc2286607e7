// Passerelle — canonical lexical forms of JSON numbers as XSD literals
// (API §8.6 "Data Round Tripping").
#pragma once

#include <string>

#include <nlohmann/json.hpp>

namespace passerelle::jsonld::internal {

// xsd:double canonical form as the spec defines it: the mantissa rounded to
// 15 digits after the point (ECMAScript toExponential(15), ties away from
// zero), trailing zeros removed but one kept: 1.1 -> "1.1E0",
// 1e21 -> "1.0E21", 0 -> "0.0E0".
std::string CanonicalDouble(double value);

// True when a JSON number must be written as xsd:double: a non-zero
// fractional part or a magnitude of at least 10^21.
bool NeedsDoubleForm(const nlohmann::json& number);

// xsd:integer canonical form of a JSON number with no fractional part.
std::string CanonicalInteger(const nlohmann::json& number);

}  // namespace passerelle::jsonld::internal
