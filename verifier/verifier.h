// Passerelle — the offline verification pipeline.
//
// Verify() takes a credential or a presentation (JSON text, or the typed
// model of formats/credential.h) and runs, in order: well-formedness and
// limits → data model → proof(s) → issuer trust → validity window → status →
// profile. VerifyOptions is the policy, built once and shared: trust
// sources, time, status cache, challenge and domain. Nothing here touches
// the network: keys come from did:key or DID documents the caller supplies,
// trust from the caller's anchors. A report lists every check; `verified`
// is true only when every check passed, and each credential that passed is
// handed out as a VerifiedCredential, a type only this unit can make.
// VerifySignedDocument is the lower level that status lists, trust lists
// and the issuer's self-check use: proofs by one expected signer, the data
// model and the validity window, nothing else.
// Every function is thread-safe for concurrent calls sharing one const
// VerifyOptions.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "env/env.h"
#include "formats/credential.h"
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
  // Holder binding, a policy and not a data-model rule (VC 2.0 allows a
  // presentation without `holder`): when true (the CLI, the employer page,
  // recognition and stacking), a presentation must name its holder, carry
  // the holder's proof, and every credential must be about that holder. When
  // false (the VC-API routes unless their options ask for it), a holder-less
  // presentation is accepted, its proofs (if any) verified with their own
  // keys; a named holder must still have signed it.
  bool require_holder_binding = true;
  // The freshness policy (--max-status-age, --max-trust-age): a verdict may
  // not rest on a status list, or on a trust list obtained by `verifier
  // sync`, that the verifier last confirmed (fetched, or answered 304) more
  // than this long before `now`. A trust list given as a file counts from
  // its validFrom; a root, the operator's anchor, is bounded by its own
  // validUntil only. 0: no limit. docs/federation.md.
  std::int64_t max_status_age_seconds = 7 * 86400;
  std::int64_t max_trust_age_seconds = 30 * 86400;
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
  // Read from the typed credential (no copies).
  const std::string& id() const { return credential.id(); }
  const std::string& issuer() const { return credential.issuer().id; }
  const std::vector<std::string>& types() const { return credential.types(); }
  bool verified = false;
  std::vector<CheckResult> checks;
  // The credential as read (its claims are not vouched for unless
  // `verified`); JSON Pointer of the credential in the input ("" for a bare
  // credential).
  Credential credential;
  std::string pointer;
  // The DID of the authority whose trust list accredits the issuer; empty
  // when it was trusted otherwise (--trust-issuer) or not at all.
  std::string accredited_by;
};

// A credential that passed every check of the policy it was verified
// under. Only the verifier makes them: holding one means the claims read
// from credential() are vouched for by a trusted issuer.
class VerifiedCredential {
 public:
  const Credential& credential() const { return credential_; }
  // Who vouched for the issuer (the trust check's sentence).
  const std::string& trust_detail() const { return trust_detail_; }

 private:
  friend class VerifiedCredentialFactory;
  VerifiedCredential(Credential credential, std::string trust_detail)
      : credential_(std::move(credential)), trust_detail_(std::move(trust_detail)) {}
  Credential credential_;
  std::string trust_detail_;
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
  // The credentials that passed (for a presentation: only when the whole
  // presentation did), in document order.
  std::vector<VerifiedCredential> verified_credentials;
  // The time the verdict is for (VerifyOptions::now): ages count to it.
  Timestamp verified_at;
  // When the verifier last confirmed the oldest status list the verdict
  // relied on (sync: fetched or answered 304).
  std::optional<Timestamp> status_freshness;
  // The same for trust lists (a list given as a file: its validFrom).
  std::optional<Timestamp> trust_freshness;
};

// Verifies a credential or presentation given as JSON text (the report's
// typed credentials do not keep a copy of it: the caller has it).
VerificationReport Verify(std::string_view json_text, const VerifyOptions& options);
// Verifies an already parsed document (copied once into the typed model;
// callers that own the document use CredentialFromJson / the overloads below).
VerificationReport VerifyDocument(const nlohmann::json& document, const VerifyOptions& options);
// Verifies a credential read into the typed model. A challenge or domain in
// `options` fails it: a bare credential proves no holder.
VerificationReport VerifyCredential(const Credential& credential, const VerifyOptions& options);
// Verifies a presentation and every credential it carries.
VerificationReport VerifyPresentation(const Presentation& presentation, const VerifyOptions& options);

// A document verified as signed by one expected signer.
struct SignedDocument {
  std::vector<std::string> methods;               // verification methods that signed
  std::vector<std::optional<Timestamp>> created;  // each proof's `created`
};
// The lower level for signed documents that are not a holder's credentials
// (status lists, trust lists, the issuer's own output): the data model,
// every proof made by `signer`'s keys (from options.resolver or did:key),
// and (unless `validity` is kNotChecked: the issuer checking a credential
// it signed that becomes valid later) the validity window at options.now.
// No trust, status or profile check.
// Errors: kInvalidCredential (model), kVerificationFailed / kMalformed /
// kUnsupported (proofs), kExpired (validity or proof expiry).
enum class ValidityWindow { kChecked, kNotChecked };
Result<SignedDocument> VerifySignedDocument(const Credential& document, const std::string& signer,
                                            const VerifyOptions& options,
                                            ValidityWindow validity = ValidityWindow::kChecked);

// Every proof of `document`, each verified with its own verificationMethod's
// key (from options.resolver or did:key) whoever made it — a proof set or a
// chain — and the data model; no trust, validity, status or profile check.
// For a party adding its proof to a joint credential (issuer cosign).
// Errors: kInvalidCredential (model), kVerificationFailed / kMalformed /
// kUnsupported / kExpired (a proof), with the failing proof's JSON Pointer.
Result<SignedDocument> VerifyProofsOf(const Credential& document, const VerifyOptions& options);

// What a person acts on, per credential (the employer page's data-outcome):
// kPresented (authentic, presented by its holder with the expected
// challenge), kAuthentic (its own checks hold; the holder is not proven: a
// printed or e-mailed credential, or a presentation whose holder proof
// failed), kRefused (not authentic, altered, revoked, suspended, expired,
// untrusted).
enum class Outcome { kPresented, kAuthentic, kRefused };
Outcome OutcomeOf(const VerificationReport& report, const CredentialVerdict& credential);
// "presented", "authentic", "refused".
const char* OutcomeName(Outcome outcome);

// The report as the JSON document of INTERFACES.md (verifier verify --json).
nlohmann::json ReportToJson(const VerificationReport& report);

}  // namespace passerelle
