// Passerelle — recognition of partners' modules under an agreement.
#include "verifier/recognition.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <set>

#include <nlohmann/json.hpp>

#include "formats/datetime.h"
#include "formats/json.h"
#include "formats/profile.h"
#include "formats/vc_model.h"

namespace passerelle {
namespace {

using nlohmann::json;

// A grade value as written in a credential ("18.1", "78"): a plain decimal.
std::optional<double> ParseGrade(const std::string& text) {
  double v = 0;
  auto r = std::from_chars(text.data(), text.data() + text.size(), v);
  if (r.ec != std::errc() || r.ptr != text.data() + text.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

const json* Achievement(const json& vc) {
  const json* subject = FindMember(vc, "credentialSubject");
  return subject != nullptr ? FindMember(*subject, "achievement") : nullptr;
}

std::string StringAt(const json* obj, std::string_view member) {
  if (obj == nullptr) return {};
  const json* m = FindMember(*obj, member);
  return m != nullptr && m->is_string() ? m->get<std::string>() : std::string();
}

std::string TitleOf(const json* achievement) {
  if (achievement == nullptr) return {};
  const json* t = FindMember(*achievement, "title");
  if (t == nullptr || !t->is_object() || t->empty()) return {};
  const json* en = FindMember(*t, "en");
  const json& pick = en != nullptr ? *en : t->begin().value();
  return pick.is_string() ? pick.get<std::string>() : std::string();
}

// The credentials of a presentation (or the credential itself), in order.
std::vector<const json*> CredentialsOf(const json& document) {
  std::vector<const json*> out;
  if (!HasType(document, "VerifiablePresentation")) {
    out.push_back(&document);
    return out;
  }
  const json* vcs = FindMember(document, "verifiableCredential");
  if (vcs != nullptr && vcs->is_array())
    for (const auto& v : *vcs) out.push_back(&v);
  else if (vcs != nullptr)
    out.push_back(vcs);
  return out;
}

// Checks one verified credential against its rule; fills item on success.
Status Apply(const RecognitionAgreement& a, const RecognitionRule& rule, const json& vc, const json* achievement,
             RecognitionItem& item) {
  // When it was awarded.
  if (a.accept_until) {
    std::string awarded = StringAt(FindMember(vc, "credentialSubject"), "awardedOn");
    if (awarded.empty()) awarded = StringAt(&vc, "validFrom");
    auto t = ParseDateTime(awarded);
    if (!t.ok()) return Status::InvalidCredential("no award date to compare with the agreement's last date");
    if (*a.accept_until < *t)
      return Status::InvalidCredential("awarded " + FormatDateTime(*t) + ", after the agreement's last date " +
                                       FormatDateTime(*a.accept_until));
  }
  // The source's level: the credential's EQF level, else the one the
  // agreement records for the module (partners outside the EQF state NQF).
  std::string level_note;
  if (a.min_eqf_level_of_source) {
    std::optional<int> level;
    const std::string eqf = StringAt(achievement, "eqfLevel");
    if (eqf.size() == kEqfLevelPrefix.size() + 1 && eqf.rfind(kEqfLevelPrefix, 0) == 0) {
      level = eqf.back() - '0';
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
    const json* grade = achievement != nullptr ? FindMember(*achievement, "grade") : nullptr;
    const std::string scheme = StringAt(grade, "scheme");
    const std::string value = StringAt(grade, "value");
    if (value.empty()) return Status::InvalidCredential("no grade, and the rule asks for at least " +
                                                        FormatNumber(rule.min_grade->value) + " on " + rule.min_grade->scale);
    if (scheme != rule.min_grade->scale)
      return Status::InvalidCredential("graded on " + (scheme.empty() ? std::string("no named scale") : scheme) +
                                       ", and the rule's minimum is on " + rule.min_grade->scale);
    auto v = ParseGrade(value);
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

RecognitionReport Recognise(const RecognitionAgreement& a, const json& document, const VerificationReport& verification,
                            RecognitionTally* tally) {
  RecognitionReport report;
  RecognitionTally local;
  RecognitionTally& done = tally != nullptr ? *tally : local;
  const auto credentials = CredentialsOf(document);
  // The envelope: for a presentation its own checks (the holder's proof,
  // challenge, holder binding…); for a bare credential the whole verdict,
  // which also refuses it when a holder's proof was expected.
  const bool is_presentation = HasType(document, "VerifiablePresentation");
  const bool envelope_ok =
      is_presentation ? std::all_of(verification.checks.begin(), verification.checks.end(),
                                    [](const CheckResult& c) { return c.ok; })
                      : verification.verified;
  for (std::size_t i = 0; i < credentials.size(); ++i) {
    const json& vc = *credentials[i];
    const json* achievement = Achievement(vc);
    RecognitionItem item;
    item.credential_id = StringAt(&vc, "id");
    if (auto issuer = CredentialIssuerId(vc); issuer.ok()) item.issuer = *issuer;
    item.module = StringAt(achievement, "code");
    item.title = TitleOf(achievement);
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
    const bool verified = i < verification.credentials.size() && verification.credentials[i].verified;
    if (!verified) {
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
