// Passerelle (formats internal) — eddsa-rdfc-2022 transformation: safe-mode
// JSON-LD to RDF over the bundled, hash-pinned contexts, then RDFC-1.0.
//
// Credentials and proof configurations take the direct path: quads straight
// from the JSON into a compact dataset, canonicalized without an rdf::Dataset
// in between (formats/jsonld/internal/direct_rdf.h). Any document that path
// declines — including every one that is invalid in safe mode — goes through
// the general JSON-LD algorithms, which give the same bytes or the error.
#include "formats/internal/canonical_document.h"

#include <nlohmann/json.hpp>

#include "formats/jsonld/document_loader.h"
#include "formats/jsonld/internal/direct_rdf.h"
#include "formats/jsonld/to_rdf.h"
#include "formats/rdf/canonicalize.h"
#include "formats/rdf/quad_arena.h"

namespace passerelle::internal {

Result<std::string> RdfcCanonicalNQuads(const nlohmann::json& document) {
  jsonld::JsonLdOptions options;
  options.loader = &jsonld::BundledLoader();
  // Never resolve relative IRIs against a guessed base: in safe mode a
  // relative IRI is an error (the "relative-IRI base-URL trick" of the suites).
  options.safe_mode = true;
  rdf::QuadArena arena;
  arena.Reserve(64, 4096);
  if (jsonld::internal::DirectToRdf(document, options, arena)) {
    auto canonical = rdf::CanonicalizeToNQuads(std::move(arena));
    if (!canonical.ok()) return canonical.status().Annotate("rdfc-1.0");
    return canonical;
  }
  auto dataset = jsonld::ToRdf(document, options);
  if (!dataset.ok()) return dataset.status().Annotate("json-ld");
  auto canonical = rdf::Canonicalize(*dataset);
  if (!canonical.ok()) return canonical.status().Annotate("rdfc-1.0");
  return std::move(canonical->nquads);
}

}  // namespace passerelle::internal
