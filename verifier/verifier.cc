// Passerelle — the verification pipeline for credentials and presentations.
#include "verifier/verifier.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "formats/duration.h"
#include "formats/json.h"
#include "formats/profile.h"
#include "formats/vc_model.h"
#include "keys/did_document.h"
#include "verifier/internal/awarding_check.h"
#include "verifier/internal/proof_check.h"
#include "verifier/status_cache.h"
#include "verifier/trust_registry.h"

namespace passerelle {

using nlohmann::json;

namespace {

constexpr std::size_t kMaxDocumentBytes = 512 * 1024;
constexpr int kMaxDepth = 48;

// A report error for a failed check: the Status's own JSON Pointer, or the
// check's natural place when the Status names none, under `prefix` (the
// credential's place in a presentation).
ReportError ErrorFrom(const Status& s, const std::string& prefix, std::string_view fallback) {
  return ReportError{CodeName(s.code()), s.message(),
                     prefix + (s.pointer().empty() ? std::string(fallback) : s.pointer())};
}

class Recorder {
 public:
  Recorder(VerificationReport& report, std::vector<CheckResult>& checks, std::string prefix)
      : report_(report), checks_(checks), prefix_(std::move(prefix)) {}

  bool Record(const std::string& check, const Status& s, std::string ok_detail) {
    if (s.ok()) {
      checks_.push_back({check, true, std::move(ok_detail)});
      return true;
    }
    checks_.push_back({check, false, s.message()});
    report_.errors.push_back(ErrorFrom(s, prefix_, NaturalPointer(check)));
    return false;
  }

 private:
  // Where a check's failure is when its Status does not say.
  static std::string_view NaturalPointer(const std::string& check) {
    if (check == "proof") return "/proof";
    if (check == "issuer") return "/issuer";
    if (check == "status") return "/credentialStatus";
    if (check == "credentials") return "/verifiableCredential";
    return "";
  }

 public:

 private:
  VerificationReport& report_;
  std::vector<CheckResult>& checks_;
  std::string prefix_;
};

Status CheckValidity(const Credential& vc, const VerifyOptions& options, std::string* detail) {
  const auto& from = vc.valid_from();
  const auto& until = vc.valid_until();
  // The same clock-skew allowance as for proofs: an issuer's "now" may be a
  // little ahead of the verifier's.
  if (from && options.now.seconds + options.max_clock_skew_seconds < from->seconds)
    return Status::Expired("/validFrom: not valid before " + FormatDateTime(*from))
        .AtPointer(vc.unsecured().contains("validFrom") ? "/validFrom" : "/issuanceDate");
  if (until && *until < options.now)
    return Status::Expired("/validUntil: expired at " + FormatDateTime(*until))
        .AtPointer(vc.unsecured().contains("validUntil") ? "/validUntil" : "/expirationDate");
  if (detail != nullptr) *detail = until ? "valid until " + FormatDateTime(*until) : "no end of validity";
  return Status::Ok();
}

// The data model of a credential whose proofs are held apart.
Status CheckCredentialModel(const Credential& vc) {
  PSL_RETURN_IF_ERROR(ValidateCredentialModel(vc.unsecured()));
  return ValidateProofShape(&vc.proofs(), "");
}

// Whether the credential's issuer is trusted: named with --trust-issuer, or
// accredited by a trust list for this credential, signed with `methods` at
// `created` (the issuer's own proofs; null when the proofs did not verify:
// then only the listing itself is checked).
Status CheckIssuerTrusted(const std::string& issuer, const json& vc, const std::vector<std::string>* methods,
                          const std::vector<std::optional<Timestamp>>* created, const VerifyOptions& options,
                          VerificationReport& report, std::string* detail, std::string* accredited_by) {
  if (std::find(options.trusted_issuers.begin(), options.trusted_issuers.end(), issuer) !=
      options.trusted_issuers.end()) {
    *detail = issuer + " is trusted (given as a trusted issuer)";
    return Status::Ok();
  }
  if (options.trust_registry != nullptr) {
    if (const AccreditedIssuer* accredited = options.trust_registry->FindIssuer(issuer)) {
      static const std::vector<std::string> kNoMethods;
      static const std::vector<std::optional<Timestamp>> kNoTimes;
      Status s = options.trust_registry->CheckIssuer(*accredited, vc, methods ? *methods : kNoMethods,
                                                     created ? *created : kNoTimes, options.now, detail);
      // Freshness: when the verifier last confirmed the list (sync), or
      // for a list given as a file its issue date; a root's own issuers
      // rest on the operator's anchor, bounded by its validUntil alone.
      const Timestamp confirmed = accredited->confirmed_at.value_or(accredited->list_valid_from);
      // The verdict's trust freshness: the oldest document relied on, the
      // root (issued on its validFrom) included; shown on refusals too.
      const Timestamp oldest = std::min(confirmed, accredited->root_valid_from);
      if (!report.trust_freshness || oldest < *report.trust_freshness) report.trust_freshness = oldest;
      if (s.ok() && !accredited->named_by_root && options.max_trust_age_seconds > 0 &&
          options.now.seconds - confirmed.seconds > options.max_trust_age_seconds)
        s = Status::Expired("/issuer: the trust list " + accredited->list_id + " accrediting " + issuer + " is " +
                            DescribeDuration(options.now.seconds - confirmed.seconds) + " old (" +
                            (accredited->confirmed_at ? "last confirmed " : "issued ") + FormatDateTime(confirmed) +
                            "), over the maximum trust age of " + FormatDuration(options.max_trust_age_seconds) +
                            "; run verifier sync");
      if (s.ok()) *accredited_by = accredited->accredited_by;
      return s;
    }
  }
  std::string hint = options.trust_registry != nullptr
                         ? issuer + " is in none of the trust lists given; if you know it to be a legitimate issuer, "
                                    "pass --trust-issuer " + issuer
                         : "if you know " + issuer + " to be a legitimate issuer, pass --trust-issuer " + issuer +
                               ", or give the trust lists that accredit it (--trust-root, --trust-list)";
  if (std::find(report.hints.begin(), report.hints.end(), hint) == report.hints.end())
    report.hints.push_back(hint);
  return Status::UntrustedIssuer("/issuer: " + issuer + " is trusted by no trust anchor given to the verifier");
}

// Verifies one credential; appends its verdict to report.credentials.
bool VerifyCredentialObject(const Credential& vc, const VerifyOptions& options, const std::string& prefix,
                            VerificationReport& report) {
  CredentialVerdict verdict;
  verdict.checks.reserve(8);  // model, proof, issuer, awarding, validity, status, profile
  verdict.credential = vc;
  const std::string& issuer = vc.issuer().id;
  verdict.pointer = prefix;
  Recorder rec(report, verdict.checks, prefix);

  bool ok = rec.Record("model", CheckCredentialModel(vc), "conforms to the VC data model");
  std::string trust_detail;
  if (ok) {
    // Every proof is verified with its own key, whoever made it (a proof
    // set or chain may hold co-signers' and endorsers' proofs); the
    // credential still needs one by its issuer, and only the issuer's
    // proofs answer for the issuer's trust.
    internal::ProofExpectations expect{"assertionMethod", {}, std::nullopt, std::nullopt,
                                       vc.canonical_unsecured()};
    auto proofs = internal::VerifyProofs(vc.unsecured(), vc.proofs(), expect, options);
    Status proof_status = proofs.status();
    const std::vector<std::string>* issuer_methods = nullptr;
    const std::vector<std::optional<Timestamp>>* issuer_created = nullptr;
    std::vector<std::string> own_methods;  // filled only when others signed too
    std::vector<std::optional<Timestamp>> own_created;
    if (proofs.ok()) {
      const auto& methods = proofs->methods;
      const bool all_by_issuer = std::all_of(methods.begin(), methods.end(),
                                             [&](const std::string& m) { return DidOf(m) == issuer; });
      issuer_methods = &methods;
      issuer_created = &proofs->created;
      if (!all_by_issuer) {
        for (std::size_t i = 0; i < methods.size(); ++i)
          if (DidOf(methods[i]) == issuer) {
            own_methods.push_back(methods[i]);
            own_created.push_back(proofs->created[i]);
          }
        issuer_methods = &own_methods;
        issuer_created = &own_created;
        if (own_methods.empty()) {
          proof_status = Status::VerificationFailed("/proof: no proof by the issuer " + issuer + ": " + methods.front() +
                                                    " is not controlled by " + issuer)
                             .AtPointer("/proof");
          issuer_methods = nullptr;
          issuer_created = nullptr;
        }
      }
    }
    ok &= rec.Record("proof", proof_status,
                     proof_status.ok() ? "signed by " + issuer_methods->front() +
                                             (proofs->methods.size() > 1
                                                  ? " and " + std::to_string(proofs->methods.size() - 1) + " more"
                                                  : std::string())
                                       : std::string());
    Status trusted = CheckIssuerTrusted(issuer, vc.unsecured(), issuer_methods, issuer_created, options, report,
                                        &trust_detail, &verdict.accredited_by);
    ok &= rec.Record("issuer", trusted, std::move(trust_detail));
    // A joint award: every awarding body it names must have signed it.
    if (proof_status.ok() && internal::NamesOtherAwardingBodies(vc)) {
      std::string awarding_detail;
      Status awarded = internal::CheckAwardingBodies(vc, *proofs, options, &awarding_detail);
      ok &= rec.Record("awarding", awarded, std::move(awarding_detail));
    }
    std::string validity_detail;
    Status validity = CheckValidity(vc, options, &validity_detail);
    ok &= rec.Record("validity", validity, std::move(validity_detail));
    if (vc.has_status()) {
      std::string status_detail;
      Status status = CheckCredentialStatus(vc.unsecured(), options.status_cache, options, &status_detail,
                                            &report.status_freshness);
      ok &= rec.Record("status", status, std::move(status_detail));
    }
    if (vc.uses_passerelle_context())
      ok &= rec.Record("profile", ValidateProfile(vc.unsecured()), "follows the Passerelle credential profile");
  }
  verdict.verified = ok;
  report.credentials.push_back(std::move(verdict));
  return ok;
}

void VerifyPresentationObject(const Presentation& vp, const VerifyOptions& options, VerificationReport& report) {
  report.kind = "presentation";
  Recorder rec(report, report.checks, "");
  Status model = ValidatePresentationModel(vp.unsecured());
  if (model.ok()) model = ValidateProofShape(&vp.proofs(), "");
  bool ok = rec.Record("model", model, "conforms to the VC data model");
  // Whatever fails at the presentation level, every credential is still
  // verified and listed below, so the verdict names each one.
  const std::string& holder = vp.holder();
  if (holder.empty() && options.require_holder_binding) {
    ok = false;
    rec.Record("holder",
               Status::VerificationFailed("/holder: missing: a presentation must name its holder").AtPointer("/holder"),
               "");
  } else if (holder.empty()) {
    // No holder and none required: whatever proofs it carries must hold
    // (each with its own key, and the challenge when one is expected).
    if (!vp.proofs().is_null()) {
      internal::ProofExpectations expect{"authentication", {}, options.challenge, options.domain, {}};
      auto proofs = internal::VerifyProofs(vp.unsecured(), vp.proofs(), expect, options);
      ok &= rec.Record("proof", proofs.status(),
                       proofs.ok() ? "signed by " + proofs->methods.front() + " (no holder named)" : std::string());
    } else if (options.challenge || options.domain) {
      ok &= rec.Record("proof",
                       Status::VerificationFailed("/proof: missing: a challenge or domain was given but the "
                                                  "presentation is not signed")
                           .AtPointer("/proof"),
                       "");
    } else {
      report.warnings.push_back("the presentation names no holder and is not signed: it proves no holder");
    }
  } else {
    internal::ProofExpectations expect{"authentication", holder, options.challenge, options.domain, {}};
    auto proofs = internal::VerifyProofs(vp.unsecured(), vp.proofs(), expect, options);
    ok &= rec.Record("proof", proofs.status(), proofs.ok() ? "presented by " + holder : std::string());
  }
  if (!options.challenge) {
    report.warnings.push_back(
        "no challenge was given: this presentation could be a replay of an earlier one");
    report.hints.push_back("ask the holder to present with --challenge, then verify with the same --challenge");
  }
  const auto& items = vp.credentials();
  if (items.empty()) ok &= rec.Record("credentials", Status::InvalidCredential("/verifiableCredential: the presentation carries no credential"), "");
  for (std::size_t i = 0; i < items.size(); ++i) {
    const std::string& prefix = vp.credential_pointers()[i];
    const Credential& item = items[i];
    bool vc_ok = VerifyCredentialObject(item, options, prefix, report);
    if (!options.require_holder_binding) {
      ok &= vc_ok;
      continue;
    }
    // Holder binding: every credential must be about the presenting holder.
    const auto& subjects = item.subject_ids();
    bool bound = !holder.empty() && std::find(subjects.begin(), subjects.end(), holder) != subjects.end();
    CredentialVerdict& verdict = report.credentials.back();
    Recorder vrec(report, verdict.checks, prefix);
    bool holder_ok = vrec.Record(
        "holder",
        bound ? Status::Ok()
              : Status::VerificationFailed("/credentialSubject/id: the credential is not about the holder " +
                                           (holder.empty() ? std::string("(the presentation names none)") : holder))
                    .AtPointer("/credentialSubject/id"),
        "about the presenting holder");
    verdict.verified = vc_ok && holder_ok;
    ok &= verdict.verified;
  }
  report.verified = ok;
}

}  // namespace

// The verified credentials of a finished report, for its callers.
class VerifiedCredentialFactory {
 public:
  static void Collect(VerificationReport& report) {
    if (!report.verified) return;
    for (const auto& c : report.credentials)
      if (c.verified) {
        std::string trust;
        for (const auto& check : c.checks)
          if (check.check == "issuer") trust = check.detail;
        report.verified_credentials.push_back(VerifiedCredential(c.credential, std::move(trust)));
      }
  }
};

namespace {

VerificationReport MalformedReport(const Status& s) {
  VerificationReport report;
  report.malformed_input = true;
  report.kind = "credential";
  report.checks.push_back({"json", false, s.message()});
  report.errors.push_back({CodeName(s.code()), s.message(), ""});
  return report;
}

bool IsPresentation(const json& document) {
  return HasType(document, "VerifiablePresentation") && !HasType(document, "VerifiableCredential");
}

// Verifies a parsed document, which it takes over.
VerificationReport VerifyOwned(json document, std::string text, const VerifyOptions& options,
                               JcsTextWithout canonical_unsecured = {}) {
  if (!document.is_object()) {
    VerificationReport report;
    report.verified_at = options.now;
    report.malformed_input = true;
    report.kind = "credential";
    report.errors.push_back({"malformed", "the input is not a JSON object", ""});
    return report;
  }
  if (IsPresentation(document)) {
    auto vp = PresentationFromJson(std::move(document), std::move(text));
    if (!vp.ok()) return MalformedReport(vp.status());
    return VerifyPresentation(*vp, options);
  }
  auto vc = CredentialFromJson(std::move(document), std::move(text), std::move(canonical_unsecured));
  if (!vc.ok()) return MalformedReport(vc.status());
  return VerifyCredential(*vc, options);
}

}  // namespace

VerificationReport VerifyCredential(const Credential& credential, const VerifyOptions& options) {
  VerificationReport report;
  report.verified_at = options.now;
  report.kind = "credential";
  if (credential.HasType("VerifiablePresentation")) {
    Recorder rec(report, report.checks, "");
    rec.Record("model",
               Status::InvalidCredential("/type: a document cannot be both a credential and a presentation")
                   .AtPointer("/type"),
               "");
    return report;
  }
  report.verified = VerifyCredentialObject(credential, options, "", report);
  report.checks = report.credentials.back().checks;
  if (options.challenge || options.domain) {
    // The caller expects a holder's proof over its challenge: a bare
    // credential, whoever shows it, proves no possession and no freshness.
    Recorder rec(report, report.checks, "");
    rec.Record("holder",
               Status::VerificationFailed("/: a challenge or domain was given but this is a bare credential, not a "
                                          "presentation signed by its holder"),
               "");
    report.hints.push_back("ask the holder to present it with their wallet (wallet present or wallet qr --challenge …)");
    report.verified = false;
  }
  VerifiedCredentialFactory::Collect(report);
  return report;
}

VerificationReport VerifyPresentation(const Presentation& presentation, const VerifyOptions& options) {
  VerificationReport report;
  report.verified_at = options.now;
  VerifyPresentationObject(presentation, options, report);
  VerifiedCredentialFactory::Collect(report);
  return report;
}

VerificationReport Verify(std::string_view json_text, const VerifyOptions& options) {
  JcsTextWithout canonical;
  auto parsed = ParseJson(json_text, JsonLimits{kMaxDocumentBytes, kMaxDepth}, "proof", canonical);
  if (!parsed.ok()) return MalformedReport(parsed.status());
  // The caller holds the text: the report's credentials do not keep a copy.
  return VerifyOwned(std::move(*parsed), {}, options, std::move(canonical));
}

VerificationReport VerifyDocument(const json& document, const VerifyOptions& options) {
  return VerifyOwned(document, {}, options);
}

Result<SignedDocument> VerifySignedDocument(const Credential& document, const std::string& signer,
                                            const VerifyOptions& options, ValidityWindow validity) {
  PSL_RETURN_IF_ERROR(CheckCredentialModel(document));
  if (document.issuer().id != signer)
    return Status::VerificationFailed("/issuer: issued by " +
                                      (document.issuer().id.empty() ? std::string("nobody") : document.issuer().id) +
                                      ", not by " + signer);
  // Validity first: a list outside its window is refused whatever its
  // proofs, and "expired" is what tells its reader to fetch a fresh one.
  if (validity == ValidityWindow::kChecked) PSL_RETURN_IF_ERROR(CheckValidity(document, options, nullptr));
  internal::ProofExpectations expect{"assertionMethod", signer, std::nullopt, std::nullopt,
                                     document.canonical_unsecured()};
  PSL_ASSIGN_OR_RETURN(internal::ProofCheckOutcome proofs,
                       internal::VerifyProofs(document.unsecured(), document.proofs(), expect, options));
  return SignedDocument{std::move(proofs.methods), std::move(proofs.created)};
}

Result<SignedDocument> VerifyProofsOf(const Credential& document, const VerifyOptions& options) {
  PSL_RETURN_IF_ERROR(CheckCredentialModel(document));
  internal::ProofExpectations expect{"assertionMethod", {}, std::nullopt, std::nullopt, {}};
  PSL_ASSIGN_OR_RETURN(internal::ProofCheckOutcome proofs,
                       internal::VerifyProofs(document.unsecured(), document.proofs(), expect, options));
  return SignedDocument{std::move(proofs.methods), std::move(proofs.created)};
}

}  // namespace passerelle
