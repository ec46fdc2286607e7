// Passerelle — JSON Canonicalization Scheme (RFC 8785).
//
// Byte in, byte out: members sorted by UTF-16 code units, numbers in the
// ECMAScript Number-to-String form, strings with the minimal JSON escapes.
// Stateless; thread-safe.
#pragma once

#include <string>

#include <nlohmann/json_fwd.hpp>

#include "formats/status.h"

namespace passerelle {

// Returns the RFC 8785 canonical form of `value`.
// Errors: kMalformed for a non-finite number or a string that is not UTF-8.
Result<std::string> CanonicalizeJson(const nlohmann::json& value);

// Appends the canonical form of `value` to `out`, for callers that assemble
// a canonical object from parts. Same errors; `out` is partly written then.
Status AppendCanonicalJson(const nlohmann::json& value, std::string& out);

// Appends the ECMAScript Number::toString form of a finite double
// (RFC 8785 §3.2.2.3), e.g. 1e+21, 9.999999999999997e-7, 0 for -0.
// REQUIRES: std::isfinite(value).
void AppendEs6Number(double value, std::string& out);

}  // namespace passerelle
