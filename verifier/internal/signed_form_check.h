// Passerelle (verifier internal) — what the verifier reads must be what was signed.
//
// An RDFC signature (eddsa-rdfc-2022, Ed25519Signature2020) covers the RDF a
// document denotes, not its JSON. The same statement can be written in many
// JSON forms (a full IRI as a key, @nest, a keyword instead of its alias), so
// a holder could re-express, say, `validUntil` or `credentialStatus` in a
// form the verifier's JSON reading does not see, without breaking the proof.
// These checks compare, for every member the verifier's decisions rest on,
// the values in the JSON with those in the signed canonical N-Quads: any
// difference is a definite no.
#pragma once

#include <string_view>

#include <nlohmann/json_fwd.hpp>

#include "formats/status.h"

namespace passerelle::internal {

// `document`: the credential or presentation as hashed (without proof);
// `canonical`: its canonical N-Quads. Checks the node's id, types,
// validity dates, issuer, holder and credentialStatus.
// Errors: kVerificationFailed naming the member.
Status CheckDocumentMatchesSignedForm(const nlohmann::json& document, std::string_view canonical);

// `proof`: the proof object; `canonical`: its configuration's canonical
// N-Quads. Checks created, expires, challenge and domain.
Status CheckProofMatchesSignedForm(const nlohmann::json& proof, std::string_view canonical);

}  // namespace passerelle::internal
