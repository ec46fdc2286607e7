// Passerelle — W3C Data Integrity proofs and the EdDSA cryptosuites.
//
// This unit knows the proof format and how each cryptosuite turns a document
// and a proof configuration into the 64 bytes Ed25519 signs (proof hash ||
// document hash). It holds no keys: signing lives in keys/ (secret target),
// signature checks in keys/ (public target), policy in verifier/.
// Stateless; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "formats/datetime.h"
#include "formats/status.h"

namespace passerelle {

// Do not renumber.
enum class Cryptosuite {
  kEddsaRdfc2022,
  kEddsaJcs2022,
  // The legacy `Ed25519Signature2020` proof type (W3C CCG): RDFC-1.0 like
  // eddsa-rdfc-2022, with no `cryptosuite` member. Verified for interop with
  // credentials issued by other wallets and issuers; Passerelle never signs with it.
  kEd25519Signature2020,
};

// "eddsa-rdfc-2022" / "eddsa-jcs-2022" / "Ed25519Signature2020".
const char* CryptosuiteName(Cryptosuite suite);
// Parses a `cryptosuite` value Passerelle signs with (the two eddsa suites).
// Errors: kUnsupported naming the suite.
Result<Cryptosuite> ParseCryptosuite(std::string_view name);

// A DataIntegrityProof as found in a secured document, checked for shape.
struct DataIntegrityProof {
  Cryptosuite suite;
  std::string verification_method;  // absolute URL, e.g. did:key:z6Mk…#z6Mk…
  std::string proof_purpose;        // "assertionMethod", "authentication", …
  std::optional<Timestamp> created;
  std::optional<Timestamp> expires;
  std::optional<std::string> challenge;
  std::optional<std::string> domain;  // first value when an array
  std::vector<std::string> domains;   // all values of `domain`
  std::optional<std::string> id;
  std::vector<std::string> previous_proof;
  std::string signature;  // the 64 raw bytes decoded from proofValue
};

// Checks and decodes one proof object found at JSON Pointer `where`:
// a DataIntegrityProof with eddsa-rdfc-2022 or eddsa-jcs-2022, or an
// Ed25519Signature2020 proof. Errors: kMalformed (shape, proofValue
// encoding, dates) and kUnsupported (another proof type, an unknown or
// missing cryptosuite).
Result<DataIntegrityProof> ParseDataIntegrityProof(const nlohmann::json& proof,
                                                   std::string_view where);

// Options for creating a proof.
struct ProofOptions {
  Cryptosuite suite = Cryptosuite::kEddsaRdfc2022;
  std::string verification_method;
  std::string proof_purpose = "assertionMethod";
  Timestamp created;
  std::optional<Timestamp> expires;
  std::optional<std::string> challenge;
  std::optional<std::string> domain;
  std::optional<std::string> id;
  std::optional<std::string> previous_proof;
};

// Builds the proof configuration (the proof without proofValue).
nlohmann::json MakeProofConfig(const ProofOptions& options);

// Returns the bytes to sign/verify for `unsecured` (a document without
// `proof`) under `proof_config` (a proof without `proofValue`), as the
// cryptosuite specifies: SHA-256(canonical proof config) || SHA-256(canonical
// document), the proof config taking the document's @context for
// eddsa-rdfc-2022 (vc-di-eddsa §3.2.5) and keeping its own, or none, for
// eddsa-jcs-2022 (§3.3.5).
// Errors: kMalformed / kInvalidCredential from canonicalization (JSON-LD
// safe mode rejects undefined terms), kResourceExhausted.
// The canonical forms a hash was computed over, for callers that must
// check what they read from the JSON against what was signed.
struct CanonicalForms {
  std::string document;  // canonical N-Quads (RDFC suites) or JCS bytes
  std::string config;
};

Result<std::string> HashDataForProof(const nlohmann::json& unsecured,
                                     const nlohmann::json& proof_config, Cryptosuite suite,
                                     CanonicalForms* forms = nullptr);

// The canonical forms, for tests and diagnostics.
Result<std::string> CanonicalDocument(const nlohmann::json& document, Cryptosuite suite);

// Returns the proofs of `secured` (object or array) as a JSON array; empty
// when there is no `proof`.
nlohmann::json ProofsOf(const nlohmann::json& secured);

// The document to verify proof number `index` of `secured` against: the
// document without `proof`, plus — for a proof with previousProof — the
// referenced proofs (VC Data Integrity §4.3 proof chains). Also applies the
// eddsa-jcs-2022 "proof @context" rule (vc-di-eddsa §3.3.2 step 4): when
// the proof carries an @context, the document's @context must start with it
// and is replaced by it. eddsa-rdfc-2022 has no such rule.
// Errors: kVerificationFailed for a dangling previousProof or a @context
// mismatch; kMalformed for shapes.
Result<nlohmann::json> UnsecuredDocumentForProof(const nlohmann::json& secured,
                                                 const nlohmann::json& proof);

// The hash data to verify proof `proof` (one of `secured`'s proofs)
// against: UnsecuredDocumentForProof followed by HashDataForProof, with the
// same errors. Builds the unsecured document apart (a copy): for tests and
// diagnostics; the verifier uses HashDataForDetachedProof.
Result<std::string> HashDataForSecuredDocument(const nlohmann::json& secured, const nlohmann::json& proof,
                                               Cryptosuite suite, CanonicalForms* forms = nullptr);

// The same, for a document whose proofs are held apart (Credential keeps
// them so): `unsecured` has no `proof` member, `all_proofs` is what the
// secured document's `proof` held (one proof object or an array) and
// `proof` one of those proofs. Reads `unsecured` as it is, without editing
// or copying it, unless the proof chains to others (previousProof) or is an
// eddsa-jcs-2022 proof whose @context is shorter than the document's: then
// the document to hash is built apart. Same errors as UnsecuredDocumentForProof followed by
// HashDataForProof. `canonical_unsecured`, when not empty, is the JCS text
// of `unsecured` (Credential::canonical_unsecured()): eddsa-jcs-2022 then
// hashes it instead of serialising the document again.
Result<std::string> HashDataForDetachedProof(const nlohmann::json& unsecured, const nlohmann::json& all_proofs,
                                             const nlohmann::json& proof, Cryptosuite suite,
                                             CanonicalForms* forms = nullptr,
                                             std::string_view canonical_unsecured = {});

// The proof configuration to verify against: the proof without proofValue.
nlohmann::json ProofConfigFromProof(const nlohmann::json& proof);

}  // namespace passerelle
