// Passerelle — native credential → Open Badges 3.0 (Achievement, OpenBadgeCredential).
#include "formats/openbadges.h"

#include <cmath>

#include <nlohmann/json.hpp>

#include "formats/datetime.h"
#include "formats/profile.h"
#include "formats/vc_model.h"

namespace passerelle {

using nlohmann::json;

namespace {

// OB 3.0 achievementType for each Passerelle kind.
const char* AchievementType(const std::optional<CredentialKind>& kind) {
  if (!kind) return "Achievement";
  switch (*kind) {
    case CredentialKind::kModule:
      return "Course";
    case CredentialKind::kCertification:
      return "Certification";
    case CredentialKind::kDiploma:
      return "Diploma";
    case CredentialKind::kRecognition:
      return "Achievement";
  }
  return "Achievement";
}

// A stable achievement id: the same module of the same issuer is one
// achievement, whoever earns it.
std::string AchievementId(const Credential& c, const Achievement& a) {
  std::string code = a.code.empty() ? c.id() : a.code;
  return "urn:passerelle:achievement:" + c.issuer().id + ":" + code;
}

// Criteria in Markdown: what the learner has shown they can do.
std::string Criteria(const Achievement& a, std::string_view language) {
  if (a.learning_outcomes.empty()) return "Awarded on the assessment of the achievement's learning outcomes.";
  std::string text = "Learning outcomes assessed:\n";
  for (const auto& outcome : a.learning_outcomes) text += "\n- " + std::string(PickLanguage(outcome, language));
  return text;
}

// Bounds of a scale named like "FR-0-20" (country, min, max); none otherwise.
std::optional<std::pair<std::string, std::string>> ScaleBounds(const std::string& scheme) {
  std::size_t first = scheme.find('-');
  std::size_t second = first == std::string::npos ? first : scheme.find('-', first + 1);
  if (second == std::string::npos) return std::nullopt;
  std::string lo = scheme.substr(first + 1, second - first - 1), hi = scheme.substr(second + 1);
  auto digits = [](const std::string& s) {
    return !s.empty() && s.find_first_not_of("0123456789") == std::string::npos;
  };
  if (!digits(lo) || !digits(hi)) return std::nullopt;
  return std::pair{lo, hi};
}

json Profile(const Party& party, std::string_view language) {
  json p = {{"id", party.id}, {"type", json::array({"Profile"})}};
  if (std::string_view name = PickLanguage(party.name, language); !name.empty()) p["name"] = name;
  return p;
}

}  // namespace

Result<json> OpenBadgeAchievement(const Credential& credential, std::string_view language, bool standalone) {
  const Achievement* a = credential.achievement();
  if (a == nullptr || a->title.empty())
    return Status::Unsupported("open badges: not a Passerelle learning credential (no achievement to describe)");
  json out = json::object();
  if (standalone) out["@context"] = json::array({kVc2Context, kOpenBadgesContext});
  out["id"] = AchievementId(credential, *a);
  out["type"] = json::array({"Achievement"});
  out["achievementType"] = AchievementType(a->kind);
  out["name"] = PickLanguage(a->title, language);
  out["description"] = std::string(PickLanguage(a->title, language)) +
                       (a->code.empty() ? "" : " (" + a->code + ")");
  out["criteria"] = {{"narrative", Criteria(*a, language)}};
  if (!a->code.empty()) out["humanCode"] = a->code;
  if (a->ects && std::isfinite(*a->ects)) out["creditsAvailable"] = *a->ects;
  json alignment = json::array();
  if (a->eqf_level > 0) {
    std::string level = std::to_string(a->eqf_level);
    alignment.push_back({{"type", json::array({"Alignment"})},
                         {"targetName", "EQF level " + level},
                         {"targetUrl", std::string(kEqfLevelPrefix) + level},
                         {"targetFramework", "European Qualifications Framework"},
                         {"targetCode", level}});
  }
  if (!a->nqf_level.empty())
    alignment.push_back({{"type", json::array({"Alignment"})},
                         {"targetName", "National qualifications framework level"},
                         {"targetUrl", a->nqf_level}});
  if (!alignment.empty()) out["alignment"] = std::move(alignment);
  if (a->grade && !a->grade->scheme.empty()) {
    json rd = {{"id", out["id"].get<std::string>() + ":grade"},
               {"type", json::array({"ResultDescription"})},
               {"name", "Grade (" + a->grade->scheme + ")"},
               {"resultType", "Result"}};
    if (auto bounds = ScaleBounds(a->grade->scheme)) {
      rd["valueMin"] = bounds->first;
      rd["valueMax"] = bounds->second;
    }
    out["resultDescription"] = json::array({std::move(rd)});
  }
  out["creator"] = Profile(credential.issuer(), language);
  out["inLanguage"] = std::string(language);
  return out;
}

Result<json> ToOpenBadgeCredential(const Credential& credential, std::string_view language) {
  PSL_ASSIGN_OR_RETURN(json achievement, OpenBadgeAchievement(credential, language, false));
  if (credential.id().empty()) return Status::InvalidCredential("/id: an Open Badge credential needs an id");
  const Achievement& a = *credential.achievement();
  json subject = {{"type", json::array({"AchievementSubject"})}};
  if (!credential.subject_ids().empty() && !credential.subject_ids()[0].empty())
    subject["id"] = credential.subject_ids()[0];
  if (!a.holder_name.empty())
    subject["identifier"] = json::array({{{"type", "IdentityObject"},
                                          {"identityHash", a.holder_name},
                                          {"identityType", "name"},
                                          {"hashed", false}}});
  if (a.ects && std::isfinite(*a.ects)) subject["creditsEarned"] = *a.ects;
  if (a.grade && achievement.contains("resultDescription"))
    subject["result"] = json::array({{{"type", json::array({"Result"})},
                                      {"resultDescription", achievement["resultDescription"][0]["id"]},
                                      {"value", a.grade->value}}});
  std::string name = achievement["name"].get<std::string>();
  subject["achievement"] = std::move(achievement);

  json vc = {{"@context", json::array({kVc2Context, kOpenBadgesContext})},
             {"id", credential.id()},
             {"type", json::array({"VerifiableCredential", "OpenBadgeCredential"})},
             {"name", name},
             {"issuer", Profile(credential.issuer(), language)}};
  if (credential.valid_from()) vc["validFrom"] = FormatDateTime(*credential.valid_from());
  if (credential.valid_until()) vc["validUntil"] = FormatDateTime(*credential.valid_until());
  if (a.awarded_on) vc["awardedDate"] = FormatDateTime(*a.awarded_on);
  vc["credentialSubject"] = std::move(subject);
  return vc;
}

}  // namespace passerelle
