// Passerelle — issuer-side signing and self-verification.
#include "issuer/credential_signer.h"

#include <nlohmann/json.hpp>

#include "formats/json.h"
#include "formats/profile.h"
#include "formats/vc_model.h"
#include "keys/proof_signer.h"
#include "verifier/verifier.h"

namespace passerelle {

using nlohmann::json;

Status SelfCheck(const IssuerDir& issuer, const json& signed_document, Timestamp now) {
  VerifyOptions options;
  options.now = now;
  options.resolver.Add(issuer.Document());
  auto credential = CredentialFromJson(signed_document);
  if (!credential.ok()) return Status::Internal("self-check failed: " + credential.status().message());
  // What the issuer vouches for: its own proof over a well-formed credential
  // that follows the profile. Validity may start later; status lists are
  // the verifiers' business.
  auto verified = VerifySignedDocument(*credential, issuer.did, options, ValidityWindow::kNotChecked);
  if (!verified.ok()) return Status::Internal("self-check failed: " + verified.status().message());
  Status profile = ValidateProfile(credential->unsecured());
  if (!profile.ok()) return Status::Internal("self-check failed (profile): " + profile.message());
  return Status::Ok();
}

Result<json> SignCredential(const IssuerDir& issuer, const Ed25519SigningKey& key,
                            const json& credential, const SignRequest& request) {
  PSL_RETURN_IF_ERROR(ValidateCredentialModel(credential));
  PSL_ASSIGN_OR_RETURN(std::string issuer_id, CredentialIssuerId(credential));
  if (issuer_id != issuer.did)
    return Status::InvalidCredential("/issuer: \"" + issuer_id + "\" is not this issuer (" + issuer.did + ")");
  PSL_RETURN_IF_ERROR(ValidateProfile(credential));
  // Every term of a Passerelle credential must be defined (JSON-LD safe
  // mode), whatever the suite: eddsa-rdfc-2022 checks it while signing, a
  // JCS-signed credential is checked here so that it means the same thing.
  if (request.suite == Cryptosuite::kEddsaJcs2022 && UsesPasserelleContext(credential)) {
    auto expanded = CanonicalDocument(credential, Cryptosuite::kEddsaRdfc2022);
    if (!expanded.ok()) return Status::InvalidCredential(expanded.status().message());
  }
  ProofOptions options;
  options.suite = request.suite;
  options.verification_method = issuer.current_key().method_id;
  options.created = Timestamp{request.now.seconds, 0};
  auto signed_credential = AddProof(credential, key, options);
  if (!signed_credential.ok()) return signed_credential.status().Annotate("sign");
  PSL_RETURN_IF_ERROR(SelfCheck(issuer, *signed_credential, request.now));
  return signed_credential;
}

}  // namespace passerelle
