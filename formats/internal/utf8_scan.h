// Passerelle (formats internal) — the two byte-level tests every JSON string
// goes through, shared by the strict reader and JCS so that both agree on
// what well-formed UTF-8 is.
#pragma once

#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace passerelle::internal {

// True when none of the eight bytes in `word` needs a second look inside a
// JSON string: no control character, '"', '\\' or byte >= 0x80. Exact
// (classic SWAR zero-byte tests), so plain ASCII can be skipped a word at a time.
inline bool AllPlainAscii(std::uint64_t word) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ull, kHigh = 0x8080808080808080ull;
  auto has_zero = [](std::uint64_t v) { return (v - kOnes) & ~v & kHigh; };
  // Valid as a "< 0x20" test once bytes >= 0x80 are ruled out, which the
  // first term does.
  const std::uint64_t below_space = (word - kOnes * 0x20) & ~word & kHigh;
  return ((word & kHigh) | below_space | has_zero(word ^ (kOnes * '"')) |
          has_zero(word ^ (kOnes * '\\'))) == 0;
}

// Returns the first byte in [p, end) that is not plain ASCII in the sense
// of AllPlainAscii (a control, '"', '\\' or a byte >= 0x80), or `end`.
// Sixteen bytes at a time with SSE2 (every x86-64), eight without.
inline const unsigned char* SkipPlainAscii(const unsigned char* p, const unsigned char* end) {
#if defined(__SSE2__)
  const __m128i quote = _mm_set1_epi8('"'), backslash = _mm_set1_epi8('\\'), space = _mm_set1_epi8(0x20);
  while (end - p >= 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    // Signed: bytes >= 0x80 are negative, so "< 0x20" also catches them.
    const __m128i special = _mm_or_si128(_mm_cmplt_epi8(v, space),
                                         _mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash)));
    const int mask = _mm_movemask_epi8(special);
    if (mask != 0) return p + __builtin_ctz(static_cast<unsigned>(mask));
    p += 16;
  }
#endif
  while (end - p >= 8) {
    std::uint64_t word;
    std::memcpy(&word, p, 8);
    if (!AllPlainAscii(word)) break;
    p += 8;
  }
  while (p < end && *p >= 0x20 && *p < 0x80 && *p != '"' && *p != '\\') ++p;
  return p;
}

// Length (2-4) of the well-formed UTF-8 sequence starting at p, whose lead
// byte is >= 0x80; 0 when it is not one: a stray continuation or invalid
// lead byte, a truncated sequence, an overlong form, an encoded surrogate or
// a value past U+10FFFF.
inline int Utf8SequenceLength(const unsigned char* p, const unsigned char* end) {
  const unsigned char c = *p;
  int extra;
  std::uint32_t cp;
  if (c >= 0xC2 && c <= 0xDF) { extra = 1; cp = c & 0x1F; }
  else if (c >= 0xE0 && c <= 0xEF) { extra = 2; cp = c & 0x0F; }
  else if (c >= 0xF0 && c <= 0xF4) { extra = 3; cp = c & 0x07; }
  else return 0;
  if (end - p <= extra) return 0;
  for (int k = 1; k <= extra; ++k) {
    if ((p[k] & 0xC0) != 0x80) return 0;
    cp = cp << 6 | (p[k] & 0x3F);
  }
  if ((extra == 2 && cp < 0x800) || (extra == 3 && (cp < 0x10000 || cp > 0x10FFFF)) ||
      (cp >= 0xD800 && cp <= 0xDFFF))
    return 0;
  return extra + 1;
}

}  // namespace passerelle::internal
