// Passerelle wallet — building, signing and self-checking presentations.
#include "wallet-cli/presentation.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "formats/credential.h"
#include "formats/json.h"
#include "formats/vc_model.h"
#include "keys/did_key.h"
#include "keys/proof_signer.h"

namespace passerelle::wallet {

using nlohmann::json;

namespace {

constexpr std::size_t kMaxPresentationBytes = 512 * 1024;

bool IsStatusUnknown(const ReportError& e) {
  return e.code == CodeName(Code::kNotFound) && e.path.find("/credentialStatus") != std::string::npos;
}

}  // namespace

json BuildPresentation(const std::string& holder_did, const std::vector<json>& credentials) {
  return json{{"@context", json::array({std::string(kVc2Context)})},
              {"type", json::array({"VerifiablePresentation"})},
              {"holder", holder_did},
              {"verifiableCredential", credentials}};
}

Result<json> SignPresentation(const json& presentation, const Ed25519SigningKey& holder,
                              const PresentOptions& options) {
  ProofOptions proof;
  proof.suite = options.suite;
  proof.verification_method = DidKeyVerificationMethod(holder.public_key());
  proof.proof_purpose = "authentication";
  proof.created = Timestamp{options.now.seconds, 0};
  proof.challenge = options.challenge;
  proof.domain = options.domain;
  auto signed_vp = AddProof(presentation, holder, proof);
  if (!signed_vp.ok()) return signed_vp.status().Annotate("sign presentation");
  return signed_vp;
}

Status CheckOwnPresentation(std::string_view presentation_json, const PresentOptions& options) {
  auto parsed = ParseJson(presentation_json, JsonLimits{kMaxPresentationBytes, 48});
  if (!parsed.ok()) return parsed.status().Annotate("presentation");
  VerifyOptions verify;
  verify.now = options.now;
  verify.resolver = options.resolver;
  verify.challenge = options.challenge;
  verify.domain = options.domain;
  if (const json* vcs = FindMember(*parsed, "verifiableCredential")) {
    for (const auto& vc : OneOrMany(*vcs)) {
      if (auto issuer = CredentialIssuerId(vc); issuer.ok()) verify.trusted_issuers.push_back(*issuer);
      // A joint award's co-signers too: each must still have signed it.
      if (auto typed = CredentialFromJson(vc); typed.ok())
        if (const Achievement* a = typed->achievement())
          for (const auto& body : a->awarding_bodies) verify.trusted_issuers.push_back(body);
    }
  }
  VerificationReport report = Verify(presentation_json, verify);
  std::string reasons;
  Code code = Code::kOk;
  for (const auto& e : report.errors) {
    if (IsStatusUnknown(e)) continue;
    if (!reasons.empty()) reasons += "; ";
    reasons += e.message;
    if (code == Code::kOk) code = report.malformed_input ? Code::kMalformed : Code::kVerificationFailed;
  }
  if (code == Code::kOk && !report.verified && report.errors.empty())
    return Status::Internal("self-check: the presentation did not verify, and no reason was given");
  if (code != Code::kOk) return Status(code, "self-check of the presentation failed: " + reasons);
  return Status::Ok();
}

Result<std::string> MakePresentation(const std::vector<json>& credentials, const Ed25519SigningKey& holder,
                                     const PresentOptions& options) {
  if (credentials.empty()) return Status::InvalidArgument("present: no credential chosen");
  json vp = BuildPresentation(DidKeyFor(holder.public_key()), credentials);
  PSL_ASSIGN_OR_RETURN(json signed_vp, SignPresentation(vp, holder, options));
  std::string bytes = DumpJson(signed_vp);
  PSL_RETURN_IF_ERROR(CheckOwnPresentation(bytes, options));
  return bytes;
}

}  // namespace passerelle::wallet
