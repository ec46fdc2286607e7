// Passerelle — native credential profile checks.
#include "formats/profile.h"

#include <algorithm>
#include <array>
#include <optional>

#include <nlohmann/json.hpp>

#include "formats/datetime.h"
#include "formats/json.h"
#include "formats/vc_model.h"

namespace passerelle {
namespace {

using nlohmann::json;

// Messages are built only on failure: these checks run on every
// credential verified, and nearly all pass.
Status Missing(std::string_view where, std::string_view element) {
  return Status::InvalidCredential(std::string(where) + ": missing mandatory element " + std::string(element))
      .AtPointer(std::string(where));
}
Status Rule(std::string_view where, std::string_view rule) {
  return Status::InvalidCredential(std::string(where) + ": " + std::string(rule)).AtPointer(std::string(where));
}
// "<where>/<member>", for messages.
std::string At(std::string_view where, std::string_view member) {
  return std::string(where) + "/" + JsonPointerEscape(member);
}

bool IsLanguageTag(std::string_view tag) {
  if (tag.empty() || tag.size() > 35) return false;
  for (char c : tag)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'))
      return false;
  return tag.front() != '-' && tag.back() != '-';
}

// A language map {"en": "…", "fr": "…"} with at least one non-empty entry;
// `allow_arrays` also admits {"en": ["…", "…"]}.
Status CheckLanguageMap(const json& obj, std::string_view member, std::string_view where,
                        std::string_view element, bool allow_arrays) {
  const json* m = FindMember(obj, member);
  if (m == nullptr) return Missing(At(where, member), element);
  if (!m->is_object() || m->empty())
    return Rule(At(where, member), "must be a language map, e.g. {\"en\": \"…\", \"fr\": \"…\"}");
  for (const auto& [tag, text] : m->get_ref<const json::object_t&>()) {
    auto at = [&, &tag = tag] { return At(At(where, member), tag); };
    if (!IsLanguageTag(tag)) return Rule(at(), "not a language tag");
    if (text.is_string()) {
      if (text.get_ref<const std::string&>().empty()) return Rule(at(), "empty text");
    } else if (allow_arrays && text.is_array() && !text.empty()) {
      for (const auto& s : text)
        if (!s.is_string() || s.get_ref<const std::string&>().empty()) return Rule(at(), "must hold non-empty strings");
    } else {
      return Rule(at(), allow_arrays ? "must be text or a list of texts" : "must be text");
    }
  }
  return Status::Ok();
}

// The member must be an absolute IRI.
Status RequireUrl(const json& obj, std::string_view member, std::string_view where, std::string_view element) {
  const json* m = FindMember(obj, member);
  if (m == nullptr) return Missing(At(where, member), element);
  if (!m->is_string() || !IsAbsoluteUrl(m->get_ref<const std::string&>())) return Rule(At(where, member), "must be an IRI");
  return Status::Ok();
}

// ISO 8601 duration in hours, as ELM volumeOfLearning: "PT150H".
bool IsHoursDuration(const std::string& s) {
  if (s.size() < 4 || s.rfind("PT", 0) != 0 || s.back() != 'H') return false;
  return std::all_of(s.begin() + 2, s.end() - 1, [](char c) { return c >= '0' && c <= '9'; });
}

Status CheckAchievement(const json& achievement, const std::string& at, CredentialKind kind,
                        const std::string& country) {
  if (!achievement.is_object()) return Rule(at, "must be an object");
  PSL_RETURN_IF_ERROR(CheckLanguageMap(achievement, "title", at, "title (M2)", false));
  if (kind == CredentialKind::kRecognition) return Status::Ok();
  PSL_RETURN_IF_ERROR(CheckLanguageMap(achievement, "learningOutcomes", at, "learning outcomes (M6)", true));
  // M7 workload: ECTS credits and/or notional hours.
  const json* ects = FindMember(achievement, "ects");
  const json* workload = FindMember(achievement, "workload");
  if (ects == nullptr && workload == nullptr) return Missing(at + "/ects", "workload (M7): ects or workload");
  if (ects != nullptr && (!ects->is_number() || ects->get<double>() <= 0 || ects->get<double>() > 480))
    return Rule(at + "/ects", "must be a positive number of ECTS credits");
  if (workload != nullptr && (!workload->is_string() || !IsHoursDuration(workload->get_ref<const std::string&>())))
    return Rule(at + "/workload", "must be an ISO 8601 duration in hours, e.g. \"PT150H\"");
  // M8 level: EQF for EQF-referenced countries, NQF otherwise.
  const json* eqf = FindMember(achievement, "eqfLevel");
  const json* nqf = FindMember(achievement, "nqfLevel");
  if (eqf != nullptr) {
    if (!eqf->is_string()) return Rule(at + "/eqfLevel", "must be an EQF level IRI");
    const std::string& v = eqf->get_ref<const std::string&>();
    if (v.rfind(kEqfLevelPrefix, 0) != 0 || v.size() != kEqfLevelPrefix.size() + 1 ||
        v.back() < '1' || v.back() > '8')
      return Rule(at + "/eqfLevel", "must be http://data.europa.eu/snb/eqf/1 … /8");
    if (!CountryReferencesEqf(country))
      return Rule(at + "/eqfLevel", "an awarding body in " + country +
                                        " asserts its national level (nqfLevel), not an EQF level; "
                                        "EQF comparison belongs in a recognition credential");
  }
  if (nqf != nullptr && !nqf->is_string()) return Rule(at + "/nqfLevel", "must be a string");
  if (eqf == nullptr && nqf == nullptr) return Missing(at + "/eqfLevel", "level (M8): eqfLevel or nqfLevel");
  PSL_RETURN_IF_ERROR(RequireUrl(achievement, "assessmentType", at, "type of assessment (M9)"));
  PSL_RETURN_IF_ERROR(RequireUrl(achievement, "mode", at, "form of participation (M10)"));
  PSL_RETURN_IF_ERROR(RequireUrl(achievement, "qualityAssurance", at, "quality assurance (M11)"));
  if (const json* grade = FindMember(achievement, "grade")) {
    if (!grade->is_object()) return Rule(at + "/grade", "must be an object {value, scheme}");
    for (const char* part : {"value", "scheme"}) {
      const json* v = FindMember(*grade, part);
      if (v == nullptr) return Status::Malformed(At(at + "/grade", part) + ": missing").AtPointer(At(at + "/grade", part));
      if (!v->is_string())
        return Status::Malformed(At(at + "/grade", part) + ": not a string").AtPointer(At(at + "/grade", part));
    }
  }
  return Status::Ok();
}

}  // namespace

const char* CredentialKindName(CredentialKind kind) {
  switch (kind) {
    case CredentialKind::kModule: return "module";
    case CredentialKind::kCertification: return "certification";
    case CredentialKind::kDiploma: return "diploma";
    case CredentialKind::kRecognition: return "recognition";
  }
  return "unknown";
}

const char* CredentialKindType(CredentialKind kind) {
  switch (kind) {
    case CredentialKind::kModule: return "ModuleCredential";
    case CredentialKind::kCertification: return "CertificationCredential";
    case CredentialKind::kDiploma: return "DiplomaCredential";
    case CredentialKind::kRecognition: return "RecognitionCredential";
  }
  return "unknown";
}

Result<CredentialKind> ParseCredentialKind(std::string_view name) {
  for (auto k : {CredentialKind::kModule, CredentialKind::kCertification, CredentialKind::kDiploma,
                 CredentialKind::kRecognition})
    if (name == CredentialKindName(k)) return k;
  return Status::InvalidArgument("unknown credential kind \"" + std::string(name) +
                                 "\" (module, certification, diploma, recognition)");
}

bool UsesPasserelleContext(const json& document) {
  const json* ctx = FindMember(document, "@context");
  if (ctx == nullptr) return false;
  if (ctx->is_string()) return JsonStringEquals(*ctx, kPasserelleContextV1);
  if (ctx->is_array())
    for (const auto& c : *ctx)
      if (JsonStringEquals(c, kPasserelleContextV1)) return true;
  return false;
}

bool CountryReferencesEqf(std::string_view c) {
  // EU-27, EEA (IS, LI, NO) and the other countries that referenced their
  // frameworks to the EQF (CH, UK-excluded since 2020, ME, MK, AL, RS, TR, XK, BA, MD, UA).
  static constexpr std::array<std::string_view, 41> kReferenced = {
      "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "EL", "HU",
      "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
      "IS", "LI", "NO", "CH", "ME", "MK", "AL", "RS", "TR", "XK", "BA", "MD", "UA"};
  return std::find(kReferenced.begin(), kReferenced.end(), c) != kReferenced.end();
}

Result<CredentialKind> KindOf(const json& credential) {
  std::optional<CredentialKind> found;
  for (auto k : {CredentialKind::kModule, CredentialKind::kCertification, CredentialKind::kDiploma,
                 CredentialKind::kRecognition})
    if (HasType(credential, CredentialKindType(k))) {
      // One kind: a credential typed both module and diploma would pass
      // scope checks as whichever came first.
      if (found)
        return Status::InvalidCredential("/type: a Passerelle credential has one kind, not both " +
                                         std::string(CredentialKindType(*found)) + " and " + CredentialKindType(k))
            .AtPointer("/type");
      found = k;
    }
  if (found) return *found;
  return Status::InvalidCredential(
      "/type: a Passerelle credential names its kind (ModuleCredential, CertificationCredential, "
      "DiplomaCredential or RecognitionCredential)").AtPointer("/type");
}

Status ValidateProfile(const json& credential) {
  if (!UsesPasserelleContext(credential)) return Status::Ok();
  PSL_ASSIGN_OR_RETURN(CredentialKind kind, KindOf(credential));
  // M4 awarding body and M3 its country: the issuer object.
  const json* issuer = FindMember(credential, "issuer");
  if (issuer == nullptr || !issuer->is_object())
    return Missing("/issuer", "awarding body (M4): issuer as an object with id, name and country");
  const json* issuer_name = FindMember(*issuer, "name");
  if (issuer_name == nullptr) return Missing("/issuer/name", "awarding body name (M4)");
  if (!(issuer_name->is_string() || (issuer_name->is_array() && !issuer_name->empty()) ||
        issuer_name->is_object()))
    return Rule("/issuer/name", "must be text or language value objects [{\"@value\", \"@language\"}]");
  const json* country = FindMember(*issuer, "country");
  if (country == nullptr) return Missing("/issuer/country", "issuer country (M3)");
  if (!country->is_string() || country->get_ref<const std::string&>().size() != 2)
    return Rule("/issuer/country", "must be an ISO 3166-1 alpha-2 code");
  // M5 date of issue.
  if (FindMember(credential, "validFrom") == nullptr) return Missing("/validFrom", "date of issue (M5)");
  // M1 learner, and the achievement.
  const json* subject = FindMember(credential, "credentialSubject");
  if (subject == nullptr || !subject->is_object())
    return Missing("/credentialSubject", "learner (M1): one credentialSubject object");
  const json* sid = FindMember(*subject, "id");
  const json* name = FindMember(*subject, "name");
  const json* given = FindMember(*subject, "givenName");
  const json* family = FindMember(*subject, "familyName");
  if (sid == nullptr && name == nullptr && (given == nullptr || family == nullptr))
    return Missing("/credentialSubject/id", "identification of the learner (M1): id, name, or givenName and familyName");
  const json* achievement = FindMember(*subject, "achievement");
  if (achievement == nullptr) return Missing("/credentialSubject/achievement", "the achievement");
  if (const json* awarded = FindMember(*subject, "awardedOn")) {
    if (!awarded->is_string() || !ParseDateTime(awarded->get_ref<const std::string&>()).ok())
      return Rule("/credentialSubject/awardedOn", "must be a date-time");
  }
  static const std::string kAchievementAt = "/credentialSubject/achievement";
  return CheckAchievement(*achievement, kAchievementAt, kind, country->get_ref<const std::string&>());
}

}  // namespace passerelle
