// Passerelle (formats internal) — eddsa-rdfc-2022 transformation: safe-mode
// JSON-LD to RDF over the bundled, hash-pinned contexts, then RDFC-1.0.
#include "formats/internal/canonical_document.h"

#include <nlohmann/json.hpp>

#include "formats/jsonld/document_loader.h"
#include "formats/jsonld/to_rdf.h"
#include "formats/rdf/canonicalize.h"

namespace passerelle::internal {

Result<std::string> RdfcCanonicalNQuads(const nlohmann::json& document) {
  jsonld::JsonLdOptions options;
  options.loader = &jsonld::BundledLoader();
  // Never resolve relative IRIs against a guessed base: in safe mode a
  // relative IRI is an error (the "relative-IRI base-URL trick" of the suites).
  options.safe_mode = true;
  auto dataset = jsonld::ToRdf(document, options);
  if (!dataset.ok()) return dataset.status().Annotate("json-ld");
  auto canonical = rdf::Canonicalize(*dataset);
  if (!canonical.ok()) return canonical.status().Annotate("rdfc-1.0");
  return std::move(canonical->nquads);
}

}  // namespace passerelle::internal
