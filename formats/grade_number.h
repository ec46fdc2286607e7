// Passerelle — the number a grade is written as.
//
// A grade travels as text ("18.1" on "FR-0-20") so that its scale's own
// notation survives; where Passerelle compares, converts or checks a grade
// it reads that text with this one function, so the issuer never signs a
// grade the verifier, a recognition or a certification rule reads otherwise.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace passerelle {

// The value of a grade written as a plain decimal number: an optional '-',
// digits, and optionally '.' and more digits ("18", "18.1", "0.75"), at most
// 32 characters. nullopt for anything else: no sign '+', no spaces, no
// exponent, no hexadecimal, no "nan" or "inf", no decimal comma.
std::optional<double> ParseGradeNumber(std::string_view text);

// Why `text` is not a grade number, as a hint for whoever typed it ("write
// the decimal with a point: 18.1"); empty when it is one.
std::string GradeNumberHint(std::string_view text);

}  // namespace passerelle
