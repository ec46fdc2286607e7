// Passerelle — RDF datasets: terms, quads, N-Quads in and out.
//
// The common currency between JSON-LD deserialisation (formats/jsonld) and
// RDF Dataset Canonicalization (formats/rdf/canonicalize.h). Plain values,
// no shared state; thread-compatible.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "formats/status.h"

namespace passerelle::rdf {

enum class TermKind { kIri, kBlankNode, kLiteral, kDefaultGraph };

inline constexpr std::string_view kXsdString = "http://www.w3.org/2001/XMLSchema#string";
inline constexpr std::string_view kRdfLangString =
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString";

struct Term {
  TermKind kind = TermKind::kDefaultGraph;
  // IRI: the absolute IRI. Blank node: the label without "_:". Literal: the
  // lexical form (unescaped UTF-8). Default graph: empty.
  std::string value;
  // Literals only: the datatype IRI (kXsdString when plain, kRdfLangString
  // when `language` is set) and the language tag (empty when none).
  std::string datatype;
  std::string language;

  static Term Iri(std::string iri) { return {TermKind::kIri, std::move(iri), {}, {}}; }
  static Term Blank(std::string label) { return {TermKind::kBlankNode, std::move(label), {}, {}}; }
  static Term Literal(std::string lexical, std::string datatype = std::string(kXsdString),
                      std::string language = {}) {
    return {TermKind::kLiteral, std::move(lexical), std::move(datatype), std::move(language)};
  }
  static Term DefaultGraph() { return {}; }

  bool operator==(const Term&) const = default;
};

struct Quad {
  Term subject, predicate, object, graph;
  bool operator==(const Quad&) const = default;
};

using Dataset = std::vector<Quad>;

// Serializes one term in canonical N-Quads form (RDF 1.1 N-Quads as fixed by
// RDFC-1.0: IRIs in <>, literals with the short escapes \b \t \n \f \r \" \\,
// \u00XX for other controls and DEL, xsd:string datatype omitted).
std::string TermToNQuads(const Term& term);

// Serializes a quad as one canonical N-Quads line, ending in "\n".
std::string QuadToNQuads(const Quad& quad);

// Parses an N-Quads document (blank lines and comments allowed).
// Errors: kMalformed with the 1-based line number.
Result<Dataset> ParseNQuads(std::string_view text);

// Parses one term written as N-Quads writes it ("<iri>", "_:b0", or a
// literal with its escapes and its datatype or language tag).
// Errors: kMalformed.
Result<Term> ParseNQuadsTerm(std::string_view text);

}  // namespace passerelle::rdf
