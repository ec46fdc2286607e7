// Passerelle — Licence and Master diplomas, single, joint or double.
//
// A diploma (docs/formats/diploma.md) is built like a certification, from
// verified parts (modules, certifications, recognitions) that met the
// programme's rules, and states the qualification, its level (EQF for
// awarding bodies in EQF-referenced countries, else the programme's
// nqfLevel), ECTS, the awarding date and its parts. A joint diploma names
// every awarding body (the issuer first); each adds its own proof. A double
// diploma names the agreement it was awarded under and the partner's
// diploma. Pure functions; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "formats/datetime.h"
#include "formats/status.h"
#include "issuer/programme.h"

namespace passerelle {

struct DiplomaForm {
  // Joint: the other awarding bodies (DID, and name and country when known).
  std::vector<IssuerIdentity> joint_with;
  // Double: the agreement's name (formats/recognition_agreement.h) and the
  // id of the partner's diploma for the same learner.
  std::optional<std::string> agreement;
  std::optional<std::string> paired_with;
};

// Builds an unsigned `diploma` credential (type DiplomaCredential) whose
// hasPart lists `parts`. Errors: kInvalidCredential naming what is missing
// (the programme's ECTS, a level this awarding body can state, a mandatory
// element), or a joint body given twice or equal to the issuer.
Result<nlohmann::json> BuildDiplomaCredential(const Programme& programme, const IssuerIdentity& issuer,
                                              const Learner& learner, const std::vector<std::string>& parts,
                                              const std::string& credential_id, Timestamp awarded_on,
                                              const DiplomaForm& form);

}  // namespace passerelle
