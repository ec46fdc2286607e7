// Passerelle — applying a recognition agreement to verified credentials.
//
// A university receives a partner's module credentials (a presentation, or
// credentials one by one), verifies them, and asks which of its own modules
// they stand for. Only credentials that verified count; each is matched to
// the agreement's rule for its issuer and module code, and checked against
// the rule's minimum grade and the agreement's limits (EQF level of the
// source, last award date, the cap on recognised ECTS). Stateless; thread-safe.
#pragma once

#include <set>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "formats/recognition_agreement.h"
#include "verifier/verifier.h"

namespace passerelle {

// One credential's outcome: recognised (with the module it stands for and
// the credits granted) or not, with the reason.
struct RecognitionItem {
  std::string credential_id;
  std::string issuer;
  std::string module;  // the partner's module code ("" when the credential names none)
  std::string title;   // the module's title, English when given
  bool recognised = false;
  std::string to_module;  // recognised: the receiving programme's module
  double ects = 0;        // recognised: credits granted
  std::string detail;     // why (grade and level checked, or what failed)
  // recognised: the agreement's rule applied (points into the agreement
  // Recognise was given; null otherwise).
  const RecognitionRule* rule = nullptr;
};

struct RecognitionReport {
  std::vector<RecognitionItem> items;
  double recognised_ects = 0;
};

// What has been recognised so far for one student: each receiving module
// once, and the credits counted against the agreement's cap, across every
// document they present.
struct RecognitionTally {
  std::set<std::string> modules;
  double ects = 0;
};

// Applies `agreement` to the credentials verified in `verification` (the
// report of Verify for one presentation or credential; the claims are read
// from each verdict's typed credential). `tally` carries what
// earlier documents of the same student were granted (null: this document
// alone); report.recognised_ects counts this document's credits only.
// report.items[i] is about verification.credentials[i] (one item each).
RecognitionReport Recognise(const RecognitionAgreement& agreement, const VerificationReport& verification,
                            RecognitionTally* tally = nullptr);

// A grade or a number of credits as people write it: the shortest form
// that reads back the same ("6", "7.5", "12.25").
std::string FormatNumber(double v);

// The report as JSON: {"agreement", "targetProgramme", "recognisedEcts",
// "maxRecognisedEcts", "items": [{credential, issuer, module, title,
// recognised, to, ects, detail}]}.
nlohmann::json RecognitionReportToJson(const RecognitionAgreement& agreement, const RecognitionReport& report);

}  // namespace passerelle
