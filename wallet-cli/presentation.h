// Passerelle wallet — verifiable presentations signed by the holder.
//
// A presentation wraps chosen credentials, names the wallet's DID as holder
// and carries one Data Integrity proof (proofPurpose "authentication",
// optional challenge and domain) by the holder's key. Before a presentation
// leaves the wallet, the verifier library checks it as an employer would
// (G13: verify your own output); the bytes returned are the very bytes that
// were verified, compact JSON, never re-serialised afterwards.
// Thread-safe.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "formats/data_integrity.h"
#include "formats/datetime.h"
#include "formats/status.h"
#include "keys/signing_key.h"
#include "verifier/verifier.h"

namespace passerelle::wallet {

// The cryptosuite of holder proofs. eddsa-rdfc-2022 is the ecosystem's
// default (ARCHITECTURE.md, decision 1).
inline constexpr Cryptosuite kPresentationSuite = Cryptosuite::kEddsaRdfc2022;

struct PresentOptions {
  std::optional<std::string> challenge;
  std::optional<std::string> domain;
  Timestamp now = Now();
  Cryptosuite suite = kPresentationSuite;
  // DID documents for did:web issuers of the credentials, for the self-check.
  DidResolver resolver;
};

// Returns the unsigned presentation of `credentials` by `holder_did`.
nlohmann::json BuildPresentation(const std::string& holder_did,
                                 const std::vector<nlohmann::json>& credentials);

// Signs `presentation` with the holder's key (a did:key verification method).
// Errors: those of AddProof.
Result<nlohmann::json> SignPresentation(const nlohmann::json& presentation,
                                        const Ed25519SigningKey& holder, const PresentOptions& options);

// Verifies `presentation_json` as a verifier given the same challenge and
// domain would, except that it trusts the issuers the credentials name (the
// employer decides on trust) and accepts a status it cannot check offline.
// Errors: kVerificationFailed (or the failing check's code) listing every
// reason; kMalformed for unparseable input.
Status CheckOwnPresentation(std::string_view presentation_json, const PresentOptions& options);

// Builds, signs and self-checks; returns the verified compact JSON bytes.
// REQUIRES: credentials non-empty. Errors: those of SignPresentation and
// CheckOwnPresentation.
Result<std::string> MakePresentation(const std::vector<nlohmann::json>& credentials,
                                     const Ed25519SigningKey& holder, const PresentOptions& options);

}  // namespace passerelle::wallet
