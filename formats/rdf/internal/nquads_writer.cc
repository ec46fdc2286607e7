// Passerelle — canonical N-Quads term writer (RDFC-1.0 "canonical N-Quads" form).
//
// Fast path: a scan over the value with a 256-entry table; runs of bytes that
// need no escape are appended in one piece.
#include "formats/rdf/internal/nquads_writer.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>

namespace passerelle::rdf::internal {
namespace {

constexpr char kUpperHex[] = "0123456789ABCDEF";

// 0: verbatim; otherwise the ECHAR letter, or 'u' for a \u00XX escape.
constexpr std::array<char, 256> MakeLexicalTable() {
  std::array<char, 256> t{};
  for (int c = 0; c < 0x20; ++c) t[c] = 'u';
  t[0x7F] = 'u';
  t['\b'] = 'b';
  t['\t'] = 't';
  t['\n'] = 'n';
  t['\f'] = 'f';
  t['\r'] = 'r';
  t['"'] = '"';
  t['\\'] = '\\';
  return t;
}
constexpr std::array<char, 256> kLexicalEscape = MakeLexicalTable();

constexpr std::array<bool, 256> MakeIriTable() {
  std::array<bool, 256> t{};
  for (int c = 0; c <= 0x20; ++c) t[c] = true;
  for (char c : std::string_view("<>\"{}|^`\\")) t[static_cast<unsigned char>(c)] = true;
  return t;
}
constexpr std::array<bool, 256> kIriEscape = MakeIriTable();

void AppendUchar(std::string* out, unsigned char c) {
  const char buf[6] = {'\\', 'u', '0', '0', kUpperHex[c >> 4], kUpperHex[c & 0xF]};
  out->append(buf, sizeof buf);
}

}  // namespace

void AppendIri(std::string* out, std::string_view iri) {
  out->push_back('<');
  std::size_t run = 0;
  for (std::size_t i = 0; i < iri.size(); ++i) {
    const auto c = static_cast<unsigned char>(iri[i]);
    if (!kIriEscape[c]) continue;
    out->append(iri.data() + run, i - run);
    AppendUchar(out, c);
    run = i + 1;
  }
  out->append(iri.data() + run, iri.size() - run);
  out->push_back('>');
}

// True when any of the 8 bytes at `p` needs an escape: below U+0020, '"',
// '\\' or DEL (word-at-a-time tests; exact, with no false positives).
static bool AnyToEscape(const char* p) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
  constexpr std::uint64_t kHigh = 0x8080808080808080ULL;
  std::uint64_t x;
  std::memcpy(&x, p, sizeof x);
  const auto has_zero = [](std::uint64_t v) { return (v - kOnes) & ~v & kHigh; };
  const std::uint64_t below_space = (x - kOnes * 0x20) & ~x & kHigh;
  return (below_space | has_zero(x ^ (kOnes * '"')) | has_zero(x ^ (kOnes * '\\')) |
          has_zero(x ^ (kOnes * 0x7F))) != 0;
}

void AppendEscapedLexical(std::string* out, std::string_view lexical) {
  const std::size_t n = lexical.size();
  std::size_t run = 0;
  std::size_t i = 0;
  while (i < n) {
    while (i + 8 <= n && !AnyToEscape(lexical.data() + i)) i += 8;  // clean words
    for (const std::size_t stop = std::min(n, i + 8); i < stop; ++i) {
      const auto c = static_cast<unsigned char>(lexical[i]);
      const char e = kLexicalEscape[c];
      if (e == 0) continue;
      out->append(lexical.data() + run, i - run);
      if (e == 'u') {
        AppendUchar(out, c);
      } else {
        const char buf[2] = {'\\', e};
        out->append(buf, 2);
      }
      run = i + 1;
    }
  }
  out->append(lexical.data() + run, n - run);
}

void AppendTerm(std::string* out, const Term& term) {
  switch (term.kind) {
    case TermKind::kIri:
      AppendIri(out, term.value);
      return;
    case TermKind::kBlankNode:
      out->append("_:");
      out->append(term.value);
      return;
    case TermKind::kLiteral:
      out->push_back('"');
      AppendEscapedLexical(out, term.value);
      out->push_back('"');
      if (!term.language.empty()) {
        out->push_back('@');
        out->append(term.language);
      } else if (!term.datatype.empty() && term.datatype != kXsdString) {
        out->append("^^");
        AppendIri(out, term.datatype);
      }
      return;
    case TermKind::kDefaultGraph:
      return;
  }
}

void AppendQuad(std::string* out, const Quad& quad) {
  AppendTerm(out, quad.subject);
  out->push_back(' ');
  AppendTerm(out, quad.predicate);
  out->push_back(' ');
  AppendTerm(out, quad.object);
  if (quad.graph.kind != TermKind::kDefaultGraph) {
    out->push_back(' ');
    AppendTerm(out, quad.graph);
  }
  out->append(" .\n");
}

}  // namespace passerelle::rdf::internal
