// Passerelle — programme files and credential construction.
#include "issuer/programme.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>

#include <sodium.h>

#include "formats/ascii_text.h"
#include "formats/json.h"
#include "formats/profile.h"

namespace passerelle {

using nlohmann::json;

namespace {

Result<double> GetNumber(const json& o, std::string_view name, const std::string& where) {
  const json* m = FindMember(o, name);
  if (m == nullptr || !m->is_number())
    return Status::Malformed(where + "/" + std::string(name) + ": must be a number");
  return m->get<double>();
}

std::string OptString(const json& o, std::string_view name) {
  const json* m = FindMember(o, name);
  return m != nullptr && m->is_string() ? m->get<std::string>() : std::string();
}

// ECTS as a JSON number: an integer when whole (6, not 6.0), as JSON-LD
// processors in other languages read it.
json EctsNumber(double ects) {
  if (std::floor(ects) == ects && std::fabs(ects) < 1e15) return static_cast<std::int64_t>(ects);
  return ects;
}

std::string EqfIri(int level) { return std::string(kEqfLevelPrefix) + std::to_string(level); }

std::string FormatEcts(double ects) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", ects);
  return buf;
}

// The learner as given: the DID, and every name part given, plus `name`
// (given and family name together) as the cohort batch writes it.
json Subject(const Learner& learner) {
  json s = json::object();
  if (learner.did) s["id"] = *learner.did;
  if (!learner.given_name.empty()) s["givenName"] = learner.given_name;
  if (!learner.family_name.empty()) s["familyName"] = learner.family_name;
  std::string name = learner.given_name;
  if (!learner.family_name.empty()) name += (name.empty() ? "" : " ") + learner.family_name;
  if (!name.empty()) s["name"] = name;
  return s;
}

json IssuerObject(const IssuerIdentity& issuer) {
  json o = {{"id", issuer.did}, {"name", issuer.name.empty() ? issuer.did : issuer.name}};
  if (!issuer.country.empty()) o["country"] = issuer.country;
  return o;
}

Status RequireProgrammeElement(const std::string& value, const char* member, const char* element) {
  if (value.empty())
    return Status::InvalidCredential(std::string("programme: missing \"") + member +
                                     "\": a module credential needs " + element);
  return Status::Ok();
}

}  // namespace

const ProgrammeModule* Programme::FindModule(std::string_view code) const {
  for (const auto& m : modules)
    if (m.code == code) return &m;
  return nullptr;
}

Result<Programme> ParseProgramme(const json& p) {
  if (!p.is_object()) return Status::Malformed("programme: must be a JSON object");
  Programme out;
  PSL_ASSIGN_OR_RETURN(out.code, GetString(p, "code", ""));
  out.kind = OptString(p, "kind");
  if (const json* t = FindMember(p, "title"); t && t->is_object()) out.title = *t;
  else return Status::Malformed("programme: /title must be a language map");
  if (const json* l = FindMember(p, "eqfLevel"); l && l->is_number_integer()) out.eqf_level = l->get<int>();
  out.nqf_level = OptString(p, "nqfLevel");
  if (const json* e = FindMember(p, "ects"); e && e->is_number()) out.ects = e->get<double>();
  if (const json* h = FindMember(p, "hoursPerEcts"); h && h->is_number_integer()) out.hours_per_ects = h->get<int>();
  out.mode = OptString(p, "mode");
  out.assessment_type = OptString(p, "assessmentType");
  out.quality_assurance = OptString(p, "qualityAssurance");
  out.grading_scales_file = OptString(p, "gradingScales");
  const json* modules = FindMember(p, "modules");
  if (modules == nullptr || !modules->is_array() || modules->empty())
    return Status::Malformed("programme: /modules must be a non-empty array");
  for (std::size_t i = 0; i < modules->size(); ++i) {
    const json& m = (*modules)[i];
    std::string at = "programme: /modules/" + std::to_string(i);
    if (!m.is_object()) return Status::Malformed(at + ": must be an object");
    ProgrammeModule pm;
    PSL_ASSIGN_OR_RETURN(pm.code, GetString(m, "code", at));
    PSL_ASSIGN_OR_RETURN(pm.ects, GetNumber(m, "ects", at));
    if (const json* l = FindMember(m, "eqfLevel"); l && l->is_number_integer()) pm.eqf_level = l->get<int>();
    pm.nqf_level = OptString(m, "nqfLevel");
    if (const json* mand = FindMember(m, "mandatory"); mand && mand->is_boolean()) pm.mandatory = mand->get<bool>();
    if (const json* t = FindMember(m, "title"); t && t->is_object()) pm.title = *t;
    else return Status::Malformed(at + "/title: must be a language map");
    if (const json* lo = FindMember(m, "learningOutcomes"); lo && lo->is_object()) pm.learning_outcomes = *lo;
    if (out.FindModule(pm.code) != nullptr) return Status::Malformed(at + "/code: duplicate module " + pm.code);
    out.modules.push_back(std::move(pm));
  }
  return out;
}

Result<GradingScales> ParseGradingScales(const json& scales) {
  if (!scales.is_object()) return Status::Malformed("grading scales: must be a JSON object");
  GradingScales out;
  for (auto it = scales.begin(); it != scales.end(); ++it) {
    std::string at = "grading scales: /" + it.key();
    GradingScale s;
    s.country = OptString(*it, "country");
    PSL_ASSIGN_OR_RETURN(s.min, GetNumber(*it, "min", at));
    PSL_ASSIGN_OR_RETURN(s.max, GetNumber(*it, "max", at));
    PSL_ASSIGN_OR_RETURN(s.pass_mark, GetNumber(*it, "passMark", at));
    PSL_ASSIGN_OR_RETURN(s.step, GetNumber(*it, "step", at));
    if (!(s.min < s.max) || s.step <= 0 || s.pass_mark < s.min || s.pass_mark > s.max)
      return Status::Malformed(at + ": needs min < max, step > 0 and min ≤ passMark ≤ max");
    out.emplace(it.key(), s);
  }
  return out;
}

namespace {

// A grade or bound as people write it: 14, 14.5, 0.25 (shortest %g form).
std::string GradeText(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

// " (did you mean X?)" for the name differing from `given` only in case,
// else " (" + what + ": A, B, …)" listing at most 12 names.
std::string Suggestion(const std::vector<std::string_view>& names, std::string_view given, std::string_view what) {
  for (std::string_view n : names)
    if (SameIgnoringAsciiCase(n, given)) return " (did you mean " + std::string(n) + "?)";
  if (names.empty()) return {};
  std::string list;
  for (std::size_t i = 0; i < names.size() && i < 12; ++i) list += (i ? ", " : "") + std::string(names[i]);
  if (names.size() > 12) list += ", …";
  return " (" + std::string(what) + ": " + list + ")";
}

}  // namespace

std::string UnknownModuleMessage(const Programme& programme, std::string_view code) {
  std::vector<std::string_view> codes;
  for (const auto& m : programme.modules) codes.push_back(m.code);
  return "module \"" + std::string(code.substr(0, 60)) + "\" is not in programme " + programme.code +
         Suggestion(codes, code, "its modules");
}

std::string UnknownScaleMessage(const GradingScales& scales, std::string_view name) {
  std::vector<std::string_view> names;
  for (const auto& [n, scale] : scales) names.push_back(n);
  return "unknown grading scale \"" + std::string(name.substr(0, 60)) + "\"" + Suggestion(names, name, "known scales");
}

Status CheckGrade(const GradingScale& scale, std::string_view scale_name, double grade) {
  const std::string name(scale_name);
  if (!std::isfinite(grade) || grade < scale.min || grade > scale.max)
    return Status::InvalidArgument("grade " + GradeText(grade) + " is outside " + name + " (" +
                                   GradeText(scale.min) + "–" + GradeText(scale.max) + ")");
  double steps = (grade - scale.min) / scale.step;
  if (std::fabs(steps - std::round(steps)) > 1e-6)
    return Status::InvalidArgument("grade " + GradeText(grade) + " is not a step of " + name + " (steps of " +
                                   GradeText(scale.step) + " from " + GradeText(scale.min) + ")");
  return Status::Ok();
}

bool IsPassingGrade(const GradingScale& scale, double grade) { return grade + 1e-9 >= scale.pass_mark; }

Result<json> BuildModuleCredential(const Programme& programme, const ProgrammeModule& module,
                                   const IssuerIdentity& issuer, const Learner& learner,
                                   const ModuleAward& award) {
  PSL_RETURN_IF_ERROR(RequireProgrammeElement(programme.mode, "mode", "a form of participation (M10)"));
  PSL_RETURN_IF_ERROR(RequireProgrammeElement(programme.assessment_type, "assessmentType", "a type of assessment (M9)"));
  PSL_RETURN_IF_ERROR(RequireProgrammeElement(programme.quality_assurance, "qualityAssurance", "a type of quality assurance (M11)"));
  if (module.learning_outcomes.is_null() || module.learning_outcomes.empty())
    return Status::InvalidCredential("programme: module " + module.code + " has no learningOutcomes (M6)");
  json achievement = {{"type", "LearningAchievement"},
                      {"code", module.code},
                      {"title", module.title},
                      {"learningOutcomes", module.learning_outcomes},
                      {"ects", EctsNumber(module.ects)},
                      {"workload", "PT" + FormatEcts(std::round(module.ects * programme.hours_per_ects)) + "H"},
                      {"assessmentType", programme.assessment_type},
                      {"mode", programme.mode},
                      {"qualityAssurance", programme.quality_assurance},
                      {"grade", {{"value", award.grade}, {"scheme", award.grading_scale}}},
                      {"isPartOf", "urn:passerelle:programme:" + programme.code}};
  if (module.eqf_level > 0) {
    if (!CountryReferencesEqf(issuer.country))
      return Status::InvalidCredential("programme: module " + module.code + " asserts EQF level " +
                                       std::to_string(module.eqf_level) + ", but an awarding body in " +
                                       (issuer.country.empty() ? std::string("an unknown country") : issuer.country) +
                                       " asserts its national level (nqfLevel) instead");
    achievement["eqfLevel"] = EqfIri(module.eqf_level);
  }
  if (!module.nqf_level.empty()) achievement["nqfLevel"] = module.nqf_level;
  json subject = Subject(learner);
  subject["achievement"] = std::move(achievement);
  subject["awardedOn"] = FormatDateTime(award.awarded_on);
  return json{{"@context", {"https://www.w3.org/ns/credentials/v2", std::string(kPasserelleContextV1)}},
              {"id", award.credential_id},
              {"type", {"VerifiableCredential", "ModuleCredential"}},
              {"issuer", IssuerObject(issuer)},
              {"validFrom", FormatDateTime(award.awarded_on)},
              {"credentialSubject", std::move(subject)}};
}

Result<json> BuildCertificationCredential(const Programme& programme, const IssuerIdentity& issuer,
                                          const Learner& learner,
                                          const std::vector<std::string>& module_credential_ids,
                                          const std::string& credential_id, Timestamp awarded_on) {
  PSL_RETURN_IF_ERROR(RequireProgrammeElement(programme.mode, "mode", "a form of participation (M10)"));
  PSL_RETURN_IF_ERROR(RequireProgrammeElement(programme.assessment_type, "assessmentType", "a type of assessment (M9)"));
  PSL_RETURN_IF_ERROR(RequireProgrammeElement(programme.quality_assurance, "qualityAssurance", "a type of quality assurance (M11)"));
  json outcomes = json::object();
  for (const auto& m : programme.modules) {
    if (!m.learning_outcomes.is_object()) continue;
    for (auto it = m.learning_outcomes.begin(); it != m.learning_outcomes.end(); ++it) {
      if (!outcomes.contains(it.key())) outcomes[it.key()] = json::array();
      for (const auto& o : *it) outcomes[it.key()].push_back(o);
    }
  }
  json achievement = {{"type", "Qualification"},
                      {"code", programme.code},
                      {"title", programme.title},
                      {"learningOutcomes", outcomes},
                      {"ects", EctsNumber(programme.ects)},
                      {"workload", "PT" + FormatEcts(std::round(programme.ects * programme.hours_per_ects)) + "H"},
                      {"assessmentType", programme.assessment_type},
                      {"mode", programme.mode},
                      {"qualityAssurance", programme.quality_assurance},
                      {"hasPart", module_credential_ids}};
  if (programme.eqf_level > 0) {
    if (!CountryReferencesEqf(issuer.country))
      return Status::InvalidCredential("programme " + programme.code + " asserts an EQF level, but an awarding body in " +
                                       issuer.country + " asserts its national level instead");
    achievement["eqfLevel"] = EqfIri(programme.eqf_level);
  }
  json subject = Subject(learner);
  subject["achievement"] = std::move(achievement);
  subject["awardedOn"] = FormatDateTime(awarded_on);
  return json{{"@context", {"https://www.w3.org/ns/credentials/v2", std::string(kPasserelleContextV1)}},
              {"id", credential_id},
              {"type", {"VerifiableCredential", "CertificationCredential"}},
              {"issuer", IssuerObject(issuer)},
              {"validFrom", FormatDateTime(awarded_on)},
              {"credentialSubject", std::move(subject)}};
}

std::string NewCredentialId() {
  if (sodium_init() < 0) std::abort();
  unsigned char b[16];
  randombytes_buf(b, sizeof b);
  b[6] = (b[6] & 0x0F) | 0x40;
  b[8] = (b[8] & 0x3F) | 0x80;
  char out[64];
  std::snprintf(out, sizeof out,
                "urn:uuid:%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x", b[0],
                b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]);
  return out;
}

}  // namespace passerelle
