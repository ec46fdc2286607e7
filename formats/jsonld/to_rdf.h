// Passerelle — JSON-LD 1.1 deserialisation to RDF (the toRdf() API method).
//
// Expands the document (formats/jsonld/expand.h), flattens it into a node
// map and emits one quad per statement: the input of RDF Dataset
// Canonicalization for eddsa-rdfc-2022. Blank nodes are labelled b0, b1, ...
// in document order. Thread-safe.
#pragma once

#include <nlohmann/json_fwd.hpp>

#include "formats/jsonld/options.h"
#include "formats/rdf/dataset.h"
#include "formats/status.h"

namespace passerelle::jsonld {

// Returns the RDF dataset `input` denotes, without duplicate quads.
// Honours options.rdf_direction and options.produce_generalized_rdf; in
// safe mode anything the algorithm would drop is an error instead.
// Errors: as Expand(), plus kMalformed for an @json literal that cannot be
//   canonicalised ("conflicting indexes" and other JSON-LD codes first in
//   the message).
Result<rdf::Dataset> ToRdf(const nlohmann::json& input, const JsonLdOptions& options);

}  // namespace passerelle::jsonld
