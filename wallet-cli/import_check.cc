// Passerelle wallet — the import decision on top of the verifier library.
#include "wallet-cli/import_check.h"

#include <nlohmann/json.hpp>

#include "formats/datetime.h"
#include "formats/json.h"
#include "formats/credential.h"

namespace passerelle::wallet {

using nlohmann::json;

namespace {

constexpr std::size_t kMaxImportJsonBytes = 512 * 1024;

bool IsStatusUnknown(const ReportError& e) {
  return e.code == CodeName(Code::kNotFound) && e.path.rfind("/credentialStatus", 0) == 0;
}

}  // namespace

ImportCheck CheckForImport(std::string_view credential_json, const std::string& holder_did,
                           VerifyOptions options) {
  ImportCheck out;
  auto parsed = ParseCredential(credential_json, JsonLimits{kMaxImportJsonBytes, 48});
  if (!parsed.ok()) {
    out.malformed = true;
    out.refusals.push_back(parsed.status().code() == Code::kMalformed &&
                                   parsed.status().message() == "the credential is not a JSON object"
                               ? "not a credential: the input is not a JSON object"
                               : "not JSON: " + parsed.status().message());
    return out;
  }
  const Credential& vc = *parsed;
  if (vc.HasType("VerifiablePresentation")) {
    out.malformed = true;
    out.refusals.push_back("this is a presentation, not a credential");
    out.hints.push_back("import each credential it carries as its own file");
    return out;
  }
  // Issuer trust is not the wallet's decision: trust the issuer named, so
  // that every other check is judged on its own.
  const std::string& issuer = vc.issuer().id;
  options.trusted_issuers.clear();
  if (!issuer.empty()) options.trusted_issuers.push_back(issuer);
  // The same for the co-signers of a joint award: each must still have
  // signed it (an incomplete joint diploma is refused), with its own key.
  if (const Achievement* a = vc.achievement())
    for (const auto& body : a->awarding_bodies)
      if (body != issuer) options.trusted_issuers.push_back(body);
  options.challenge.reset();
  options.domain.reset();

  VerificationReport report = VerifyCredential(vc, options);
  bool status_unknown = false;
  for (const auto& e : report.errors) {
    if (IsStatusUnknown(e)) {
      status_unknown = true;
      continue;
    }
    out.refusals.push_back(e.path.empty() || e.message.rfind(e.path, 0) == 0 ? e.message
                                                                             : e.path + ": " + e.message);
  }
  for (const auto& h : report.hints)
    if (h.find("--trust-issuer") == std::string::npos) out.hints.push_back(h);
  if (!out.refusals.empty()) {
    out.malformed = report.malformed_input;
    return out;
  }
  out.accepted = true;
  out.summary = SummarizeCredential(vc);
  if (out.summary.has_status) {
    out.summary.status = status_unknown ? "unknown" : "active";
    if (!status_unknown) out.summary.status_checked_at = FormatDateTime(options.now);
  }
  if (!issuer.empty())
    out.warnings.push_back("issuer " + issuer +
                           " is not checked against a trust list: the wallet keeps what is validly signed; "
                           "a verifier decides whether it trusts this issuer");
  if (status_unknown)
    out.warnings.push_back("revocation status not checked (no status cache): stored as \"unknown\"");
  if (out.summary.subject_id != holder_did)
    out.warnings.push_back(
        (out.summary.subject_id.empty() ? std::string("the credential names no subject DID")
                                        : "the credential is about " + out.summary.subject_id) +
        ", not this wallet's holder " + holder_did + ": a verifier will refuse it in a presentation from this wallet");
  return out;
}

}  // namespace passerelle::wallet
