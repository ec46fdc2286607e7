// Passerelle — adding a Data Integrity proof to a document with a signing key.
// Stateless; thread-safe.
#pragma once

#include <nlohmann/json_fwd.hpp>

#include "formats/data_integrity.h"
#include "formats/status.h"
#include "keys/signing_key.h"

namespace passerelle {

// Returns `document` with a new DataIntegrityProof signed by `key` under
// `options`. A document that already has proofs gets one more (a proof set;
// with options.previous_proof, a chain link). The proof carries the
// document's @context, as the eddsa cryptosuites specify.
// Errors: those of HashDataForProof (e.g. kInvalidCredential in safe mode).
Result<nlohmann::json> AddProof(const nlohmann::json& document, const Ed25519SigningKey& key,
                                const ProofOptions& options);

}  // namespace passerelle
