// Passerelle — UTF-8 helpers for the N-Quads reader and writer.
//
// Strict validation (no overlongs, no surrogates, nothing above U+10FFFF),
// decoding of already-validated text, and encoding of scalar values.
// Stateless; thread-safe. Private to formats/rdf.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace passerelle::rdf::internal {

inline constexpr std::size_t kUtf8Valid = static_cast<std::size_t>(-1);

// Returns kUtf8Valid when `s` is well-formed UTF-8, otherwise the byte offset
// of the first byte of the first ill-formed sequence.
std::size_t FindInvalidUtf8(std::string_view s);

// Decodes the code point starting at s[*pos] and advances *pos past it.
// REQUIRES: `s` is well-formed UTF-8 (FindInvalidUtf8) and *pos < s.size()
// points at the start of a sequence.
char32_t DecodeUtf8(std::string_view s, std::size_t* pos);

// True for Unicode scalar values: <= U+10FFFF and not a surrogate.
constexpr bool IsScalarValue(char32_t cp) {
  return cp <= 0x10FFFF && (cp < 0xD800 || cp > 0xDFFF);
}

// Appends the UTF-8 encoding of `cp`. REQUIRES: IsScalarValue(cp).
void AppendUtf8(std::string* out, char32_t cp);

}  // namespace passerelle::rdf::internal
