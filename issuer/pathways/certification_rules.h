// Passerelle — a programme's rules for stacking modules into a certification.
//
// A certification is issued only from credentials its holder presented and
// the issuer verified. The programme file's optional "certificationRules"
// member (docs/formats/programme.md) says which of them count: credentials
// awarded by the certifying body itself, by the accredited partners it
// names, recognition credentials it or a partner issued, and validations of
// prior learning; the ECTS total required (the programme's by default), the
// minimum grade on each scale (the scale's pass mark by default), and how
// old a module may be. Evaluate() applies them and says, per mandatory
// module, which credential covers it and how, or one line per unmet rule.
// Pure functions; thread-safe.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "formats/credential.h"
#include "formats/datetime.h"
#include "formats/status.h"
#include "issuer/programme.h"

namespace passerelle {

struct CertificationRules {
  std::vector<std::string> partners;   // DIDs of accredited partners whose credentials count
  bool accept_recognitions = true;     // recognition credentials by the issuer or a partner
  bool accept_prior_learning = true;   // modules validated from prior learning
  std::optional<double> min_ects;      // default: the programme's ECTS
  std::map<std::string, double> min_grades;  // scale name -> minimum; default: the scale's pass mark
  std::optional<int> max_module_age_days;    // modules awarded longer ago do not count
};

// Reads "certificationRules" from a programme document (absent: defaults).
// Errors: kMalformed naming the member.
Result<CertificationRules> ParseCertificationRules(const nlohmann::json& programme_document);

// How a module was covered.
enum class CoverageSource { kOwn, kPartner, kRecognised, kPriorLearning };
// "own", "partner", "recognised", "prior-learning".
const char* CoverageSourceName(CoverageSource source);

struct ModuleCoverage {
  std::string module;         // the programme's module code
  bool covered = false;
  std::string credential_id;  // covered: the credential used
  CoverageSource source = CoverageSource::kOwn;
  double ects = 0;            // covered: the credits it brings
  std::string grade;          // as awarded, "15 FR-0-20"
  std::string problem;        // not covered: why (empty: no credential for it)
};

struct CertificationCheck {
  std::vector<ModuleCoverage> modules;  // each mandatory module, in programme order
  double ects = 0;                      // credits of the covering credentials
  double required_ects = 0;
  std::vector<std::string> unmet;       // one line per unmet rule; empty: issue
  std::vector<std::string> used;        // ids of the covering credentials (hasPart)
};

// Applies `rules` to credentials that verified (REQUIRES: each one passed
// the verifier, and is about the holder). `issuer_did` is the certifying
// body (empty: unknown, as in the holder's wallet — any awarding body then
// counts, as a partner when the rules name it); `now` dates the age rule. Never fails: what is missing is in unmet.
CertificationCheck Evaluate(const Programme& programme, const GradingScales& scales, const CertificationRules& rules,
                            const std::string& issuer_did, const std::vector<Credential>& credentials, Timestamp now);

// The credits a credential brings: creditsGranted for a recognition, else
// the achievement's ECTS; 0 when it states none.
double CreditsOf(const Credential& credential);

}  // namespace passerelle
