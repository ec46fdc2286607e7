// Passerelle (formats internal) — the RDFC transformation of a JSON-LD document:
// safe-mode JSON-LD to RDF over the bundled contexts, then RDFC-1.0.
#pragma once

#include <string>

#include <nlohmann/json_fwd.hpp>

#include "formats/status.h"

namespace passerelle::internal {

// Returns the canonical N-Quads of `document`.
// Errors: kInvalidCredential (safe mode: an undefined term or type, a relative
// IRI), kUnsupported (a context that is not bundled), kResourceExhausted.
Result<std::string> RdfcCanonicalNQuads(const nlohmann::json& document);

}  // namespace passerelle::internal
