// Passerelle (verifier internal) — joint awards: every awarding body signs.
//
// A credential whose achievement names awarding bodies besides its issuer
// (a joint diploma, docs/formats/diploma.md) is valid only when each of them
// added a valid proof of its own (a proof set) and each is trusted for it:
// given as a trusted issuer, or accredited by a trust list for that kind of
// credential at that level, with the key it signed with listed.
#pragma once

#include <string>

#include "formats/credential.h"
#include "formats/status.h"
#include "verifier/internal/proof_check.h"
#include "verifier/verifier.h"

namespace passerelle::internal {

// Whether `vc` names an awarding body other than its issuer. Cheap: member
// lookups only, so the single-issuer path pays nothing else.
bool NamesOtherAwardingBodies(const Credential& vc);

// REQUIRES: `proofs` is the outcome of verifying every proof of `vc`.
// Checks each awarding body other than the issuer. On success `detail`
// names them. Errors: kVerificationFailed "…: incomplete: DID (name) has not
// signed …" for a body without a valid proof; kUntrustedIssuer for a body
// trusted by no anchor, or outside its accreditation (kind, level, keys,
// country); each located at the body's JSON Pointer.
Status CheckAwardingBodies(const Credential& vc, const ProofCheckOutcome& proofs, const VerifyOptions& options,
                           std::string* detail);

}  // namespace passerelle::internal
