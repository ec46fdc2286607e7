// Passerelle — the native credential profile (docs/formats/credential-profile.md).
//
// Rules a Passerelle credential must follow on top of the VC data model:
// the 11 mandatory elements of the 2022 micro-credential Recommendation for a
// `module` credential, EQF levels only from EQF-referenced countries, language
// maps for human text, the size budget. Stateless; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "formats/status.h"

namespace passerelle {

// The Passerelle JSON-LD context (bundled, hash-pinned; docs/formats/).
inline constexpr std::string_view kPasserelleContextV1 = "https://w3id.org/passerelle/v1";
// ELM IRIs used by the profile.
inline constexpr std::string_view kEqfLevelPrefix = "http://data.europa.eu/snb/eqf/";
// The activityType of the LearningActivity an achievement was influencedBy
// when it was awarded from validated prior learning (VAE / RPL) instead of a
// course (docs/formats/credential-profile.md).
inline constexpr std::string_view kPriorLearningActivity =
    "https://w3id.org/passerelle/vocab#ValidationOfPriorLearning";
// A signed native `module` credential stays under this many bytes (QR budget).
inline constexpr std::size_t kMaxModuleCredentialBytes = 3 * 1024;

enum class CredentialKind { kModule, kCertification, kDiploma, kRecognition };

// "module", "certification", "diploma", "recognition".
const char* CredentialKindName(CredentialKind kind);
// The VC `type` value of each kind: "ModuleCredential", …
const char* CredentialKindType(CredentialKind kind);
// Errors: kInvalidArgument naming the kind.
Result<CredentialKind> ParseCredentialKind(std::string_view name);

// True when the document's @context includes the Passerelle context.
bool UsesPasserelleContext(const nlohmann::json& document);

// Countries whose national framework is referenced to the EQF (EU/EEA and
// other referenced states). Awarding bodies elsewhere assert nqfLevel only.
bool CountryReferencesEqf(std::string_view iso_country);

// Checks a credential against the Passerelle profile. Returns OK for a
// credential that does not use the Passerelle context (nothing to check).
// Errors: kInvalidCredential "<json pointer>: <rule>", naming the missing
// mandatory element (e.g. "learning outcomes (M6)").
Status ValidateProfile(const nlohmann::json& credential);

// The kind a Passerelle credential declares through its type.
// Errors: kInvalidCredential.
Result<CredentialKind> KindOf(const nlohmann::json& credential);

}  // namespace passerelle
