// Passerelle — did:key for Ed25519 (W3C CCG did:key, Multikey form), resolved offline.
// Stateless; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "formats/status.h"
#include "keys/public_key.h"

namespace passerelle {

// "did:key:z6Mk…".
std::string DidKeyFor(const Ed25519PublicKey& key);
// "did:key:z6Mk…#z6Mk…": the verification method of that DID.
std::string DidKeyVerificationMethod(const Ed25519PublicKey& key);
// Returns the key a did:key names. Errors: kMalformed, kUnsupported for
// non-Ed25519 keys.
Result<Ed25519PublicKey> ParseDidKey(std::string_view did);

}  // namespace passerelle
