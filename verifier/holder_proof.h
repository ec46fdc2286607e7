// Passerelle — proving a holder's key without credentials: a verifiable
// presentation that carries none, signed with Data Integrity by its holder
// (proof purpose authentication, the verifier's challenge and domain).
//
// OID4VCI 1.0 key proofs of type `di_vp` are such presentations: the issuer
// node checks one before binding a credential to the holder (docs/claiming.md).
// Same proof checks as VerifyPresentation (cryptosuites, the key controlled
// by the holder, challenge, domain); no credential is required or read.
// Stateless; thread-safe.
#pragma once

#include <string>

#include "formats/credential.h"
#include "formats/status.h"
#include "verifier/verifier.h"

namespace passerelle {

// Verifies `presentation`'s data model and every proof as made by its
// holder for `options.challenge` and `options.domain` (both REQUIRED here).
// Returns the holder. Errors: kInvalidArgument (no challenge or domain
// asked for), kInvalidCredential (model), kVerificationFailed (no holder,
// a bad proof, another challenge or domain), kMalformed, kUnsupported.
Result<std::string> VerifyHolderProof(const Presentation& presentation, const VerifyOptions& options);

}  // namespace passerelle
