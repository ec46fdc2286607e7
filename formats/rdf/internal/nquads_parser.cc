// Passerelle — strict RDF 1.1 N-Quads reader (https://www.w3.org/TR/n-quads/).
//
// The document is cut into lines first (no token may span a CR or LF), each
// line is checked to be UTF-8, then scanned by a small recursive-descent
// reader that works on bytes and decodes code points only where the grammar
// needs them (blank node labels).
#include "formats/rdf/internal/nquads_parser.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "formats/rdf/internal/utf8.h"

namespace passerelle::rdf::internal {
namespace {

bool IsPnCharsBase(char32_t c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= 0x00C0 && c <= 0x00D6) ||
         (c >= 0x00D8 && c <= 0x00F6) || (c >= 0x00F8 && c <= 0x02FF) ||
         (c >= 0x0370 && c <= 0x037D) || (c >= 0x037F && c <= 0x1FFF) ||
         (c >= 0x200C && c <= 0x200D) || (c >= 0x2070 && c <= 0x218F) ||
         (c >= 0x2C00 && c <= 0x2FEF) || (c >= 0x3001 && c <= 0xD7FF) ||
         (c >= 0xF900 && c <= 0xFDCF) || (c >= 0xFDF0 && c <= 0xFFFD) ||
         (c >= 0x10000 && c <= 0xEFFFF);
}
bool IsPnCharsU(char32_t c) { return IsPnCharsBase(c) || c == '_' || c == ':'; }
bool IsDigit(char32_t c) { return c >= '0' && c <= '9'; }
bool IsAlpha(char32_t c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
bool IsPnChars(char32_t c) {
  return IsPnCharsU(c) || c == '-' || IsDigit(c) || c == 0x00B7 || (c >= 0x0300 && c <= 0x036F) ||
         (c >= 0x203F && c <= 0x2040);
}
// Characters IRIREF excludes, raw or (for us) escaped: U+0000..U+0020 <>"{}|^`\.
bool IsIriForbidden(char32_t c) {
  return c <= 0x20 || c == '<' || c == '>' || c == '"' || c == '{' || c == '}' || c == '|' ||
         c == '^' || c == '`' || c == '\\';
}
// Bytes that end a run of plain IRI characters: the forbidden ones (which
// include '>' and the '\\' of an escape).
constexpr std::array<bool, 256> MakeIriStop() {
  std::array<bool, 256> t{};
  for (int c = 0; c <= 0x20; ++c) t[c] = true;
  for (char c : std::string_view("<>\"{}|^`\\")) t[static_cast<unsigned char>(c)] = true;
  return t;
}
constexpr std::array<bool, 256> kIriStop = MakeIriStop();

// The number of bytes at the start of [p, p + n) that are not in `stop`;
// 16 at a time with SSE2 where available. `Marks(v)` sets the bytes of a
// 16-byte vector that stop the run.
#if defined(__SSE2__)
template <class Marks>
std::size_t RunLength(const char* p, std::size_t n, const std::array<bool, 256>& stop,
                      Marks marks) {
  std::size_t i = 0;
  for (; i + 16 <= n; i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
    const int mask = _mm_movemask_epi8(marks(v));
    if (mask != 0) return i + static_cast<std::size_t>(__builtin_ctz(mask));
  }
  while (i < n && !stop[static_cast<unsigned char>(p[i])]) ++i;
  return i;
}
__m128i IriStopMarks(__m128i v) {
  const auto eq = [v](char c) { return _mm_cmpeq_epi8(v, _mm_set1_epi8(c)); };
  // Bytes <= 0x20 (unsigned): min(v, 0x20) == v.
  __m128i m = _mm_cmpeq_epi8(_mm_min_epu8(v, _mm_set1_epi8(0x20)), v);
  m = _mm_or_si128(m, _mm_or_si128(eq('<'), eq('>')));
  m = _mm_or_si128(m, _mm_or_si128(eq('"'), eq('{')));
  m = _mm_or_si128(m, _mm_or_si128(eq('}'), eq('|')));
  m = _mm_or_si128(m, _mm_or_si128(eq('^'), eq('`')));
  return _mm_or_si128(m, eq('\\'));
}
__m128i LiteralStopMarks(__m128i v) {
  return _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('"')),
                      _mm_cmpeq_epi8(v, _mm_set1_epi8('\\')));
}
#else
template <class Marks>
std::size_t RunLength(const char* p, std::size_t n, const std::array<bool, 256>& stop, Marks) {
  std::size_t i = 0;
  while (i < n && !stop[static_cast<unsigned char>(p[i])]) ++i;
  return i;
}
constexpr int IriStopMarks = 0;
constexpr int LiteralStopMarks = 0;
#endif

constexpr std::array<bool, 256> MakeLiteralStop() {
  std::array<bool, 256> t{};
  t['"'] = true;
  t['\\'] = true;
  return t;
}
constexpr std::array<bool, 256> kLiteralStop = MakeLiteralStop();

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// An absolute IRI starts with a scheme: ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":".
bool HasScheme(std::string_view iri) {
  if (iri.empty() || !IsAlpha(static_cast<unsigned char>(iri[0]))) return false;
  for (std::size_t i = 1; i < iri.size(); ++i) {
    const auto c = static_cast<unsigned char>(iri[i]);
    if (c == ':') return true;
    if (!IsAlpha(c) && !IsDigit(c) && c != '+' && c != '-' && c != '.') return false;
  }
  return false;
}

class LineParser {
 public:
  LineParser(std::string_view line, std::size_t line_no) : line_(line), line_no_(line_no) {}

  // Parses one line; appends a quad unless the line is blank or a comment.
  // On error *out may hold a partial quad (the caller discards it).
  // Parses the whole text as one object term (IRI, blank node or literal).
  Status ParseTermOnly(Term* t) {
    if (AtEnd()) return Error("expected a term");
    if (Peek() == '<') {
      PSL_RETURN_IF_ERROR(ParseIri(t));
    } else if (Peek() == '_') {
      PSL_RETURN_IF_ERROR(ParseBlank(t));
    } else if (Peek() == '"') {
      PSL_RETURN_IF_ERROR(ParseLiteral(t));
    } else {
      return Error("expected an IRI, a blank node or a literal");
    }
    if (!AtEnd()) return Error("unexpected text after the term");
    return Status::Ok();
  }

  Status Parse(Dataset* out) {
    SkipWs();
    if (AtEnd() || Peek() == '#') return Status::Ok();
    Quad& q = out->emplace_back();  // filled in place: no Term moves
    if (Peek() == '<') {
      PSL_RETURN_IF_ERROR(ParseIri(&q.subject));
    } else if (Peek() == '_') {
      PSL_RETURN_IF_ERROR(ParseBlank(&q.subject));
    } else {
      return Error("expected subject (IRI or blank node)");
    }
    SkipWs();
    if (AtEnd() || Peek() != '<') return Error("expected predicate IRI");
    PSL_RETURN_IF_ERROR(ParseIri(&q.predicate));
    SkipWs();
    if (AtEnd()) return Error("expected object");
    if (Peek() == '<') {
      PSL_RETURN_IF_ERROR(ParseIri(&q.object));
    } else if (Peek() == '_') {
      PSL_RETURN_IF_ERROR(ParseBlank(&q.object));
    } else if (Peek() == '"') {
      PSL_RETURN_IF_ERROR(ParseLiteral(&q.object));
    } else {
      return Error("expected object (IRI, blank node or literal)");
    }
    SkipWs();
    if (!AtEnd() && Peek() == '<') {
      PSL_RETURN_IF_ERROR(ParseIri(&q.graph));
    } else if (!AtEnd() && Peek() == '_') {
      PSL_RETURN_IF_ERROR(ParseBlank(&q.graph));
    }
    SkipWs();
    if (AtEnd() || Peek() != '.') return Error("expected '.' to end the statement");
    ++pos_;
    SkipWs();
    if (!AtEnd() && Peek() != '#') return Error("unexpected text after '.'");
    return Status::Ok();
  }

 private:
  bool AtEnd() const { return pos_ >= line_.size(); }
  char Peek() const { return line_[pos_]; }
  void SkipWs() {
    while (!AtEnd() && (Peek() == ' ' || Peek() == '\t')) ++pos_;
  }
  Status Error(std::string_view what) const { return ErrorAt(pos_, what); }
  Status ErrorAt(std::size_t at, std::string_view what) const {
    std::string m = "line " + std::to_string(line_no_) + ", column " + std::to_string(at + 1) + ": ";
    m += what;
    return Status::Malformed(std::move(m));
  }

  // At '\\' followed by 'u' or 'U': decodes the UCHAR into *cp.
  Status ParseUchar(char32_t* cp) {
    const std::size_t start = pos_;
    const std::size_t digits = line_[pos_ + 1] == 'u' ? 4 : 8;
    pos_ += 2;
    if (line_.size() - pos_ < digits) return ErrorAt(start, "truncated \\u escape");
    char32_t v = 0;
    for (std::size_t i = 0; i < digits; ++i) {
      const int h = HexValue(line_[pos_ + i]);
      if (h < 0) return ErrorAt(start, "invalid hex digit in \\u escape");
      v = (v << 4) | static_cast<char32_t>(h);
    }
    pos_ += digits;
    if (!IsScalarValue(v)) return ErrorAt(start, "\\u escape is not a Unicode scalar value");
    *cp = v;
    return Status::Ok();
  }

  // IRIREF ::= '<' ([^#x00-#x20<>"{}|^`\] | UCHAR)* '>'
  Status ParseIriValue(std::string* v) {
    const std::size_t start = pos_;
    ++pos_;  // '<'
    v->clear();
    while (true) {
      // A run of plain characters, appended at once (the whole IRI when it
      // has no escape).
      const std::size_t run = pos_;
      pos_ += RunLength(line_.data() + pos_, line_.size() - pos_, kIriStop, IriStopMarks);
      v->append(line_, run, pos_ - run);
      if (AtEnd()) return ErrorAt(start, "unterminated IRI");
      const char c = Peek();
      if (c == '>') break;
      if (c != '\\') return Error("character not allowed in IRI");
      if (pos_ + 1 >= line_.size() || (line_[pos_ + 1] != 'u' && line_[pos_ + 1] != 'U')) {
        return Error("invalid escape in IRI (only \\u and \\U are allowed)");
      }
      const std::size_t esc = pos_;
      char32_t cp = 0;
      PSL_RETURN_IF_ERROR(ParseUchar(&cp));
      if (IsIriForbidden(cp)) return ErrorAt(esc, "escaped character not allowed in IRI");
      AppendUtf8(v, cp);
    }
    ++pos_;  // '>'
    if (!HasScheme(*v)) return ErrorAt(start, "IRI is not absolute (no scheme)");
    return Status::Ok();
  }

  Status ParseIri(Term* t) {
    t->kind = TermKind::kIri;
    return ParseIriValue(&t->value);
  }

  // BLANK_NODE_LABEL ::= '_:' (PN_CHARS_U | [0-9]) ((PN_CHARS | '.')* PN_CHARS)?
  Status ParseBlank(Term* t) {
    if (line_.size() - pos_ < 2 || line_[pos_ + 1] != ':') return Error("expected '_:'");
    pos_ += 2;
    const std::size_t label_start = pos_;
    if (AtEnd()) return Error("empty blank node label");
    std::size_t next = pos_;
    const char32_t first = DecodeUtf8(line_, &next);
    if (!IsPnCharsU(first) && !IsDigit(first)) return Error("invalid blank node label");
    pos_ = next;
    std::size_t end = pos_;  // end of the label without trailing dots
    while (!AtEnd()) {
      next = pos_;
      const char32_t c = DecodeUtf8(line_, &next);
      if (c != '.' && !IsPnChars(c)) break;
      pos_ = next;
      if (c != '.') end = pos_;
    }
    pos_ = end;  // a trailing '.' ends the statement, not the label
    t->kind = TermKind::kBlankNode;
    t->value.assign(line_, label_start, end - label_start);
    return Status::Ok();
  }

  // literal ::= STRING_LITERAL_QUOTE ('^^' IRIREF | LANGTAG)?
  Status ParseLiteral(Term* t) {
    const std::size_t start = pos_;
    ++pos_;  // '"'
    t->kind = TermKind::kLiteral;
    std::string& v = t->value;
    while (true) {
      // A run of characters other than '"' and '\\', appended at once.
      const std::size_t run = pos_;
      pos_ += RunLength(line_.data() + pos_, line_.size() - pos_, kLiteralStop, LiteralStopMarks);
      v.append(line_, run, pos_ - run);
      if (AtEnd()) return ErrorAt(start, "unterminated string literal");
      const char c = Peek();
      if (c == '"') break;
      if (pos_ + 1 >= line_.size()) return Error("truncated escape in string literal");
      const char e = line_[pos_ + 1];
      if (e == 'u' || e == 'U') {
        char32_t cp = 0;
        PSL_RETURN_IF_ERROR(ParseUchar(&cp));
        AppendUtf8(&v, cp);
        continue;
      }
      char decoded;
      switch (e) {
        case 't': decoded = '\t'; break;
        case 'b': decoded = '\b'; break;
        case 'n': decoded = '\n'; break;
        case 'r': decoded = '\r'; break;
        case 'f': decoded = '\f'; break;
        case '"': decoded = '"'; break;
        case '\'': decoded = '\''; break;
        case '\\': decoded = '\\'; break;
        default: return Error("invalid escape in string literal");
      }
      v.push_back(decoded);
      pos_ += 2;
    }
    ++pos_;  // '"'
    SkipWs();
    if (!AtEnd() && Peek() == '@') return ParseLangTag(t);
    if (!AtEnd() && Peek() == '^') {
      if (pos_ + 1 >= line_.size() || line_[pos_ + 1] != '^') return Error("expected '^^'");
      pos_ += 2;
      SkipWs();
      if (AtEnd() || Peek() != '<') return Error("expected datatype IRI after '^^'");
      PSL_RETURN_IF_ERROR(ParseIriValue(&t->datatype));
      if (t->datatype == kRdfLangString) {
        return Error("rdf:langString literal without a language tag");
      }
      return Status::Ok();
    }
    t->datatype = kXsdString;
    return Status::Ok();
  }

  // LANGTAG ::= '@' [a-zA-Z]+ ('-' [a-zA-Z0-9]+)*
  Status ParseLangTag(Term* t) {
    ++pos_;  // '@'
    const std::size_t tag_start = pos_;
    std::size_t subtag_len = 0;
    bool first_subtag = true;
    while (!AtEnd()) {
      const auto c = static_cast<unsigned char>(Peek());
      if (IsAlpha(c) || (!first_subtag && IsDigit(c))) {
        ++subtag_len;
      } else if (c == '-' && subtag_len > 0) {
        first_subtag = false;
        subtag_len = 0;
      } else {
        break;
      }
      ++pos_;
    }
    if (subtag_len == 0) return Error("invalid language tag");
    t->datatype = kRdfLangString;
    t->language.assign(line_, tag_start, pos_ - tag_start);
    return Status::Ok();
  }

  std::string_view line_;
  std::size_t line_no_;
  std::size_t pos_ = 0;
};

// The end of the line starting at `pos`: the first CR or LF, or the end.
std::size_t EndOfLine(std::string_view text, std::size_t pos) {
  const char* begin = text.data() + pos;
  const std::size_t n = text.size() - pos;
  const void* lf = std::memchr(begin, '\n', n);
  const std::size_t lf_at = lf != nullptr ? static_cast<const char*>(lf) - begin : n;
  const void* cr = std::memchr(begin, '\r', lf_at);  // a CR before it ends the line first
  return pos + (cr != nullptr ? static_cast<const char*>(cr) - begin : lf_at);
}

}  // namespace

Result<Dataset> ParseNQuadsText(std::string_view text) {
  Dataset out;
  std::size_t lines = 1;
  for (const char* p = text.data(), *end = p + text.size();
       (p = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p)))) != nullptr;
       ++p) {
    ++lines;
  }
  out.reserve(lines);
  std::size_t line_no = 1;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    const std::size_t eol = EndOfLine(text, pos);
    const std::string_view line = text.substr(pos, eol - pos);
    if (const std::size_t bad = FindInvalidUtf8(line); bad != kUtf8Valid) {
      return Status::Malformed("line " + std::to_string(line_no) + ", column " +
                               std::to_string(bad + 1) + ": invalid UTF-8");
    }
    PSL_RETURN_IF_ERROR(LineParser(line, line_no).Parse(&out));
    if (eol == text.size()) break;
    pos = eol + ((text[eol] == '\r' && eol + 1 < text.size() && text[eol + 1] == '\n') ? 2 : 1);
    ++line_no;
  }
  return out;
}

Result<Term> ParseNQuadsTermText(std::string_view text) {
  if (const std::size_t bad = FindInvalidUtf8(text); bad != kUtf8Valid)
    return Status::Malformed("column " + std::to_string(bad + 1) + ": invalid UTF-8");
  Term t;
  PSL_RETURN_IF_ERROR(LineParser(text, 1).ParseTermOnly(&t));
  return t;
}

}  // namespace passerelle::rdf::internal
