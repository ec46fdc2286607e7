// Passerelle — programme data and the credentials built from it.
//
// A programme file (docs/formats/programme.md; example:
// scripts/demo-data/programme-health-qualitician.json) describes a
// certification and its modules: titles, learning outcomes, ECTS, levels,
// mode, assessment type and quality assurance. From it and a learner the
// issuer builds native `module` and `certification` credentials
// (docs/formats/credential-profile.md). Pure functions; thread-safe.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "formats/datetime.h"
#include "formats/status.h"

namespace passerelle {

struct ProgrammeModule {
  std::string code;
  double ects = 0;
  int eqf_level = 0;          // 0: none asserted
  std::string nqf_level;      // IRI, optional
  bool mandatory = true;
  nlohmann::json title;               // language map
  nlohmann::json learning_outcomes;   // language map of lists
};

struct Programme {
  std::string code;
  std::string kind;  // "certification", "diploma"
  nlohmann::json title;
  int eqf_level = 0;
  std::string nqf_level;  // IRI of the national level (diplomas from outside the EQF), optional
  double ects = 0;
  int hours_per_ects = 25;
  std::string mode;
  std::string assessment_type;
  std::string quality_assurance;
  std::string grading_scales_file;  // relative to the programme file
  std::vector<ProgrammeModule> modules;

  const ProgrammeModule* FindModule(std::string_view code) const;
};

// Errors: kMalformed naming the member.
Result<Programme> ParseProgramme(const nlohmann::json& programme);

struct GradingScale {
  std::string country;
  double min = 0, max = 0, pass_mark = 0, step = 0;
};
using GradingScales = std::map<std::string, GradingScale, std::less<>>;

// Errors: kMalformed naming the scale.
Result<GradingScales> ParseGradingScales(const nlohmann::json& scales);

// Checks `grade` lies on `scale` (min ≤ grade ≤ max, a multiple of step
// from min). Errors: kInvalidArgument "grade 21 is outside FR-0-20 (0–20)".
Status CheckGrade(const GradingScale& scale, std::string_view scale_name, double grade);
bool IsPassingGrade(const GradingScale& scale, double grade);

// What to say when `code` names no module of `programme`: "module "hq-m01"
// is not in programme HQ-CERT (did you mean HQ-M01?)", or the programme's
// module codes when none differs from it only in letter case.
std::string UnknownModuleMessage(const Programme& programme, std::string_view code);
// The same for a grading scale name: "unknown grading scale "fr-0-20" (did
// you mean FR-0-20?)", or the known scale names.
std::string UnknownScaleMessage(const GradingScales& scales, std::string_view name);

struct IssuerIdentity {
  std::string did;
  std::string name;
  std::string country;
};

struct Learner {
  std::optional<std::string> did;  // the holder's DID, when known
  std::string given_name;
  std::string family_name;
};

struct ModuleAward {
  std::string credential_id;  // "urn:uuid:…"
  std::string grade;          // as written on the scale, e.g. "18.1"
  std::string grading_scale;  // e.g. "FR-0-20"
  Timestamp awarded_on;
};

// Builds an unsigned `module` credential. Errors: kInvalidCredential when
// the programme lacks a mandatory element (naming it) or asserts an EQF
// level for an issuer whose country is not EQF-referenced.
Result<nlohmann::json> BuildModuleCredential(const Programme& programme, const ProgrammeModule& module,
                                             const IssuerIdentity& issuer, const Learner& learner,
                                             const ModuleAward& award);

// Builds an unsigned `certification` credential whose hasPart lists the
// module credentials it was built from.
Result<nlohmann::json> BuildCertificationCredential(const Programme& programme,
                                                    const IssuerIdentity& issuer,
                                                    const Learner& learner,
                                                    const std::vector<std::string>& module_credential_ids,
                                                    const std::string& credential_id,
                                                    Timestamp awarded_on);

// A fresh "urn:uuid:…" (version 4, from libsodium's CSPRNG).
std::string NewCredentialId();

}  // namespace passerelle
