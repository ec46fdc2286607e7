// Passerelle — RDF datasets: canonical N-Quads out, strict N-Quads in.
//
// Thin public entry points; the writer and the reader live in
// formats/rdf/internal/ so that canonicalization can append terms into its
// own buffers without temporary strings.
#include "formats/rdf/dataset.h"

#include "formats/rdf/internal/nquads_parser.h"
#include "formats/rdf/internal/nquads_writer.h"

namespace passerelle::rdf {

std::string TermToNQuads(const Term& term) {
  std::string out;
  internal::AppendTerm(&out, term);
  return out;
}

std::string QuadToNQuads(const Quad& quad) {
  std::string out;
  internal::AppendQuad(&out, quad);
  return out;
}

Result<Dataset> ParseNQuads(std::string_view text) {
  return internal::ParseNQuadsText(text);
}

Result<Term> ParseNQuadsTerm(std::string_view text) { return internal::ParseNQuadsTermText(text); }

}  // namespace passerelle::rdf
