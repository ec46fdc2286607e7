// Passerelle — stacking verified modules into a certification.
#include "issuer/pathways/certification_rules.h"

#include <algorithm>
#include <cmath>

#include <nlohmann/json.hpp>

#include "formats/grade_number.h"
#include "formats/json.h"
#include "verifier/recognition.h"

namespace passerelle {
namespace {

using nlohmann::json;

Status Bad(const std::string& member, const std::string& what) {
  return Status::Malformed("/certificationRules/" + member + ": " + what);
}

std::string TitleOf(const ProgrammeModule& m) {
  if (m.title.is_object()) {
    if (auto en = m.title.find("en"); en != m.title.end() && en->is_string()) return en->get<std::string>();
    for (const auto& v : m.title)
      if (v.is_string()) return v.get<std::string>();
  }
  return {};
}

}  // namespace

Result<CertificationRules> ParseCertificationRules(const json& doc) {
  CertificationRules rules;
  const json* r = doc.is_object() ? FindMember(doc, "certificationRules") : nullptr;
  if (r == nullptr) return rules;
  if (!r->is_object()) return Status::Malformed("/certificationRules: must be an object");
  if (const json* p = FindMember(*r, "partners")) {
    if (!p->is_array() || p->size() > 1000) return Bad("partners", "must be an array of DIDs");
    for (const auto& d : *p) {
      if (!d.is_string() || d.get_ref<const std::string&>().rfind("did:", 0) != 0)
        return Bad("partners", "each partner is a DID");
      rules.partners.push_back(d.get<std::string>());
    }
  }
  for (auto [name, field] : {std::pair{"acceptRecognitions", &rules.accept_recognitions},
                             {"acceptPriorLearning", &rules.accept_prior_learning}}) {
    if (const json* b = FindMember(*r, name)) {
      if (!b->is_boolean()) return Bad(name, "must be true or false");
      *field = b->get<bool>();
    }
  }
  if (const json* e = FindMember(*r, "minEcts")) {
    if (!e->is_number() || e->get<double>() < 0 || e->get<double>() > 600) return Bad("minEcts", "must be 0 to 600");
    rules.min_ects = e->get<double>();
  }
  if (const json* g = FindMember(*r, "minGrades")) {
    if (!g->is_object()) return Bad("minGrades", "must map scale names to minimum grades");
    for (const auto& [scale, v] : g->get_ref<const json::object_t&>()) {
      if (!v.is_number() || !std::isfinite(v.get<double>())) return Bad("minGrades/" + scale, "must be a number");
      rules.min_grades[scale] = v.get<double>();
    }
  }
  if (const json* a = FindMember(*r, "maxModuleAgeDays")) {
    if (!a->is_number_integer() || a->get<long long>() < 1 || a->get<long long>() > 36500)
      return Bad("maxModuleAgeDays", "must be a whole number of days, 1 to 36500");
    rules.max_module_age_days = a->get<int>();
  }
  return rules;
}

const char* CoverageSourceName(CoverageSource source) {
  switch (source) {
    case CoverageSource::kOwn: return "own";
    case CoverageSource::kPartner: return "partner";
    case CoverageSource::kRecognised: return "recognised";
    case CoverageSource::kPriorLearning: return "prior-learning";
  }
  return "own";
}

double CreditsOf(const Credential& credential) {
  const Achievement* a = credential.achievement();
  if (a == nullptr) return 0;
  if (a->kind == CredentialKind::kRecognition) {
    const json* s = FindMember(credential.unsecured(), "credentialSubject");
    const json* ach = s != nullptr && s->is_object() ? FindMember(*s, "achievement") : nullptr;
    const json* c = ach != nullptr && ach->is_object() ? FindMember(*ach, "creditsGranted") : nullptr;
    return c != nullptr && c->is_number() ? c->get<double>() : 0;
  }
  return a->ects.value_or(0);
}

CertificationCheck Evaluate(const Programme& programme, const GradingScales& scales, const CertificationRules& rules,
                            const std::string& issuer_did, const std::vector<Credential>& credentials, Timestamp now) {
  CertificationCheck out;
  out.required_ects = rules.min_ects.value_or(programme.ects);
  auto is_partner = [&](const std::string& did) {
    return std::find(rules.partners.begin(), rules.partners.end(), did) != rules.partners.end();
  };
  // Why `vc` cannot stand for module `m` ("" when it can); sets `source`.
  auto judge = [&](const Credential& vc, const Achievement& a, const ProgrammeModule& m,
                   CoverageSource& source) -> std::string {
    const std::string& by = vc.issuer().id;
    const bool partner = is_partner(by);
    const bool own = issuer_did.empty() ? !partner : by == issuer_did;  // "": any awarding body (the wallet's view)
    if (a.kind == CredentialKind::kRecognition) {
      if (!rules.accept_recognitions) return m.code + ": recognitions do not count towards " + programme.code;
      source = CoverageSource::kRecognised;
    } else if (a.obtained_by == ObtainedBy::kPriorLearning) {
      if (!rules.accept_prior_learning)
        return m.code + ": validations of prior learning do not count towards " + programme.code;
      source = CoverageSource::kPriorLearning;
    } else {
      source = own ? CoverageSource::kOwn : CoverageSource::kPartner;
    }
    if (!own && !partner)
      return m.code + ": awarded by " + by + ", which is neither this awarding body nor an accredited partner";
    if (rules.max_module_age_days) {
      std::optional<Timestamp> when = a.awarded_on ? a.awarded_on : vc.valid_from();
      if (when && now.seconds - when->seconds > static_cast<std::int64_t>(*rules.max_module_age_days) * 86400)
        return m.code + ": awarded " + FormatDateTime(*when).substr(0, 10) + ", more than " +
               std::to_string(*rules.max_module_age_days) + " days ago";
    }
    if (a.grade && !a.grade->value.empty()) {
      const std::string& scheme = a.grade->scheme;
      std::optional<double> min;
      if (auto r = rules.min_grades.find(scheme); r != rules.min_grades.end()) min = r->second;
      else if (auto s = scales.find(scheme); s != scales.end()) min = s->second.pass_mark;
      if (!min) return m.code + ": graded on " + scheme + ", a scale this programme does not know";
      std::optional<double> number = ParseGradeNumber(a.grade->value);
      if (!number) return m.code + ": the grade \"" + a.grade->value + "\" is not a number";
      double v = *number;
      if (v < *min)
        return m.code + ": grade " + a.grade->value + " on " + scheme + " is under the minimum " + FormatNumber(*min);
    }
    return {};
  };
  for (const ProgrammeModule& m : programme.modules) {
    if (!m.mandatory) continue;
    ModuleCoverage cov;
    cov.module = m.code;
    for (const Credential& vc : credentials) {
      const Achievement* a = vc.achievement();
      if (a == nullptr || a->code != m.code) continue;
      // Parts: modules, recognitions, and (for a diploma) certifications
      // whose code is one of the programme's parts.
      if (a->kind != CredentialKind::kModule && a->kind != CredentialKind::kRecognition &&
          a->kind != CredentialKind::kCertification)
        continue;
      CoverageSource source = CoverageSource::kOwn;
      std::string problem = judge(vc, *a, m, source);
      if (problem.empty()) {
        cov.covered = true;
        cov.problem.clear();
        cov.credential_id = vc.id();
        cov.source = source;
        cov.ects = CreditsOf(vc);
        if (a->grade) cov.grade = a->grade->value + " " + a->grade->scheme;
        break;
      }
      if (cov.problem.empty()) cov.problem = std::move(problem);
    }
    if (cov.covered) {
      out.ects += cov.ects;
      out.used.push_back(cov.credential_id);
    } else {
      const std::string title = TitleOf(m);
      out.unmet.push_back(!cov.problem.empty() ? cov.problem
                                               : "missing module " + m.code + (title.empty() ? "" : " \"" + title + "\""));
    }
    out.modules.push_back(std::move(cov));
  }
  if (out.ects + 1e-9 < out.required_ects)
    out.unmet.push_back("ECTS total " + FormatNumber(out.ects) + " of the " + FormatNumber(out.required_ects) +
                        " required (" + FormatNumber(out.required_ects - out.ects) + " missing)");
  return out;
}

}  // namespace passerelle
