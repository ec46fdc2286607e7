// Passerelle — recognition of partners' modules under an agreement.
#include "verifier/recognition.h"

#include <algorithm>
#include <charconv>
#include <set>

#include <nlohmann/json.hpp>

#include "formats/datetime.h"
#include "formats/grade_number.h"
#include "formats/json.h"
#include "formats/profile.h"
#include "formats/vc_model.h"

namespace passerelle {
namespace {

using nlohmann::json;

// Checks one verified credential against its rule; fills item on success.
Status Apply(const RecognitionAgreement& a, const RecognitionRule& rule, const Credential& vc,
             const passerelle::Achievement& achievement, RecognitionItem& item) {
  // When it was awarded.
  if (a.accept_until) {
    std::optional<Timestamp> t = achievement.awarded_on ? achievement.awarded_on : vc.valid_from();
    if (!t) return Status::InvalidCredential("no award date to compare with the agreement's last date");
    if (*a.accept_until < *t)
      return Status::InvalidCredential("awarded " + FormatDateTime(*t) + ", after the agreement's last date " +
                                       FormatDateTime(*a.accept_until));
  }
  // The source's level: the credential's EQF level, else the one the
  // agreement records for the module (partners outside the EQF state NQF).
  std::string level_note;
  if (a.min_eqf_level_of_source) {
    std::optional<int> level;
    if (achievement.eqf_level != 0) {
      level = achievement.eqf_level;
      level_note = "EQF " + std::to_string(*level);
    } else if (const SourceModule* m = a.FindSourceModule(rule.from_issuer, rule.from_module); m && m->eqf_level) {
      level = m->eqf_level;
      level_note = "EQF " + std::to_string(*level) + " as the agreement classifies it";
    }
    if (!level) return Status::InvalidCredential("its EQF level is stated neither by the credential nor by the agreement");
    if (*level < *a.min_eqf_level_of_source)
      return Status::InvalidCredential("EQF level " + std::to_string(*level) + " is below the agreement's minimum " +
                                       std::to_string(*a.min_eqf_level_of_source));
  }
  // The grade, on the scale the rule names.
  std::string grade_note;
  if (rule.min_grade) {
    const std::string scheme = achievement.grade ? achievement.grade->scheme : std::string();
    const std::string value = achievement.grade ? achievement.grade->value : std::string();
    if (value.empty()) return Status::InvalidCredential("no grade, and the rule asks for at least " +
                                                        FormatNumber(rule.min_grade->value) + " on " + rule.min_grade->scale);
    if (scheme != rule.min_grade->scale)
      return Status::InvalidCredential("graded on " + (scheme.empty() ? std::string("no named scale") : scheme) +
                                       ", and the rule's minimum is on " + rule.min_grade->scale);
    auto v = ParseGradeNumber(value);
    if (!v) return Status::InvalidCredential("the grade \"" + value + "\" is not a number");
    if (*v < rule.min_grade->value)
      return Status::InvalidCredential("grade " + value + " on " + scheme + " is below the minimum " +
                                       FormatNumber(rule.min_grade->value));
    grade_note = "grade " + value + " on " + scheme + ", minimum " + FormatNumber(rule.min_grade->value);
  }
  item.to_module = rule.to_module;
  item.ects = rule.ects;
  item.detail = grade_note;
  if (!level_note.empty()) item.detail += (item.detail.empty() ? "" : "; ") + level_note;
  return Status::Ok();
}

}  // namespace

std::string FormatNumber(double v) {
  char buf[32];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  return std::string(buf, r.ptr);
}

RecognitionReport Recognise(const RecognitionAgreement& a, const VerificationReport& verification,
                            RecognitionTally* tally) {
  RecognitionReport report;
  RecognitionTally local;
  RecognitionTally& done = tally != nullptr ? *tally : local;
  // The envelope: for a presentation its own checks (the holder's proof,
  // challenge, holder binding…); for a bare credential the whole verdict,
  // which also refuses it when a holder's proof was expected.
  const bool is_presentation = verification.kind == "presentation";
  const bool envelope_ok =
      is_presentation ? std::all_of(verification.checks.begin(), verification.checks.end(),
                                    [](const CheckResult& c) { return c.ok; })
                      : verification.verified;
  static const passerelle::Achievement kNoAchievement;
  for (const CredentialVerdict& verdict : verification.credentials) {
    const Credential& vc = verdict.credential;
    const passerelle::Achievement& achievement = vc.achievement() != nullptr ? *vc.achievement() : kNoAchievement;
    RecognitionItem item;
    item.credential_id = vc.id();
    item.issuer = vc.issuer().id;
    item.module = achievement.code;
    item.title = std::string(PickLanguage(achievement.title, "en"));
    auto refuse = [&](std::string why) {
      item.recognised = false;
      item.detail = std::move(why);
      report.items.push_back(item);
    };
    if (!envelope_ok) {
      refuse(is_presentation ? "not recognised: the presentation did not verify"
                             : "not recognised: the credential did not verify as presented");
      continue;
    }
    if (!verdict.verified) {
      refuse("not recognised: the credential did not verify");
      continue;
    }
    const RecognitionRule* rule = nullptr;
    for (const auto& r : a.rules)
      if (r.from_issuer == item.issuer && r.from_module == item.module) rule = &r;
    if (rule == nullptr) {
      refuse("the agreement has no rule for this module of this issuer");
      continue;
    }
    Status applied = Apply(a, *rule, vc, achievement, item);
    if (!applied.ok()) {
      refuse(applied.message());
      continue;
    }
    if (done.modules.count(rule->to_module) != 0) {
      refuse(rule->to_module + " is already recognised by another credential");
      continue;
    }
    if (a.max_recognised_ects && done.ects + rule->ects > *a.max_recognised_ects + 1e-9) {
      refuse("recognising it would pass the agreement's cap of " + FormatNumber(*a.max_recognised_ects) + " ECTS");
      continue;
    }
    done.modules.insert(rule->to_module);
    done.ects += rule->ects;
    item.recognised = true;
    item.rule = rule;
    report.recognised_ects += rule->ects;
    report.items.push_back(item);
  }
  return report;
}

json RecognitionReportToJson(const RecognitionAgreement& a, const RecognitionReport& r) {
  json items = json::array();
  for (const auto& i : r.items) {
    json item = {{"credential", i.credential_id}, {"issuer", i.issuer}, {"module", i.module},
                 {"title", i.title},              {"recognised", i.recognised}, {"detail", i.detail}};
    if (i.recognised) {
      item["to"] = i.to_module;
      item["ects"] = i.ects;
    }
    items.push_back(std::move(item));
  }
  json out = {{"agreement", a.name},
              {"targetProgramme", {{"issuer", a.target_issuer}, {"code", a.target_code}, {"ects", a.target_ects}}},
              {"recognisedEcts", r.recognised_ects},
              {"items", std::move(items)}};
  out["maxRecognisedEcts"] = a.max_recognised_ects ? json(*a.max_recognised_ects) : json(nullptr);
  return out;
}

}  // namespace passerelle
