// Passerelle — validation of prior learning on module credentials.
#include "issuer/pathways/prior_learning.h"

#include "formats/profile.h"

namespace passerelle {

Status AddPriorLearning(nlohmann::json& credential, const std::string& evidence_reference) {
  if (evidence_reference.empty() || evidence_reference.size() > 200)
    return Status::InvalidArgument("--prior-learning: give the evidence file's reference (1 to 200 bytes)");
  for (unsigned char c : evidence_reference)
    if (c < 0x20 || c == 0x7f) return Status::InvalidArgument("--prior-learning: holds a control character");
  if (!credential.is_object() || !credential.contains("credentialSubject") ||
      !credential["credentialSubject"].is_object() || !credential["credentialSubject"].contains("achievement") ||
      !credential["credentialSubject"]["achievement"].is_object())
    return Status::InvalidArgument("a validation of prior learning needs a module credential with an achievement");
  credential["credentialSubject"]["achievement"]["influencedBy"] = {
      {"type", "LearningActivity"},
      {"activityType", std::string(kPriorLearningActivity)},
      {"evidenceReference", evidence_reference}};
  return Status::Ok();
}

}  // namespace passerelle
