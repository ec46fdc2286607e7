// Passerelle (verifier internal) — reading one term of a canonical N-Quads
// line (RDFC-1.0 output) without building an RDF dataset: views into the
// text, and a copy only for a lexical form that has escapes.
#pragma once

#include <forward_list>
#include <string>
#include <string_view>

namespace passerelle::internal {

// A term as written (`token`: "<iri>", "_:c14n0", "\"lexical\"@en", …; the
// canonical form writes each term one way, so equal tokens are equal terms)
// and as meant (`value`: the IRI, the blank node label, or the literal's
// unescaped lexical form).
struct CanonicalTerm {
  std::string_view token;
  std::string_view value;
  bool is_iri = false;
  bool is_blank = false;
  bool operator==(const CanonicalTerm& o) const { return token == o.token; }
};

// Reads the term at the start of `text` and advances `text` past it.
// Lexical forms with escapes (\t \b \n \r \f \" \' \\ \uXXXX
// \UXXXXXXXX) are unescaped into `storage`, whose elements the returned
// views point into. Returns false, leaving `text` as it was, when the text
// does not start with a well-formed IRI, blank node or literal.
bool ReadCanonicalTerm(std::string_view& text, CanonicalTerm& out, std::forward_list<std::string>& storage);

}  // namespace passerelle::internal
