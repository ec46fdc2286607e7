// Passerelle — building recognition credentials (docs/formats/recognition-credential.md).
#include "issuer/pathways/recognition_credential.h"

#include <cmath>
#include <cstdio>

#include "formats/grade_number.h"
#include "formats/profile.h"
#include "verifier/recognition.h"

namespace passerelle {
namespace {

using nlohmann::json;

const std::string kProgrammePrefix = "urn:passerelle:programme:";

// Decimals a step needs: 1 -> 0, 0.1 -> 1, 0.01 -> 2 (at most 6).
int DecimalsOf(double step) {
  int d = 0;
  while (d < 6 && std::fabs(step * std::pow(10.0, d) - std::round(step * std::pow(10.0, d))) > 1e-9) ++d;
  return d;
}

std::string Fixed(double v, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

}  // namespace

ConvertedGrade ConvertGrade(const std::optional<GradeConversion>& conversion, const std::optional<Grade>& grade) {
  ConvertedGrade out;
  if (!grade || grade->value.empty()) {
    out.method = "no grade: the original was awarded without one";
    return out;
  }
  auto kept = [&](std::string why) {
    out.grade = grade;
    out.method = "not converted (" + why + "): the grade is recorded as awarded, on " + grade->scheme;
    return out;
  };
  if (!conversion) return kept("the agreement sets no conversion");
  auto from = conversion->scales.find(grade->scheme);
  auto to = conversion->scales.find(conversion->to_scale);
  if (from == conversion->scales.end() || to == conversion->scales.end())
    return kept("the agreement does not describe " + grade->scheme);
  std::optional<double> number = ParseGradeNumber(grade->value);
  if (!number) return kept("not a number");
  double g = *number;
  const ConversionScale& f = from->second;
  const ConversionScale& t = to->second;
  if (g < f.min || g > f.max) return kept("outside its scale");
  double x = g >= f.pass_mark
                 ? t.pass_mark + (g - f.pass_mark) * (t.max - t.pass_mark) / (f.max - f.pass_mark)
                 : t.min + (g - f.min) * (t.pass_mark - t.min) / (f.pass_mark - f.min == 0 ? 1 : f.pass_mark - f.min);
  x = t.min + std::round((x - t.min) / t.step) * t.step;
  x = std::min(std::max(x, t.min), t.max);
  out.grade = Grade{Fixed(x, DecimalsOf(t.step)), conversion->to_scale};
  out.method = "linear conversion from " + grade->scheme + " to " + conversion->to_scale + ": pass mark " +
               FormatNumber(f.pass_mark) + " to " + FormatNumber(t.pass_mark) + ", maximum " + FormatNumber(f.max) +
               " to " + FormatNumber(t.max) + ", rounded to " + FormatNumber(t.step);
  return out;
}

Result<json> BuildRecognitionCredential(const Credential& original, const RecognitionAgreement& agreement,
                                        const RecognitionRule& rule, const IssuerIdentity& issuer,
                                        const RecognitionDecision& decision) {
  const Achievement* a = original.achievement();
  if (a == nullptr) return Status::InvalidArgument("the original credential carries no achievement");
  const Party& body = original.issuer();

  // The original, as awarded: its level stays the one its awarding body
  // asserted (an NQF level for RU, KZ, AZ; never an EQF level there).
  json awarding = {{"id", body.id}};
  if (std::string_view name = PickLanguage(body.name, "en"); !name.empty()) awarding["name"] = std::string(name);
  if (!body.country.empty()) awarding["country"] = body.country;
  json orig = json::object();
  if (!original.id().empty()) orig["id"] = original.id();
  orig["awardingBody"] = std::move(awarding);
  orig["code"] = a->code;
  if (json title = LanguageMapToJson(a->title); !title.is_null()) orig["title"] = std::move(title);
  if (a->grade) orig["grade"] = {{"value", a->grade->value}, {"scheme", a->grade->scheme}};
  if (a->ects) orig["ects"] = *a->ects;
  const bool source_in_eqf = CountryReferencesEqf(body.country);
  if (a->eqf_level != 0 && source_in_eqf) orig["eqfLevel"] = std::string(kEqfLevelPrefix) + std::to_string(a->eqf_level);
  if (!a->nqf_level.empty()) orig["nqfLevel"] = a->nqf_level;
  std::optional<Timestamp> awarded = a->awarded_on ? a->awarded_on : original.valid_from();
  if (awarded) orig["awardedOn"] = FormatDateTime(*awarded);

  std::string rule_text = a->code + " of " + body.id + " -> " + rule.to_module + ", " + FormatNumber(rule.ects) + " ECTS";
  if (rule.min_grade)
    rule_text += ", minimum grade " + FormatNumber(rule.min_grade->value) + " on " + rule.min_grade->scale;

  json achievement = {{"type", "LearningAchievement"}, {"code", rule.to_module}};
  if (!orig.contains("title")) return Status::InvalidArgument("the original credential's achievement has no title");
  achievement["title"] = orig["title"];
  achievement["isPartOf"] = kProgrammePrefix + agreement.target_code;
  ConvertedGrade converted = ConvertGrade(agreement.grade_conversion, a->grade);
  if (converted.grade) achievement["grade"] = {{"value", converted.grade->value}, {"scheme", converted.grade->scheme}};
  achievement["gradeConversion"] = converted.method;
  achievement["creditsGranted"] = rule.ects;
  // Outside the EQF, the level comparison is the receiving side's to make:
  // the agreement's classification of the source module.
  if (!source_in_eqf) {
    if (const SourceModule* m = agreement.FindSourceModule(rule.from_issuer, rule.from_module); m && m->eqf_level)
      achievement["eqfLevel"] = std::string(kEqfLevelPrefix) + std::to_string(*m->eqf_level);
  }
  achievement["agreement"] = agreement.name;
  achievement["recognitionRule"] = rule_text;
  if (!decision.decision_reference.empty()) achievement["decisionReference"] = decision.decision_reference;
  achievement["decidedOn"] = FormatDateTime(decision.decided_on);
  achievement["originalCredential"] = std::move(orig);

  json subject = {{"id", decision.holder}, {"awardedOn", FormatDateTime(decision.decided_on)}};
  if (!a->holder_name.empty()) subject["name"] = a->holder_name;
  subject["achievement"] = std::move(achievement);
  return json{{"@context", {"https://www.w3.org/ns/credentials/v2", "https://w3id.org/passerelle/v1"}},
              {"id", decision.credential_id},
              {"type", {"VerifiableCredential", "RecognitionCredential"}},
              {"issuer", {{"id", issuer.did}, {"name", issuer.name}, {"country", issuer.country}}},
              {"validFrom", FormatDateTime(decision.decided_on)},
              {"credentialSubject", std::move(subject)}};
}

std::string RecognitionKey(const Credential& original, const RecognitionAgreement& agreement,
                           const RecognitionRule& rule) {
  std::string what = original.id();
  if (what.empty()) {
    const Achievement* a = original.achievement();
    what = original.issuer().id + "\x1f" + (a ? a->code : "") + "\x1f" +
           (original.subject_ids().empty() ? "" : original.subject_ids()[0]) + "\x1f" +
           (a && a->awarded_on ? FormatDateTime(*a->awarded_on) : "");
  }
  return "recognition:" + agreement.target_code + ":" + rule.to_module + ":" + what;
}

}  // namespace passerelle
