// Passerelle — JSON-LD 1.1 expansion (the expand() API method).
//
// Expansion makes every IRI absolute, every value explicit and removes the
// context: the form RDF deserialisation and signing work from. Remote
// contexts come only from the options' DocumentLoader (by default the
// bundled, hash-pinned contexts). Thread-safe: concurrent calls share the
// memoised bundled contexts.
#pragma once

#include <nlohmann/json_fwd.hpp>

#include "formats/jsonld/options.h"
#include "formats/status.h"

namespace passerelle::jsonld {

// Expands `input` (a JSON-LD document: a map or an array) and returns the
// expanded form, always an array.
// Errors: kMalformed with the JSON-LD error code first in the message
//   ("invalid term definition: ..."); kUnsupported for a context the loader
//   does not have ("loading remote context failed: ..."); kInvalidCredential
//   for safe-mode violations ("safe mode: invalid property: ..."),
//   kResourceExhausted when a work bound is hit; kInvalidArgument for bad
//   options (unknown processing mode or rdfDirection, a relative base IRI).
Result<nlohmann::json> Expand(const nlohmann::json& input, const JsonLdOptions& options);

}  // namespace passerelle::jsonld
