// Passerelle — recognition agreements between partner institutions.
//
// A double-diploma (or cross-recognition) agreement says which modules of a
// partner count towards the receiving institution's programme: partner
// module → own module, ECTS granted, minimum grade on the partner's scale,
// and limits (a cap on recognised ECTS, a minimum EQF level, a last award
// date). Format: docs/formats/recognition-agreement.md (the shape of
// scripts/demo-data/double-diploma-kz-ro.json). Reading only; applying it to
// verified credentials is verifier/recognition.h. Stateless; thread-safe.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "formats/datetime.h"
#include "formats/status.h"

namespace passerelle {

struct MinimumGrade {
  std::string scale;  // e.g. "KZ-0-100": the grade's `scheme` must be this
  double value = 0;
};

struct RecognitionRule {
  std::string from_issuer;  // DID of the partner that issues the module
  std::string from_module;  // the partner's module code
  std::string to_module;    // the receiving programme's module code
  std::optional<MinimumGrade> min_grade;
  double ects = 0;  // credits granted
};

// A partner module as the agreement classifies it (its EQF level, agreed
// between the partners, matters when the credential states an NQF level only).
struct SourceModule {
  std::string issuer;  // DID
  std::string code;
  double ects = 0;
  std::optional<int> eqf_level;
  std::map<std::string, std::string> title;  // language -> text
};

// A grading scale as a conversion reads it.
struct ConversionScale {
  double min = 0, max = 0, pass_mark = 0, step = 0;
};

// How the receiving institution converts a partner's grade onto its own
// scale ("gradeConversion", optional): linearly, pass mark onto pass mark
// and maximum onto maximum, rounded to the receiving scale's step. `scales`
// holds the receiving scale and each partner scale it converts from.
struct GradeConversion {
  std::string to_scale;
  std::map<std::string, ConversionScale> scales;
};

struct RecognitionAgreement {
  std::string name;
  std::string target_issuer;  // DID or the institution id, as written
  // The partners' DIDs ("institutionDids" values, and the target issuer
  // when written as a DID): who may award a double diploma under it.
  std::vector<std::string> institution_dids;
  std::string target_code;
  std::optional<int> target_eqf_level;
  double target_ects = 0;
  std::map<std::string, std::string> target_title;
  std::vector<RecognitionRule> rules;
  std::vector<SourceModule> source_modules;
  std::optional<double> max_recognised_ects;
  std::optional<int> min_eqf_level_of_source;
  // Credentials awarded after this instant are not covered (the end of the
  // day the agreement names, UTC).
  std::optional<Timestamp> accept_until;
  // Absent: grades are recorded as awarded, not converted.
  std::optional<GradeConversion> grade_conversion;

  const SourceModule* FindSourceModule(const std::string& issuer, const std::string& code) const;
};

// Reads an agreement. Partner institutions are named by DID, or by an id the
// agreement maps to a DID in "institutionDids" ({"kz-univ-almaty":
// "did:web:…"}): a rule about an institution with no DID cannot be applied
// and is an error. Errors: kInvalidArgument naming the member (no rules, a
// rule given twice, ECTS not positive, a grade or level out of range,
// a date that is not YYYY-MM-DD or RFC 3339).
Result<RecognitionAgreement> ParseRecognitionAgreement(const nlohmann::json& agreement);

}  // namespace passerelle
