// Fuzz target: the N-Quads reader and RDF Dataset Canonicalization
// (formats/rdf). Invariants: canonical N-Quads parse again, and
// canonicalising them again gives the same bytes.
#include "formats/rdf/canonicalize.h"
#include "formats/rdf/dataset.h"
#include "fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace passerelle;
  std::string_view text = fuzz::Text(data, size);
  (void)rdf::ParseNQuadsTerm(text);
  auto dataset = rdf::ParseNQuads(text);
  if (!dataset.ok()) return 0;
  for (const auto& quad : *dataset) {
    auto term = rdf::ParseNQuadsTerm(rdf::TermToNQuads(quad.object));
    fuzz::Check(term.ok() && *term == quad.object, "a written term does not read back");
  }
  auto canonical = rdf::Canonicalize(*dataset);
  if (!canonical.ok()) return 0;  // the work bound: a poison graph
  auto reparsed = rdf::ParseNQuads(canonical->nquads);
  fuzz::Check(reparsed.ok(), "canonical N-Quads do not parse");
  auto again = rdf::Canonicalize(*reparsed);
  fuzz::Check(again.ok() && again->nquads == canonical->nquads, "RDFC is not a fixed point");
  return 0;
}
