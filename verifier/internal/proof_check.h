// Passerelle (verifier internal) — checking every proof of a document.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "formats/status.h"
#include "verifier/verifier.h"

namespace passerelle::internal {

struct ProofExpectations {
  std::string purpose;             // "assertionMethod" or "authentication"
  // The DID every proof's key must belong to; empty: any party (each proof
  // is still verified with its own verificationMethod's key — the caller
  // decides whose proofs it needs, from ProofCheckOutcome::methods).
  std::string controller;
  std::optional<std::string> challenge;
  std::optional<std::string> domain;
  // The document's JCS text when known (Credential::canonical_unsecured()).
  std::string_view canonical_unsecured;
};

struct ProofCheckOutcome {
  std::vector<std::string> methods;  // verification methods that signed
  std::vector<std::optional<Timestamp>> created;  // each proof's `created`, in the same order
  std::optional<Timestamp> earliest_created;
};

// Verifies every proof in `proofs` (what a document's `proof` member held:
// one proof or an array, null when unsigned) over `unsecured`, the document
// without it (Credential::unsecured()). A proof set: all must hold; chains
// via previousProof. Neither argument is edited or copied.
// Errors: kVerificationFailed / kMalformed / kUnsupported / kExpired /
// kInvalidCredential with a JSON Pointer to the failing proof.
Result<ProofCheckOutcome> VerifyProofs(const nlohmann::json& unsecured, const nlohmann::json& proofs,
                                       const ProofExpectations& expect, const VerifyOptions& options);

}  // namespace passerelle::internal
