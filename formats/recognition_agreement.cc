// Passerelle — recognition agreements (docs/formats/recognition-agreement.md).
#include "formats/recognition_agreement.h"

#include <algorithm>
#include <cmath>
#include <set>

#include <nlohmann/json.hpp>

#include "formats/json.h"

namespace passerelle {
namespace {

using nlohmann::json;

constexpr std::size_t kMaxRules = 2000;

Status Bad(const std::string& where, const std::string& what) {
  return Status::InvalidArgument(where + ": " + what);
}

Result<std::string> Text(const json& obj, std::string_view member, const std::string& where) {
  const json* m = FindMember(obj, member);
  if (m == nullptr) return Bad(where + "/" + std::string(member), "missing");
  if (!m->is_string() || m->get_ref<const std::string&>().empty())
    return Bad(where + "/" + std::string(member), "must be a non-empty string");
  return m->get<std::string>();
}

Result<double> Number(const json& obj, std::string_view member, const std::string& where, double min, double max) {
  const json* m = FindMember(obj, member);
  if (m == nullptr) return Bad(where + "/" + std::string(member), "missing");
  if (!m->is_number() || !std::isfinite(m->get<double>()) || m->get<double>() < min || m->get<double>() > max)
    return Bad(where + "/" + std::string(member),
               "must be a number from " + std::to_string(static_cast<int>(min)) + " to " + std::to_string(static_cast<int>(max)));
  return m->get<double>();
}

Result<std::optional<int>> OptionalLevel(const json& obj, std::string_view member, const std::string& where) {
  if (FindMember(obj, member) == nullptr) return std::optional<int>();
  PSL_ASSIGN_OR_RETURN(double v, Number(obj, member, where, 1, 8));
  if (v != std::floor(v)) return Bad(where + "/" + std::string(member), "must be a whole EQF level");
  return std::optional<int>(static_cast<int>(v));
}

std::map<std::string, std::string> Titles(const json& obj) {
  std::map<std::string, std::string> out;
  if (const json* t = FindMember(obj, "title"); t != nullptr && t->is_object())
    for (const auto& [lang, text] : t->get_ref<const json::object_t&>())
      if (text.is_string()) out[lang] = text.get<std::string>();
  return out;
}

// "2028-12-31" (the whole day, UTC) or an RFC 3339 date-time.
Result<Timestamp> EndOfDay(const std::string& text, const std::string& where) {
  if (text.size() == 10) {
    auto t = ParseDateTime(text + "T23:59:59Z");
    if (t.ok()) return *t;
  }
  auto t = ParseDateTime(text);
  if (!t.ok()) return Bad(where, "not a date (YYYY-MM-DD) or an RFC 3339 date-time");
  return *t;
}

// "gradeConversion": {"toScale": NAME, "scales": {NAME: {min, max, passMark, step}}}.
Result<std::optional<GradeConversion>> ParseGradeConversion(const json& c) {
  const std::string at = "/gradeConversion";
  if (!c.is_object()) return Bad(at, "must be an object");
  GradeConversion out;
  PSL_ASSIGN_OR_RETURN(out.to_scale, Text(c, "toScale", at));
  const json* scales = FindMember(c, "scales");
  if (scales == nullptr || !scales->is_object() || scales->empty())
    return Bad(at + "/scales", "must be an object naming each scale");
  if (scales->size() > 100) return Bad(at + "/scales", "more than 100 scales");
  for (const auto& [name, s] : scales->get_ref<const json::object_t&>()) {
    const std::string where = at + "/scales/" + name;
    if (!s.is_object()) return Bad(where, "a scale is an object {min, max, passMark, step}");
    ConversionScale scale;
    PSL_ASSIGN_OR_RETURN(scale.min, Number(s, "min", where, -1000, 1000));
    PSL_ASSIGN_OR_RETURN(scale.max, Number(s, "max", where, -1000, 1000));
    PSL_ASSIGN_OR_RETURN(scale.pass_mark, Number(s, "passMark", where, -1000, 1000));
    PSL_ASSIGN_OR_RETURN(scale.step, Number(s, "step", where, 0, 1000));
    if (!(scale.min <= scale.pass_mark && scale.pass_mark < scale.max))
      return Bad(where, "needs min <= passMark < max");
    if (scale.step <= 0) return Bad(where + "/step", "must be positive");
    out.scales[name] = scale;
  }
  if (out.scales.count(out.to_scale) == 0) return Bad(at + "/toScale", "\"" + out.to_scale + "\" is not in scales");
  return std::optional<GradeConversion>(std::move(out));
}

}  // namespace

const SourceModule* RecognitionAgreement::FindSourceModule(const std::string& issuer, const std::string& code) const {
  for (const auto& m : source_modules)
    if (m.issuer == issuer && m.code == code) return &m;
  return nullptr;
}

Result<RecognitionAgreement> ParseRecognitionAgreement(const json& doc) {
  if (!doc.is_object()) return Bad("/", "an agreement is a JSON object");
  RecognitionAgreement a;
  PSL_ASSIGN_OR_RETURN(a.name, Text(doc, "agreement", ""));

  // Institution ids -> DIDs; a DID stands for itself.
  std::map<std::string, std::string> dids;
  if (const json* m = FindMember(doc, "institutionDids")) {
    if (!m->is_object()) return Bad("/institutionDids", "must map institution ids to DIDs");
    for (const auto& [id, did] : m->get_ref<const json::object_t&>()) {
      if (!did.is_string() || did.get_ref<const std::string&>().rfind("did:", 0) != 0)
        return Bad("/institutionDids/" + JsonPointerEscape(id), "must be a DID");
      dids[id] = did.get<std::string>();
    }
  }
  auto did_of = [&](const std::string& ref, const std::string& where) -> Result<std::string> {
    if (ref.rfind("did:", 0) == 0) return ref;
    auto it = dids.find(ref);
    if (it == dids.end())
      return Bad(where, "no DID known for the institution \"" + ref + "\" (map it in \"institutionDids\")");
    return it->second;
  };

  const json* target = FindMember(doc, "targetProgramme");
  if (target == nullptr || !target->is_object()) return Bad("/targetProgramme", "missing");
  PSL_ASSIGN_OR_RETURN(a.target_issuer, Text(*target, "issuer", "/targetProgramme"));
  PSL_ASSIGN_OR_RETURN(a.target_code, Text(*target, "code", "/targetProgramme"));
  PSL_ASSIGN_OR_RETURN(a.target_eqf_level, OptionalLevel(*target, "eqfLevel", "/targetProgramme"));
  PSL_ASSIGN_OR_RETURN(a.target_ects, Number(*target, "ects", "/targetProgramme", 1, 600));
  a.target_title = Titles(*target);
  for (const auto& [id, did] : dids) a.institution_dids.push_back(did);
  if (auto target_did = did_of(a.target_issuer, "/targetProgramme/issuer"); target_did.ok() &&
      std::find(a.institution_dids.begin(), a.institution_dids.end(), *target_did) == a.institution_dids.end())
    a.institution_dids.push_back(*target_did);

  const json* rules = FindMember(doc, "recognitionRules");
  if (rules == nullptr || !rules->is_array() || rules->empty())
    return Bad("/recognitionRules", "must be a non-empty array");
  if (rules->size() > kMaxRules) return Bad("/recognitionRules", "more than " + std::to_string(kMaxRules) + " rules");
  std::set<std::pair<std::string, std::string>> seen;
  for (std::size_t i = 0; i < rules->size(); ++i) {
    const std::string at = "/recognitionRules/" + std::to_string(i);
    const json& r = (*rules)[i];
    if (!r.is_object()) return Bad(at, "a rule is an object");
    const json* from = FindMember(r, "from");
    if (from == nullptr || !from->is_object()) return Bad(at + "/from", "missing: {issuer, module}");
    RecognitionRule rule;
    PSL_ASSIGN_OR_RETURN(std::string issuer_ref, Text(*from, "issuer", at + "/from"));
    PSL_ASSIGN_OR_RETURN(rule.from_issuer, did_of(issuer_ref, at + "/from/issuer"));
    PSL_ASSIGN_OR_RETURN(rule.from_module, Text(*from, "module", at + "/from"));
    PSL_ASSIGN_OR_RETURN(rule.to_module, Text(r, "to", at));
    PSL_ASSIGN_OR_RETURN(rule.ects, Number(r, "ects", at, 0, 600));
    if (rule.ects <= 0) return Bad(at + "/ects", "must be positive");
    if (const json* g = FindMember(r, "minGrade")) {
      if (!g->is_object()) return Bad(at + "/minGrade", "must be {scale, value}");
      MinimumGrade min;
      PSL_ASSIGN_OR_RETURN(min.scale, Text(*g, "scale", at + "/minGrade"));
      PSL_ASSIGN_OR_RETURN(min.value, Number(*g, "value", at + "/minGrade", -1e6, 1e6));
      rule.min_grade = min;
    }
    if (!seen.insert({rule.from_issuer, rule.from_module}).second)
      return Bad(at, "a second rule for " + issuer_ref + " " + rule.from_module);
    a.rules.push_back(std::move(rule));
  }

  if (const json* limits = FindMember(doc, "limits")) {
    if (!limits->is_object()) return Bad("/limits", "must be an object");
    if (FindMember(*limits, "maxRecognisedEcts") != nullptr) {
      PSL_ASSIGN_OR_RETURN(double cap, Number(*limits, "maxRecognisedEcts", "/limits", 0, 600));
      a.max_recognised_ects = cap;
    }
    PSL_ASSIGN_OR_RETURN(a.min_eqf_level_of_source, OptionalLevel(*limits, "minEqfLevelOfSource", "/limits"));
    if (FindMember(*limits, "acceptUntil") != nullptr) {
      PSL_ASSIGN_OR_RETURN(std::string until, Text(*limits, "acceptUntil", "/limits"));
      PSL_ASSIGN_OR_RETURN(Timestamp t, EndOfDay(until, "/limits/acceptUntil"));
      a.accept_until = t;
    }
  }

  if (const json* modules = FindMember(doc, "sourceModules")) {
    if (!modules->is_array()) return Bad("/sourceModules", "must be an array");
    if (modules->size() > kMaxRules) return Bad("/sourceModules", "more than " + std::to_string(kMaxRules) + " modules");
    for (std::size_t i = 0; i < modules->size(); ++i) {
      const std::string at = "/sourceModules/" + std::to_string(i);
      const json& m = (*modules)[i];
      if (!m.is_object()) return Bad(at, "a module is an object");
      SourceModule s;
      PSL_ASSIGN_OR_RETURN(std::string issuer_ref, Text(m, "issuer", at));
      PSL_ASSIGN_OR_RETURN(s.issuer, did_of(issuer_ref, at + "/issuer"));
      PSL_ASSIGN_OR_RETURN(s.code, Text(m, "code", at));
      if (FindMember(m, "ects") != nullptr) {
        PSL_ASSIGN_OR_RETURN(s.ects, Number(m, "ects", at, 0, 600));
      }
      PSL_ASSIGN_OR_RETURN(s.eqf_level, OptionalLevel(m, "eqfLevel", at));
      s.title = Titles(m);
      a.source_modules.push_back(std::move(s));
    }
  }
  if (const json* conversion = FindMember(doc, "gradeConversion")) {
    PSL_ASSIGN_OR_RETURN(a.grade_conversion, ParseGradeConversion(*conversion));
  }
  return a;
}

}  // namespace passerelle
