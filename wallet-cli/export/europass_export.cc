// Passerelle wallet — Passerelle profile fields mapped onto ELM 3 (edc-ap).
#include "wallet-cli/export/europass_export.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include <nlohmann/json.hpp>

#include "formats/datetime.h"
#include "formats/profile.h"
#include "wallet-cli/export/eu_vocabularies.h"

namespace passerelle::wallet {

using nlohmann::json;

namespace {

// EU vocabularies (data.europa.eu/snb) the document points into.
constexpr std::string_view kGenericProfile = "http://data.europa.eu/snb/credential/e34929035b";
constexpr std::string_view kCredentialProfileScheme = "http://data.europa.eu/snb/credential/25831c2";
constexpr std::string_view kGenericSchema = "http://data.europa.eu/snb/model/ap/edc-generic-full";
constexpr std::string_view kEctsFramework = "http://data.europa.eu/snb/education-credit/6fcec5c5af";
constexpr std::string_view kEducationCreditScheme = "http://data.europa.eu/snb/education-credit/25831c2";
constexpr std::string_view kEqfScheme = "http://data.europa.eu/snb/eqf/25831c2";

json Concept(std::string_view id, std::string_view scheme = {}, const json& label = nullptr) {
  json c = {{"id", id}, {"type", "Concept"}};
  if (!scheme.empty()) c["inScheme"] = {{"id", scheme}, {"type", "ConceptScheme"}};
  if (!label.is_null()) c["prefLabel"] = label;
  return c;
}

// The credential's primary language: English when its title has it, else
// the title's first tagged language. Untagged text ("name": "…") is filed
// under it, since edc-ap language maps need a tag.
std::string PrimaryLanguage(const Achievement& a) {
  std::string first;
  for (const auto& [tag, text] : a.title) {
    if (tag == "en") return tag;
    if (first.empty()) first = tag;
  }
  return first.empty() ? "en" : first;
}

// A language map for an edc-ap `@container: @language` term; texts for the
// same tag (a list in the source) become an array.
json LangMap(const LanguageMap& map, const std::string& primary) {
  json out = json::object();
  for (const auto& [tag, text] : map) {
    const std::string& key = tag.empty() ? primary : tag;
    if (!out.contains(key)) out[key] = text;
    else if (out[key].is_array()) out[key].push_back(text);
    else out[key] = json::array({out[key], text});
  }
  return out;
}

json LangMap(const std::string& text, const std::string& primary) { return json{{primary, text}}; }

std::string FormatPoints(double ects) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", ects);
  return buf;
}

json Organisation(const Party& party, const std::string& primary, const Achievement& a) {
  json org = {{"id", party.id}, {"type", "Organisation"}};
  if (!party.name.empty()) org["legalName"] = LangMap(party.name, primary);
  if (std::string country = EuCountryIri(party.country); !country.empty())
    org["location"] = {{"id", party.id + "#location"},
                       {"type", "Location"},
                       {"address", {{"id", party.id + "#address"},
                                    {"type", "Address"},
                                    {"countryCode", Concept(country, kEuCountryScheme)}}}};
  if (!a.quality_assurance.empty())
    org["accreditation"] = json::array(
        {{{"id", party.id + "#accreditation"}, {"type", "Accreditation"}, {"dcType", Concept(a.quality_assurance)}}});
  return org;
}

json Holder(const Credential& c, const Achievement& a, const std::string& primary, const std::string& base) {
  std::string id = !c.subject_ids().empty() && !c.subject_ids()[0].empty() ? c.subject_ids()[0] : base + "#holder";
  json person = {{"id", id}, {"type", "Person"}};
  if (!a.holder_name.empty()) person["fullName"] = LangMap(a.holder_name, primary);
  if (!a.given_name.empty()) person["givenName"] = LangMap(a.given_name, primary);
  if (!a.family_name.empty()) person["familyName"] = LangMap(a.family_name, primary);
  return person;
}

json Specification(const Achievement& a, const std::string& primary, const std::string& base) {
  bool qualification = a.kind == CredentialKind::kCertification || a.kind == CredentialKind::kDiploma;
  json spec = {{"id", base + "#specification"},
               {"type", qualification ? "Qualification" : "LearningAchievementSpecification"},
               {"title", LangMap(a.title, primary)}};
  if (!a.code.empty())
    spec["identifier"] = json::array({{{"id", base + "#code"}, {"type", "Identifier"}, {"notation", a.code}}});
  if (a.ects && std::isfinite(*a.ects))
    spec["creditPoint"] = json::array({{{"id", base + "#ects"},
                                        {"type", "CreditPoint"},
                                        {"framework", Concept(kEctsFramework, kEducationCreditScheme,
                                                              json{{"en", "European Credit Transfer System"}})},
                                        {"point", FormatPoints(*a.ects)}}});
  if (a.eqf_level > 0) {
    std::string level = std::to_string(a.eqf_level);
    spec["eqfLevel"] = Concept(std::string(kEqfLevelPrefix) + level, kEqfScheme, json{{"en", "Level " + level}});
  }
  if (!a.nqf_level.empty()) spec["nqfLevel"] = json::array({Concept(a.nqf_level)});
  if (!a.workload.empty()) spec["volumeOfLearning"] = a.workload;
  if (!a.learning_outcomes.empty()) {
    json outcomes = json::array();
    for (std::size_t i = 0; i < a.learning_outcomes.size(); ++i)
      outcomes.push_back({{"id", base + "#outcome-" + std::to_string(i + 1)},
                          {"type", "LearningOutcome"},
                          {"title", LangMap(a.learning_outcomes[i], primary)}});
    spec["learningOutcome"] = std::move(outcomes);
  }
  return spec;
}

// The assessment: its grade as a note on the grading scheme's scale, its
// type (ELM assessment vocabulary) and mode (online, presential…).
json Assessment(const Achievement& a, const std::string& primary, const std::string& base) {
  json spec = {{"id", base + "#assessment-specification"},
               {"type", "LearningAssessmentSpecification"},
               {"title", LangMap(a.title, primary)}};
  if (!a.assessment_type.empty()) spec["dcType"] = Concept(a.assessment_type);
  if (!a.mode.empty()) spec["mode"] = json::array({Concept(a.mode)});
  json assessment = {{"id", base + "#assessment"}, {"type", "LearningAssessment"}, {"title", LangMap(a.title, primary)}};
  if (a.grade) {
    if (!a.grade->scheme.empty())
      spec["gradingScheme"] = {{"id", base + "#grading-scheme"},
                               {"type", "GradingScheme"},
                               {"title", json{{primary, a.grade->scheme}}}};
    assessment["grade"] = {{"id", base + "#grade"}, {"type", "Note"}, {"noteLiteral", json{{primary, a.grade->value}}}};
  }
  assessment["specifiedBy"] = std::move(spec);
  return assessment;
}

json DisplayParameter(const Achievement& a, const std::string& primary, const std::string& base) {
  json display = {{"id", base + "#display"}, {"type", "DisplayParameter"}, {"title", LangMap(a.title, primary)}};
  if (std::string iri = EuLanguageIri(primary); !iri.empty()) display["primaryLanguage"] = Concept(iri, kEuLanguageScheme);
  json languages = json::array();
  for (const auto& [tag, text] : a.title)
    if (std::string iri = EuLanguageIri(tag); !iri.empty()) {
      json c = Concept(iri, kEuLanguageScheme);
      if (std::find(languages.begin(), languages.end(), c) == languages.end()) languages.push_back(std::move(c));
    }
  if (!languages.empty()) display["language"] = std::move(languages);
  return display;
}

}  // namespace

Result<json> ToEuropass(const Credential& credential) {
  const Achievement* a = credential.achievement();
  if (a == nullptr || a->title.empty())
    return Status::Unsupported("europass export: not a Passerelle learning credential (no achievement to describe)");
  const std::string primary = PrimaryLanguage(*a);
  const std::string base = credential.id().empty() ? "urn:passerelle:europass-export" : credential.id();
  const Party& issuer = credential.issuer();

  json doc = {{"@context", json::array({kVc1Context, kEdcApContext})}};
  if (!credential.id().empty()) doc["id"] = credential.id();
  doc["type"] = json::array({"VerifiableCredential", "EuropeanDigitalCredential"});
  doc["credentialProfiles"] = json::array({Concept(kGenericProfile, kCredentialProfileScheme, json{{"en", "Generic"}})});
  doc["credentialSchema"] = json::array({{{"id", kGenericSchema}, {"type", "ShaclValidator2017"}}});
  doc["displayParameter"] = DisplayParameter(*a, primary, base);
  doc["issuer"] = Organisation(issuer, primary, *a);
  if (credential.valid_from()) doc["issuanceDate"] = FormatDateTime(*credential.valid_from());
  if (credential.valid_until()) doc["expirationDate"] = FormatDateTime(*credential.valid_until());

  json awarding = {{"id", base + "#awarding"}, {"type", "AwardingProcess"}};
  json bodies = json::array();
  for (const auto& body : a->awarding_bodies)
    bodies.push_back(body == issuer.id ? Organisation(issuer, primary, *a) : json{{"id", body}, {"type", "Organisation"}});
  if (!bodies.empty()) awarding["awardingBody"] = std::move(bodies);
  if (a->awarded_on) awarding["awardingDate"] = FormatDateTime(*a->awarded_on);

  json claim = {{"id", base + "#achievement"},
                {"type", "LearningAchievement"},
                {"title", LangMap(a->title, primary)},
                {"awardedBy", std::move(awarding)},
                {"specifiedBy", Specification(*a, primary, base)},
                {"provenBy", json::array({Assessment(*a, primary, base)})}};
  json subject = Holder(credential, *a, primary, base);
  subject["hasClaim"] = json::array({std::move(claim)});
  doc["credentialSubject"] = std::move(subject);
  return doc;
}

}  // namespace passerelle::wallet
