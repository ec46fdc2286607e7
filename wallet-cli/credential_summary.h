// Passerelle wallet — what `wallet list` shows of a credential.
//
// A summary is computed once, at import, from a credential the verifier
// library has just verified, and kept in the encrypted index so that listing
// needs no re-verification. Pure functions; thread-safe.
#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "formats/credential.h"
#include "formats/status.h"

namespace passerelle::wallet {

struct CredentialSummary {
  std::string credential_id;      // the credential's `id`; may be empty
  std::string kind;               // "module", "certification", "diploma", "recognition", "credential"
  nlohmann::json title;           // language map ({"en": …}), a string, or null
  std::string issuer_id;
  std::string issuer_name;        // may be empty
  std::string subject_id;         // credentialSubject.id; may be empty
  int eqf_level = 0;              // 0: none asserted
  std::optional<double> ects;
  std::string valid_from;         // as written, may be empty
  std::string valid_until;        // as written, may be empty
  bool has_status = false;        // carries a credentialStatus entry
  std::string status;             // last known: "active", "revoked", "suspended", "unknown", "none"
  std::string status_checked_at;  // when `status` was learnt; empty if never
};

// Reads the summary fields of a (verified) credential; missing fields stay empty.
CredentialSummary SummarizeCredential(const Credential& credential);

// The index form, and back. Errors: kMalformed naming the member.
nlohmann::json SummaryToJson(const CredentialSummary& summary);
Result<CredentialSummary> SummaryFromJson(const nlohmann::json& json);

}  // namespace passerelle::wallet
