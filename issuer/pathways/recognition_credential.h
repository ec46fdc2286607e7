// Passerelle — the `recognition` credential: a receiving institution's
// decision that a partner's module counts as one of its own.
//
// Built from a credential the issuer has verified (presented by its holder)
// and the agreement rule that matched it (verifier/recognition.h decides
// which; this unit only writes the decision down). The credential keeps the
// original achievement as awarded (awarding body, country, id, title, grade
// and its scale, ECTS, EQF or NQF level), names the agreement and the rule,
// the receiving module, the converted grade and how it was converted, the
// credits granted, and the decision reference and date. For an original
// from a country whose framework is not referenced to the EQF (RU, KZ, AZ)
// the original keeps its NQF level only, and the EQF level the agreement
// records appears as the receiving institution's comparison.
// Format: docs/formats/recognition-credential.md. Pure functions; thread-safe.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "formats/credential.h"
#include "formats/datetime.h"
#include "formats/recognition_agreement.h"
#include "formats/status.h"
#include "issuer/programme.h"

namespace passerelle {

// A grade on the receiving scale, and the sentence saying how it was reached.
struct ConvertedGrade {
  std::optional<Grade> grade;  // empty when it could not be converted
  std::string method;
};

// Converts `grade` with `conversion` (linear, pass mark onto pass mark and
// maximum onto maximum, rounded to the receiving scale's step). Without a
// conversion, or for a scale the conversion does not know, the grade is
// kept as awarded and the method says so. Never fails.
ConvertedGrade ConvertGrade(const std::optional<GradeConversion>& conversion, const std::optional<Grade>& grade);

struct RecognitionDecision {
  std::string credential_id;        // "urn:uuid:…" of the new credential
  std::string holder;               // the presenting holder's DID: the subject
  std::string decision_reference;   // e.g. a committee decision number
  Timestamp decided_on;
};

// Builds the unsigned recognition credential of `original` (REQUIRES: it
// verified, and `rule` is the agreement's rule for its issuer and code).
// Errors: kInvalidArgument when the original has no achievement.
Result<nlohmann::json> BuildRecognitionCredential(const Credential& original, const RecognitionAgreement& agreement,
                                                  const RecognitionRule& rule, const IssuerIdentity& issuer,
                                                  const RecognitionDecision& decision);

// The register key of one recognition: the same original credential for the
// same receiving module of the same programme is recognised once.
std::string RecognitionKey(const Credential& original, const RecognitionAgreement& agreement,
                           const RecognitionRule& rule);

}  // namespace passerelle
