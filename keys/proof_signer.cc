// Passerelle — signing Data Integrity proofs.
#include "keys/proof_signer.h"

#include <nlohmann/json.hpp>

#include "formats/json.h"
#include "formats/multibase.h"

namespace passerelle {

using nlohmann::json;

Result<json> AddProof(const json& document, const Ed25519SigningKey& key,
                      const ProofOptions& options) {
  if (!document.is_object()) return Status::InvalidArgument("can only sign a JSON object");
  json config = MakeProofConfig(options);
  if (const json* ctx = FindMember(document, "@context")) config["@context"] = *ctx;
  // The signed document: without proofs, or with the previous proof of a chain.
  json for_proof = config;
  for_proof["proofValue"] = "z";  // placeholder: UnsecuredDocumentForProof reads only ids
  PSL_ASSIGN_OR_RETURN(json unsecured, UnsecuredDocumentForProof(document, for_proof));
  PSL_ASSIGN_OR_RETURN(std::string hash_data, HashDataForProof(unsecured, config, options.suite));
  json proof = config;
  proof["proofValue"] = EncodeMultibase(Multibase::kBase58Btc, key.Sign(hash_data));
  json out = document;
  json proofs = ProofsOf(document);
  if (proofs.empty()) {
    out["proof"] = std::move(proof);
  } else {
    proofs.push_back(std::move(proof));
    out["proof"] = std::move(proofs);
  }
  return out;
}

}  // namespace passerelle
