// Passerelle — the credentials a batch row stands for, built from programme
// data (issuer/programme.h) the way `issuer issue` builds them.
// Pure functions; thread-safe.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "formats/status.h"
#include "issuer/batch/trainees.h"
#include "issuer/programme.h"

namespace passerelle::batch {

// The idempotency key of one credential of a batch: the issuer's DID, the
// trainee and the module code (the programme code for a certification),
// joined by '|'. The store records it with the credential, in the same
// transaction, so a re-run never issues the same pair twice.
std::string IdempotencyKey(std::string_view issuer_did, std::string_view trainee_id, std::string_view code);

// A learner identified by name only (the CSV carries no DID) gets a `name`
// as well as givenName/familyName: the profile's M1 asks for an id or a name.
void AddLearnerName(nlohmann::json& credential);

// The unsigned module credential for `grade` of `row`.
// Errors: those of BuildModuleCredential (kInvalidCredential naming the
// programme's missing element).
Result<nlohmann::json> BuildRowModuleCredential(const Programme& programme, const IssuerIdentity& issuer,
                                                const TraineeRow& row, const ModuleGrade& grade,
                                                std::string credential_id);

// The unsigned certification of `row`, listing its module credentials.
Result<nlohmann::json> BuildRowCertification(const Programme& programme, const IssuerIdentity& issuer,
                                             const TraineeRow& row, const std::vector<std::string>& module_ids,
                                             std::string credential_id);

}  // namespace passerelle::batch
