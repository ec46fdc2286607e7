// Passerelle — building a batch row's credentials.
#include "issuer/batch/credentials.h"

#include "formats/json.h"

namespace passerelle::batch {

using nlohmann::json;

std::string IdempotencyKey(std::string_view did, std::string_view trainee, std::string_view code) {
  return std::string(did) + "|" + std::string(trainee) + "|" + std::string(code);
}

void AddLearnerName(json& credential) {
  json* subject = credential.is_object() && credential.contains("credentialSubject")
                      ? &credential["credentialSubject"]
                      : nullptr;
  if (subject == nullptr || !subject->is_object() || FindMember(*subject, "id") != nullptr ||
      FindMember(*subject, "name") != nullptr)
    return;
  std::string name;
  for (const char* part : {"givenName", "familyName"})
    if (const json* p = FindMember(*subject, part); p != nullptr && p->is_string())
      name += (name.empty() ? "" : " ") + p->get<std::string>();
  if (!name.empty()) (*subject)["name"] = name;
}

Result<json> BuildRowModuleCredential(const Programme& programme, const IssuerIdentity& issuer, const TraineeRow& row,
                                      const ModuleGrade& grade, std::string credential_id) {
  const ProgrammeModule* module = programme.FindModule(grade.module);
  if (module == nullptr) return Status::Internal("module " + grade.module + " vanished from the programme");
  Learner learner{row.did, row.given_name, row.family_name};
  PSL_ASSIGN_OR_RETURN(json credential,
                       BuildModuleCredential(programme, *module, issuer, learner,
                                             ModuleAward{std::move(credential_id), grade.grade, row.grading_scale,
                                                         row.completed_on}));
  AddLearnerName(credential);
  return credential;
}

Result<json> BuildRowCertification(const Programme& programme, const IssuerIdentity& issuer, const TraineeRow& row,
                                   const std::vector<std::string>& module_ids, std::string credential_id) {
  Learner learner{row.did, row.given_name, row.family_name};
  PSL_ASSIGN_OR_RETURN(json credential, BuildCertificationCredential(programme, issuer, learner, module_ids,
                                                                     credential_id, row.completed_on));
  AddLearnerName(credential);
  return credential;
}

}  // namespace passerelle::batch
