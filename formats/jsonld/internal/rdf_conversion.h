// Passerelle — Deserialize JSON-LD to RDF (API §8.1), Object to RDF
// Conversion (§8.2) and List to RDF Conversion (§8.3).
#pragma once

#include "formats/jsonld/internal/node_map.h"
#include "formats/jsonld/options.h"
#include "formats/rdf/dataset.h"
#include "formats/status.h"

namespace passerelle::jsonld::internal {

// Appends the quads of `node_map` to `dataset` (duplicates included).
// Errors: kInvalidCredential in safe mode for anything dropped (relative
// subject/property/type/graph IRIs, blank node predicates, ill-formed
// literals); kMalformed for an @json value JCS cannot canonicalise.
Status NodeMapToRdf(const NodeMap& node_map, const JsonLdOptions& options,
                    BlankNodeGenerator& generator, rdf::Dataset& dataset);

}  // namespace passerelle::jsonld::internal
