// Passerelle — an awarding body adds its proof to a joint credential.
#include "issuer/cosign.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "formats/credential.h"
#include "keys/did_document.h"
#include "keys/proof_signer.h"

namespace passerelle {

using nlohmann::json;

namespace {

std::string Named(const std::vector<std::string>& bodies) {
  std::string out;
  for (const auto& b : bodies) out += (out.empty() ? "" : ", ") + b;
  return out;
}

}  // namespace

Result<json> CosignCredential(const IssuerDir& self, const Ed25519SigningKey& key, const json& credential,
                              Cryptosuite suite, const VerifyOptions& options) {
  if (!credential.is_object()) return Status::InvalidCredential("not a credential: a JSON object is expected");
  PSL_ASSIGN_OR_RETURN(Credential draft, CredentialFromJson(credential));
  const std::string& issuer = draft.issuer().id;
  if (issuer == self.did)
    return Status::PermissionDenied("you are its issuer (" + self.did +
                                    "): your proof is the first one; partners add theirs with cosign");
  const Achievement* a = draft.achievement();
  const std::vector<std::string> bodies = a != nullptr ? a->awarding_bodies : std::vector<std::string>{};
  if (std::find(bodies.begin(), bodies.end(), self.did) == bodies.end())
    return Status::PermissionDenied("/credentialSubject/achievement/awardingBody: " + self.did +
                                    " is not one of the awarding bodies this credential names (" +
                                    (bodies.empty() ? std::string("none") : Named(bodies)) + "): nothing was signed");
  if (draft.proofs().is_null())
    return Status::VerificationFailed("/proof: the draft is not signed: its issuer " + issuer +
                                      " signs it first (issuer issue --joint-with)");
  // What is already on it must hold: a draft changed after its issuer
  // signed is refused, whoever changed it.
  auto verified = VerifyProofsOf(draft, options);
  if (!verified.ok())
    return verified.status().Annotate("the proofs already on it do not verify (a draft changed after it was signed?)");
  const auto& methods = verified->methods;
  if (std::none_of(methods.begin(), methods.end(), [&](const std::string& m) { return DidOf(m) == issuer; }))
    return Status::VerificationFailed("/proof: none of its proofs is by its issuer " + issuer);
  if (std::any_of(methods.begin(), methods.end(), [&](const std::string& m) { return DidOf(m) == self.did; }))
    return Status::AlreadyExists(self.did + " has already signed this credential: nothing was added");

  ProofOptions proof;
  proof.suite = suite;
  proof.verification_method = self.current_key().method_id;
  proof.created = Timestamp{options.now.seconds, 0};
  PSL_ASSIGN_OR_RETURN(json cosigned, AddProof(credential, key, proof));
  // The result, checked as a verifier will: every proof, ours included.
  VerifyOptions check = options;
  check.resolver.Add(self.Document());
  auto parsed = CredentialFromJson(cosigned);
  if (!parsed.ok()) return Status::Internal("cosign self-check: " + parsed.status().message());
  auto again = VerifyProofsOf(*parsed, check);
  if (!again.ok()) return Status::Internal("cosign self-check: " + again.status().message());
  return cosigned;
}

}  // namespace passerelle
