// Passerelle — VC-API issue requests: reading {"credential", "options"} and
// completing the credential the way the VC-API and the W3C suites expect.
// Pure functions; thread-safe.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "formats/data_integrity.h"
#include "formats/datetime.h"
#include "formats/status.h"

namespace passerelle::http {

inline constexpr std::string_view kDataIntegrityContextV2 = "https://w3id.org/security/data-integrity/v2";

struct IssueInput {
  nlohmann::json credential;
  Cryptosuite suite = Cryptosuite::kEddsaRdfc2022;
  // options.credentialStatus {"type": "BitstringStatusListEntry"} was given.
  bool status_requested = false;
};

// Reads an issue request body. Honours options.type (only
// "DataIntegrityProof"), options.cryptosuite and options.credentialStatus
// (only "BitstringStatusListEntry").
// Errors: kMalformed "/credential: …" (missing, not an object),
// kUnsupported "/options/cryptosuite: …", "/options/type: …".
Result<IssueInput> ParseIssueRequest(const nlohmann::json& body, Cryptosuite default_suite);

// Fills what the caller may leave out: issuer (this node's DID), id (a new
// urn:uuid), validFrom (VC 2.0) or issuanceDate (VC 1.1), and for VC 1.1 the
// data-integrity/v2 context that defines the proof's terms. Present members
// are kept as they are (the data model checks them later).
void CompleteCredential(nlohmann::json& credential, const std::string& did, Timestamp now);

// Whether this node adds status entries: always to a VC 2.0 credential (so
// that it can be revoked), to a VC 1.1 credential only when the caller asked
// (options.credentialStatus): verifiers that know only the VC 1.1 contexts
// could not expand the status/v1 terms otherwise (docs/api.md).
bool WantsStatusEntries(const IssueInput& input);

}  // namespace passerelle::http
