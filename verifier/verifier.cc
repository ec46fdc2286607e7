// Passerelle — the verification pipeline for credentials and presentations.
#include "verifier/verifier.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "formats/json.h"
#include "formats/profile.h"
#include "formats/vc_model.h"
#include "keys/did_document.h"
#include "verifier/internal/proof_check.h"
#include "verifier/status_cache.h"
#include "verifier/trust_registry.h"

namespace passerelle {

using nlohmann::json;

namespace {

constexpr std::size_t kMaxDocumentBytes = 512 * 1024;
constexpr int kMaxDepth = 48;

// Splits "/credentialSubject/id: missing" into pointer and message.
ReportError ErrorFrom(const Status& s, const std::string& prefix) {
  ReportError e{CodeName(s.code()), s.message(), ""};
  const std::string& m = s.message();
  std::size_t start = m.find('/');
  if (start != std::string::npos) {
    std::size_t colon = m.find(": ", start);
    std::size_t space = m.find(' ', start);
    if (colon != std::string::npos && (space == std::string::npos || colon <= space))
      e.path = prefix + m.substr(start, colon - start);
  }
  if (e.path.empty() && !prefix.empty()) e.path = prefix;
  return e;
}

class Recorder {
 public:
  Recorder(VerificationReport& report, std::vector<CheckResult>& checks, std::string prefix)
      : report_(report), checks_(checks), prefix_(std::move(prefix)) {}

  bool Record(const std::string& check, const Status& s, const std::string& ok_detail) {
    if (s.ok()) {
      checks_.push_back({check, true, ok_detail});
      return true;
    }
    checks_.push_back({check, false, s.message()});
    report_.errors.push_back(ErrorFrom(s, prefix_));
    return false;
  }

 private:
  VerificationReport& report_;
  std::vector<CheckResult>& checks_;
  std::string prefix_;
};

Status CheckValidity(const json& vc, const VerifyOptions& options, std::string* detail) {
  auto get = [&](const char* name) -> std::optional<Timestamp> {
    const json* m = FindMember(vc, name);
    if (m == nullptr || !m->is_string()) return std::nullopt;
    auto t = ParseDateTime(m->get<std::string>());
    return t.ok() ? std::optional<Timestamp>(*t) : std::nullopt;
  };
  auto from = get("validFrom");
  if (!from) from = get("issuanceDate");
  auto until = get("validUntil");
  if (!until) until = get("expirationDate");
  // The same clock-skew allowance as for proofs: an issuer's "now" may be a
  // little ahead of the verifier's.
  if (from && options.now.seconds + options.max_clock_skew_seconds < from->seconds)
    return Status::Expired("/validFrom: not valid before " + FormatDateTime(*from));
  if (until && *until < options.now)
    return Status::Expired("/validUntil: expired at " + FormatDateTime(*until));
  *detail = until ? "valid until " + FormatDateTime(*until) : "no end of validity";
  return Status::Ok();
}

// Whether the credential's issuer is trusted: named with --trust-issuer, or
// accredited by a trust list for this credential (`proofs` null when the
// proofs did not verify: then only the listing itself is checked).
Status CheckIssuerTrusted(const std::string& issuer, const json& vc, const internal::ProofCheckOutcome* proofs,
                          const VerifyOptions& options, VerificationReport& report, std::string* detail) {
  if (std::find(options.trusted_issuers.begin(), options.trusted_issuers.end(), issuer) !=
      options.trusted_issuers.end()) {
    *detail = issuer + " is trusted (given as a trusted issuer)";
    return Status::Ok();
  }
  if (options.trust_registry != nullptr) {
    if (const AccreditedIssuer* accredited = options.trust_registry->FindIssuer(issuer)) {
      static const std::vector<std::string> kNoMethods;
      static const std::vector<std::optional<Timestamp>> kNoTimes;
      Status s = options.trust_registry->CheckIssuer(*accredited, vc, proofs ? proofs->methods : kNoMethods,
                                                     proofs ? proofs->created : kNoTimes, options.now, detail);
      // The oldest document the verdict relied on: the list, or its root.
      const Timestamp issued = std::min(accredited->list_valid_from, accredited->root_valid_from);
      if (s.ok() && (!report.trust_freshness || issued < *report.trust_freshness)) report.trust_freshness = issued;
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

std::vector<std::string> TypesOf(const json& doc) {
  std::vector<std::string> out;
  const json* t = FindMember(doc, "type");
  if (t != nullptr && t->is_string()) out.push_back(t->get<std::string>());
  if (t != nullptr && t->is_array())
    for (const auto& e : *t)
      if (e.is_string()) out.push_back(e.get<std::string>());
  return out;
}

// Verifies one credential; appends its verdict to report.credentials.
bool VerifyCredentialObject(json& vc, const VerifyOptions& options, const std::string& prefix,
                            VerificationReport& report) {
  CredentialVerdict verdict;
  verdict.types = TypesOf(vc);
  if (const json* id = FindMember(vc, "id"); id && id->is_string()) verdict.id = id->get<std::string>();
  Recorder rec(report, verdict.checks, prefix);

  bool ok = rec.Record("model", ValidateCredentialModel(vc), "conforms to the VC data model");
  auto issuer = CredentialIssuerId(vc);
  if (issuer.ok()) verdict.issuer = *issuer;
  if (ok) {
    internal::ProofExpectations expect{"assertionMethod", verdict.issuer, std::nullopt, std::nullopt};
    auto proofs = internal::VerifyProofs(vc, expect, options);
    ok &= rec.Record("proof", proofs.status(),
                     proofs.ok() ? "signed by " + proofs->methods.front() +
                                       (proofs->methods.size() > 1
                                            ? " and " + std::to_string(proofs->methods.size() - 1) + " more"
                                            : std::string())
                                 : std::string());
    std::string trust_detail;
    Status trusted = CheckIssuerTrusted(verdict.issuer, vc, proofs.ok() ? &*proofs : nullptr, options, report,
                                        &trust_detail);
    ok &= rec.Record("issuer", trusted, trust_detail);
    std::string validity_detail;
    Status validity = CheckValidity(vc, options, &validity_detail);
    ok &= rec.Record("validity", validity, validity_detail);
    if (FindMember(vc, "credentialStatus") != nullptr) {
      std::string status_detail;
      Status status = CheckCredentialStatus(vc, options.status_cache, options, &status_detail,
                                            &report.status_freshness);
      ok &= rec.Record("status", status, status_detail);
    }
    if (UsesPasserelleContext(vc))
      ok &= rec.Record("profile", ValidateProfile(vc), "follows the Passerelle credential profile");
  }
  verdict.verified = ok;
  report.credentials.push_back(std::move(verdict));
  return ok;
}

std::string HolderOf(const json& vp) {
  const json* h = FindMember(vp, "holder");
  if (h != nullptr && h->is_string()) return h->get<std::string>();
  if (h != nullptr && h->is_object()) {
    const json* id = FindMember(*h, "id");
    if (id != nullptr && id->is_string()) return id->get<std::string>();
  }
  return {};
}

void VerifyPresentationObject(json& vp, const VerifyOptions& options,
                              VerificationReport& report) {
  report.kind = "presentation";
  Recorder rec(report, report.checks, "");
  bool ok = rec.Record("model", ValidatePresentationModel(vp), "conforms to the VC data model");
  if (!vp.is_object()) return;
  // Whatever fails at the presentation level, every credential is still
  // verified and listed below, so the verdict names each one.
  std::string holder = HolderOf(vp);
  if (holder.empty()) {
    ok = false;
    rec.Record("holder", Status::VerificationFailed("/holder: missing: a presentation must name its holder"), "");
  } else {
    internal::ProofExpectations expect{"authentication", holder, options.challenge, options.domain};
    auto proofs = internal::VerifyProofs(vp, expect, options);
    ok &= rec.Record("proof", proofs.status(), proofs.ok() ? "presented by " + holder : std::string());
  }
  if (!options.challenge) {
    report.warnings.push_back(
        "no challenge was given: this presentation could be a replay of an earlier one");
    report.hints.push_back("ask the holder to present with --challenge, then verify with the same --challenge");
  }
  // The proof over the presentation is checked; now each credential in it,
  // edited in place by the proof checks and restored.
  json* vcs = vp.is_object() && vp.contains("verifiableCredential") ? &vp["verifiableCredential"] : nullptr;
  std::vector<json*> items;
  if (vcs != nullptr && vcs->is_array())
    for (auto& e : *vcs) items.push_back(&e);
  else if (vcs != nullptr)
    items.push_back(vcs);
  if (items.empty()) ok &= rec.Record("credentials", Status::InvalidCredential("/verifiableCredential: the presentation carries no credential"), "");
  for (std::size_t i = 0; i < items.size(); ++i) {
    std::string prefix = vcs->is_array() ? "/verifiableCredential/" + std::to_string(i) : "/verifiableCredential";
    json& item = *items[i];
    bool vc_ok = VerifyCredentialObject(item, options, prefix, report);
    // Holder binding: every credential must be about the presenting holder.
    bool bound = false;
    auto is_holder = [&](const json& subject) {
      const json* sid = FindMember(subject, "id");
      return sid != nullptr && JsonStringEquals(*sid, holder);
    };
    if (const json* s = FindMember(item, "credentialSubject")) {
      if (s->is_array())
        bound = std::any_of(s->begin(), s->end(), is_holder);
      else
        bound = is_holder(*s);
    }
    CredentialVerdict& verdict = report.credentials.back();
    Recorder vrec(report, verdict.checks, prefix);
    bool holder_ok = vrec.Record(
        "holder",
        bound ? Status::Ok()
              : Status::VerificationFailed("/credentialSubject/id: the credential is not about the holder " +
                                           (holder.empty() ? std::string("(the presentation names none)") : holder)),
        "about the presenting holder");
    verdict.verified = vc_ok && holder_ok;
    ok &= verdict.verified;
  }
  report.verified = ok;
}

}  // namespace

// Verifies `document`, editing it in place during proof checks (restored).
static VerificationReport VerifyOwned(json& document, const VerifyOptions& options) {
  VerificationReport report;
  if (!document.is_object()) {
    report.malformed_input = true;
    report.kind = "credential";
    report.errors.push_back({"malformed", "the input is not a JSON object", ""});
    return report;
  }
  if (HasType(document, "VerifiablePresentation") && HasType(document, "VerifiableCredential")) {
    report.kind = "credential";
    Recorder rec(report, report.checks, "");
    rec.Record("model", Status::InvalidCredential("/type: a document cannot be both a credential and a presentation"), "");
    return report;
  }
  if (HasType(document, "VerifiablePresentation")) {
    VerifyPresentationObject(document, options, report);
    return report;
  }
  report.kind = "credential";
  report.verified = VerifyCredentialObject(document, options, "", report);
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
  return report;
}

VerificationReport Verify(std::string_view json_text, const VerifyOptions& options) {
  auto parsed = ParseJson(json_text, JsonLimits{kMaxDocumentBytes, kMaxDepth});
  if (!parsed.ok()) {
    VerificationReport report;
    report.malformed_input = true;
    report.kind = "credential";
    report.checks.push_back({"json", false, parsed.status().message()});
    report.errors.push_back({CodeName(parsed.status().code()), parsed.status().message(), ""});
    return report;
  }
  return VerifyOwned(*parsed, options);
}

VerificationReport VerifyDocument(const json& document, const VerifyOptions& options) {
  json copy = document;
  return VerifyOwned(copy, options);
}

}  // namespace passerelle
