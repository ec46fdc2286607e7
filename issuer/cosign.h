// Passerelle — an awarding body adds its proof to a joint credential.
//
// A joint diploma (docs/formats/diploma.md) names every awarding body in
// credentialSubject.achievement.awardingBody; the lead university issues it
// with its own proof, and each partner adds one more proof with its own key
// (a proof set: each proof signs the credential without the others). A
// partner signs only a draft it has checked: every proof already on it
// verifies, one is by the credential's issuer, and the partner is a named
// awarding body that has not signed yet. Thread-safe.
#pragma once

#include <nlohmann/json_fwd.hpp>

#include "formats/data_integrity.h"
#include "formats/status.h"
#include "issuer/issuer_dir.h"
#include "keys/signing_key.h"
#include "verifier/verifier.h"

namespace passerelle {

// Returns `credential` with `self`'s proof added (signed by `key`, its
// current key, created at options.now). `options` gives the time and the
// DID documents of did:web co-signers (did:key needs none).
// Errors: kVerificationFailed (a proof already on it does not verify — a
// tampered draft —, or none is by its issuer), kPermissionDenied (`self` is
// not a named awarding body, or is its issuer), kAlreadyExists (`self`
// has signed it already), kInvalidCredential (not a credential), kInternal
// (the result failed its own check).
Result<nlohmann::json> CosignCredential(const IssuerDir& self, const Ed25519SigningKey& key,
                                        const nlohmann::json& credential, Cryptosuite suite,
                                        const VerifyOptions& options);

}  // namespace passerelle
