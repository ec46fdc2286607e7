// Passerelle — a holder's proof of key possession, credentials aside.
#include "verifier/holder_proof.h"

#include "formats/vc_model.h"
#include "verifier/internal/proof_check.h"

namespace passerelle {

Result<std::string> VerifyHolderProof(const Presentation& presentation, const VerifyOptions& options) {
  if (!options.challenge || !options.domain)
    return Status::InvalidArgument("a holder proof is checked against a challenge and a domain");
  PSL_RETURN_IF_ERROR(ValidatePresentationModel(presentation.unsecured()));
  PSL_RETURN_IF_ERROR(ValidateProofShape(&presentation.proofs(), ""));
  const std::string& holder = presentation.holder();
  if (holder.empty()) return Status::VerificationFailed("/holder: missing: the presentation must name its holder");
  internal::ProofExpectations expect{"authentication", holder, options.challenge, options.domain, {}};
  PSL_RETURN_IF_ERROR(internal::VerifyProofs(presentation.unsecured(), presentation.proofs(), expect, options).status());
  return holder;
}

}  // namespace passerelle
