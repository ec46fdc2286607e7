// Passerelle — the offline verification pipeline.
//
// Verify() takes a credential or a presentation (JSON text) and runs, in
// order: well-formedness and limits → data model → proof(s) → issuer trust →
// validity window → status → profile. Nothing here touches the network: keys
// come from did:key or DID documents the caller supplies, trust from the
// caller's anchors. A report lists every check; `verified` is true only when
// every check passed. Verify() is thread-safe for concurrent calls sharing
// one const VerifyOptions.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "env/env.h"
#include "formats/datetime.h"
#include "formats/status.h"
#include "keys/did_document.h"

namespace passerelle {

class StatusListCache;  // verifier/status_cache.h
class TrustRegistry;    // verifier/trust_registry.h

struct VerifyOptions {
  // The time the verdict is for (--at); validity and proof expiry use it.
  Timestamp now = Env::Default().Now();
  // Issuers trusted for any kind of credential (--trust-issuer).
  std::vector<std::string> trusted_issuers;
  // Issuers accredited by signed trust lists (--trust-root, --trust-list),
  // trusted within their scope; null: none. Its keys should also be in
  // `resolver` (TrustRegistry::AddKeysTo).
  const TrustRegistry* trust_registry = nullptr;
  // DID documents known offline; did:key needs none.
  DidResolver resolver;
  // For presentations: what the holder's proof must have signed.
  std::optional<std::string> challenge;
  std::optional<std::string> domain;
  // Cached status lists (--status-cache); null: status cannot be checked.
  const StatusListCache* status_cache = nullptr;
  // Signatures dated this far in the future are still accepted (clock skew).
  std::int64_t max_clock_skew_seconds = 300;
};

struct CheckResult {
  std::string check;   // "json", "model", "proof", "issuer", "validity", "status", "profile", "holder"
  bool ok = false;
  std::string detail;  // human sentence, for the verdict
};

struct ReportError {
  std::string code;     // CodeName(): "verification_failed", "untrusted_issuer", …
  std::string message;
  std::string path;     // JSON Pointer into the input, when known
};

struct CredentialVerdict {
  std::string id;
  std::string issuer;
  std::vector<std::string> types;
  bool verified = false;
  std::vector<CheckResult> checks;
};

struct VerificationReport {
  bool verified = false;
  // True when no verdict could be reached (input unreadable): exit status 2.
  bool malformed_input = false;
  std::string kind;  // "credential" | "presentation"
  std::vector<CheckResult> checks;
  std::vector<ReportError> errors;
  std::vector<std::string> warnings;
  std::vector<std::string> hints;
  std::vector<CredentialVerdict> credentials;
  std::optional<Timestamp> status_freshness;
  // Issue date of the oldest trust list a verdict relied on.
  std::optional<Timestamp> trust_freshness;
};

// Verifies a credential or presentation given as JSON text.
VerificationReport Verify(std::string_view json_text, const VerifyOptions& options);
// Verifies an already parsed document.
VerificationReport VerifyDocument(const nlohmann::json& document, const VerifyOptions& options);

// The report as the JSON document of INTERFACES.md (verifier verify --json).
nlohmann::json ReportToJson(const VerificationReport& report);

}  // namespace passerelle
