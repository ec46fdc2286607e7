// Passerelle (verifier internal) — Data Integrity proof verification.
#include "verifier/internal/proof_check.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "formats/ascii_text.h"
#include "formats/data_integrity.h"
#include "formats/json.h"
#include "formats/jsonld/document_loader.h"
#include "keys/did_document.h"
#include "verifier/internal/signed_form_check.h"

namespace passerelle::internal {

using nlohmann::json;

namespace {

// Verifies `proof_json`, one of `all_proofs`, over `document`, from which
// the proofs have been taken out.
Status VerifyOne(const json& document, const json& all_proofs, const json& proof_json, const std::string& where,
                 const ProofExpectations& expect, const VerifyOptions& options,
                 ProofCheckOutcome& outcome) {
  PSL_ASSIGN_OR_RETURN(DataIntegrityProof proof, ParseDataIntegrityProof(proof_json, where));
  if (proof.proof_purpose != expect.purpose)
    return Status::VerificationFailed(where + "/proofPurpose: \"" + proof.proof_purpose +
                                      "\" where \"" + expect.purpose + "\" is required")
        .AtPointer(where + "/proofPurpose");
  // No controller expected: a proof set or chain where other parties
  // (co-signers, endorsers) sign too; each proof holds with its own key.
  if (!expect.controller.empty() && DidOf(proof.verification_method) != expect.controller)
    return Status::VerificationFailed(where + "/verificationMethod: " + proof.verification_method +
                                      " is not controlled by " + expect.controller)
        .AtPointer(where + "/verificationMethod");
  if (expect.challenge) {
    if (!proof.challenge)
      return Status::VerificationFailed(where + "/challenge: missing: the presentation answers no challenge")
          .AtPointer(where + "/challenge");
    if (*proof.challenge != *expect.challenge)
      return Status::VerificationFailed(where + "/challenge: does not match the expected challenge" +
                                        (SameIgnoringAsciiCase(*proof.challenge, *expect.challenge)
                                             ? std::string(" (they differ only in letter case: a challenge is "
                                                           "compared exactly, as it was given)")
                                             : std::string()))
          .AtPointer(where + "/challenge");
  }
  if (expect.domain) {
    if (std::find(proof.domains.begin(), proof.domains.end(), *expect.domain) == proof.domains.end())
      return Status::VerificationFailed(where + "/domain: does not match the expected domain")
        .AtPointer(where + "/domain");
  }
  if (proof.created && proof.created->seconds > options.now.seconds + options.max_clock_skew_seconds)
    return Status::VerificationFailed(where + "/created: the proof is dated in the future (" +
                                      FormatDateTime(*proof.created) + ")")
        .AtPointer(where + "/created");
  if (proof.expires && *proof.expires < options.now)
    return Status::Expired(where + "/expires: the proof expired at " + FormatDateTime(*proof.expires))
        .AtPointer(where + "/expires");

  auto resolved = ResolveVerificationMethod(options.resolver, proof.verification_method, proof.proof_purpose);
  if (!resolved.ok())
    return resolved.status().Annotate(where + "/verificationMethod").AtPointer(where + "/verificationMethod");
  if (resolved->method.revoked) {
    if (!proof.created || proof.created->seconds > resolved->method.revoked->seconds)
      return Status::VerificationFailed(where + ": key " + proof.verification_method +
                                        " was retired at " + FormatDateTime(*resolved->method.revoked) +
                                        " and cannot vouch for a signature made after it");
  }
  if (resolved->method.not_before) {
    if (!proof.created || proof.created->seconds < resolved->method.not_before->seconds)
      return Status::VerificationFailed(where + ": key " + proof.verification_method + " came into force at " +
                                        FormatDateTime(*resolved->method.not_before) +
                                        "; a signature dated before it, or undated, does not count");
  }
  // eddsa-jcs-2022 needs no context to verify, but the offline policy is the
  // same for every suite: only bundled, hash-pinned contexts.
  if (proof.suite == Cryptosuite::kEddsaJcs2022) {
    if (const json* ctx = FindMember(document, "@context")) {
      auto check = [](const json& item, const std::string& at) -> Status {
        if (!item.is_string()) return Status::Ok();
        const std::string& url = item.get_ref<const std::string&>();
        if (jsonld::IsBundledContext(url)) return Status::Ok();
        return Status::Unsupported(at + ": context not bundled: " + url).AtPointer(at);
      };
      if (ctx->is_array()) {
        for (std::size_t i = 0; i < ctx->size(); ++i)
          PSL_RETURN_IF_ERROR(check((*ctx)[i], "/@context/" + std::to_string(i)));
      } else {
        PSL_RETURN_IF_ERROR(check(*ctx, "/@context"));
      }
    }
  }
  // The canonical forms are kept for the RDFC suites' signed-form check only.
  CanonicalForms forms;
  const bool jcs = proof.suite == Cryptosuite::kEddsaJcs2022;
  auto hash = HashDataForDetachedProof(document, all_proofs, proof_json, proof.suite, jcs ? nullptr : &forms,
                                       expect.canonical_unsecured);
  if (!hash.ok()) return hash.status().Annotate(where);
  if (!resolved->method.key.Verify(*hash, proof.signature))
    return Status::VerificationFailed(where + "/proofValue: the signature does not match the document (" +
                                      std::string(CryptosuiteName(proof.suite)) + ", key " +
                                      proof.verification_method + ")")
        .AtPointer(where + "/proofValue");
  // The signature holds for the RDF; make sure the JSON the rest of the
  // pipeline reads says the same (RDFC suites only: JCS signs the JSON itself).
  if (!jcs) {
    Status same = CheckDocumentMatchesSignedForm(document, forms.document);
    if (!same.ok()) return same;
    PSL_RETURN_IF_ERROR(CheckProofMatchesSignedForm(proof_json, forms.config).Annotate(where));
  }
  outcome.methods.push_back(proof.verification_method);
  outcome.created.push_back(proof.created);
  if (proof.created && (!outcome.earliest_created || *proof.created < *outcome.earliest_created))
    outcome.earliest_created = proof.created;
  return Status::Ok();
}

}  // namespace

Result<ProofCheckOutcome> VerifyProofs(const json& unsecured, const json& proofs, const ProofExpectations& expect,
                                       const VerifyOptions& options) {
  if (proofs.is_null()) return Status::VerificationFailed("/proof: missing: the document is not signed").AtPointer("/proof");
  if (!proofs.is_object() && !(proofs.is_array() && !proofs.empty()))
    return Status::Malformed("/proof: must be an object or a non-empty array of objects").AtPointer("/proof");
  ProofCheckOutcome outcome;
  // Failures that name no member more precisely are located at their proof.
  auto one = [&](const json& proof, std::string where) -> Status {
    Status s = VerifyOne(unsecured, proofs, proof, where, expect, options, outcome);
    return s.ok() || !s.pointer().empty() ? s : std::move(s).AtPointer(std::move(where));
  };
  if (proofs.is_object()) {
    PSL_RETURN_IF_ERROR(one(proofs, "/proof"));
  } else {
    for (std::size_t i = 0; i < proofs.size(); ++i) PSL_RETURN_IF_ERROR(one(proofs[i], "/proof/" + std::to_string(i)));
  }
  return outcome;
}

}  // namespace passerelle::internal
