// Passerelle — W3C VC Data Model rules (2.0, and 1.1 for verification).
//
// Structural checks that need no JSON-LD processing: required properties,
// value shapes, URLs, date-times and their order. JSON-LD-level rules (every
// term defined, protected terms not redefined) are enforced by safe-mode
// expansion in the cryptosuite layer. Stateless; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json_fwd.hpp>

#include "formats/status.h"

namespace passerelle {

inline constexpr std::string_view kVc2Context = "https://www.w3.org/ns/credentials/v2";
inline constexpr std::string_view kVc1Context = "https://www.w3.org/2018/credentials/v1";

enum class VcVersion { kV1_1, kV2_0 };

// True when `s` is an absolute URL (RFC 3986 scheme ":" rest, no spaces or
// control characters).
bool IsAbsoluteUrl(std::string_view s);

// Returns the data-model version of a credential or presentation from its
// first @context. Errors: kInvalidCredential when @context is missing or
// its first entry is neither base context.
Result<VcVersion> DetectVcVersion(const nlohmann::json& document);

// Checks a verifiable credential against the data model.
// Errors: kInvalidCredential "<json pointer>: <rule>".
Status ValidateCredentialModel(const nlohmann::json& credential);

// Checks a verifiable presentation, including each embedded credential.
// Errors: kInvalidCredential "<json pointer>: <rule>".
Status ValidatePresentationModel(const nlohmann::json& presentation);

// Checks the shape of a document's `proof` value found at `where` (an
// object, or an array of objects, each with a type); null or absent is OK.
// The model checks call it; the verifier calls it on a Credential's
// detached proofs. Errors: kInvalidCredential "<where>/proof…: <rule>".
Status ValidateProofShape(const nlohmann::json* proof, const std::string& where);

// Returns the issuer's id (issuer as a string, or issuer.id).
// Errors: kInvalidCredential.
Result<std::string> CredentialIssuerId(const nlohmann::json& credential);

// True when the document's `type` (string or array) contains `type`.
bool HasType(const nlohmann::json& document, std::string_view type);

}  // namespace passerelle
