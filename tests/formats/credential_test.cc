// Tests for formats/credential.h: the typed credential and presentation model.
#include "formats/credential.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

namespace passerelle {
namespace {

using nlohmann::json;

json ModuleJson() {
  return json::parse(R"({
    "@context": ["https://www.w3.org/ns/credentials/v2", "https://w3id.org/passerelle/v1"],
    "id": "urn:uuid:6a1a7f1e-9b61-4f0e-a1a3-1b6f1c2d3e4f",
    "type": ["VerifiableCredential", "ModuleCredential"],
    "issuer": {"id": "did:key:z6MkIssuer", "name": "Institut de Lyon", "country": "FR"},
    "validFrom": "2026-06-24T00:00:00Z",
    "validUntil": "2031-06-24T00:00:00Z",
    "credentialStatus": {"type": "BitstringStatusListEntry"},
    "credentialSubject": {
      "id": "did:key:z6MkHolder",
      "givenName": "Jérôme", "familyName": "Mercier",
      "awardedOn": "2026-06-20T00:00:00Z",
      "achievement": {
        "type": "LearningAchievement", "code": "HQ-M03",
        "title": {"en": "Patient safety", "fr": "Sécurité des patients", "ru": "Безопасность пациентов"},
        "ects": 6, "workload": "PT150H",
        "eqfLevel": "http://data.europa.eu/snb/eqf/5",
        "grade": {"value": "18.9", "scheme": "FR-0-20"},
        "isPartOf": "urn:passerelle:programme:HQ-CERT"
      }
    },
    "proof": {"type": "DataIntegrityProof", "cryptosuite": "eddsa-jcs-2022", "proofValue": "z1"}
  })");
}

TEST_CASE("a credential is read once into typed fields", "[credential]") {
  std::string text = ModuleJson().dump();
  auto vc = ParseCredential(text);
  REQUIRE(vc.ok());
  CHECK(vc->text() == text);
  CHECK(vc->id() == "urn:uuid:6a1a7f1e-9b61-4f0e-a1a3-1b6f1c2d3e4f");
  CHECK(vc->HasType("ModuleCredential"));
  CHECK_FALSE(vc->HasType("VerifiablePresentation"));
  CHECK(vc->version().ok());
  CHECK(*vc->version() == VcVersion::kV2_0);
  CHECK(vc->issuer().id == "did:key:z6MkIssuer");
  CHECK(vc->issuer().country == "FR");
  CHECK(PickLanguage(vc->issuer().name, "fr") == "Institut de Lyon");
  CHECK(vc->subject_ids() == std::vector<std::string>{"did:key:z6MkHolder"});
  REQUIRE(vc->valid_from());
  CHECK(FormatDateTime(*vc->valid_from()) == "2026-06-24T00:00:00Z");
  REQUIRE(vc->valid_until());
  CHECK(vc->has_status());
  CHECK(vc->uses_passerelle_context());

  const Achievement* a = vc->achievement();
  REQUIRE(a != nullptr);
  CHECK(a->kind == CredentialKind::kModule);
  CHECK(a->code == "HQ-M03");
  CHECK(PickLanguage(a->title, "ru") == "Безопасность пациентов");
  REQUIRE(a->ects);
  CHECK(*a->ects == 6);
  CHECK(a->eqf_level == 5);
  REQUIRE(a->grade);
  CHECK(a->grade->value == "18.9");
  CHECK(a->grade->scheme == "FR-0-20");
  CHECK(a->part_of == "urn:passerelle:programme:HQ-CERT");
  CHECK(a->awarding_bodies == std::vector<std::string>{"did:key:z6MkIssuer"});
  CHECK(a->holder_name == "Jérôme Mercier");
  CHECK(a->obtained_by == ObtainedBy::kCourse);
  REQUIRE(a->awarded_on);
  CHECK(vc->achievement() == a);  // read once, then shared
}

TEST_CASE("a module validated from prior learning reads as obtained by prior learning", "[credential]") {
  json doc = ModuleJson();
  doc["credentialSubject"]["achievement"]["influencedBy"] = {
      {"type", "LearningActivity"}, {"activityType", std::string(kPriorLearningActivity)}, {"evidenceReference", "VAE-1"}};
  auto vc = CredentialFromJson(doc);
  REQUIRE(vc.ok());
  CHECK(vc->achievement()->obtained_by == ObtainedBy::kPriorLearning);
  doc["credentialSubject"]["achievement"]["influencedBy"]["activityType"] = "https://example.org/course";
  CHECK(CredentialFromJson(doc)->achievement()->obtained_by == ObtainedBy::kCourse);
}

TEST_CASE("learning outcomes and the ELM vocabulary fields are read for exports", "[credential]") {
  json doc = ModuleJson();
  json& ach = doc["credentialSubject"]["achievement"];
  ach["learningOutcomes"] = {{"en", {"Run a root-cause analysis", "Build a risk map"}},
                             {"fr", {"Mener une analyse des causes"}}, {"ro", 7}};
  ach["assessmentType"] = "http://data.europa.eu/snb/assessment/6e6cb2cc78";
  ach["mode"] = "http://data.europa.eu/snb/learning-assessment/e92d221e4d";
  ach["qualityAssurance"] = "http://data.europa.eu/snb/accreditation/820101cba6";
  auto vc = CredentialFromJson(doc);
  REQUIRE(vc.ok());
  const Achievement* a = vc->achievement();
  REQUIRE(a->learning_outcomes.size() == 2);
  CHECK(PickLanguage(a->learning_outcomes[0], "fr") == "Mener une analyse des causes");
  CHECK(PickLanguage(a->learning_outcomes[1], "fr") == "Build a risk map");  // falls back to English
  CHECK(a->assessment_type == "http://data.europa.eu/snb/assessment/6e6cb2cc78");
  CHECK(a->mode == "http://data.europa.eu/snb/learning-assessment/e92d221e4d");
  CHECK(a->quality_assurance == "http://data.europa.eu/snb/accreditation/820101cba6");
  CHECK(a->given_name == "Jérôme");
  CHECK(a->family_name == "Mercier");

  ach["learningOutcomes"] = "one outcome";
  auto plain = CredentialFromJson(doc);
  REQUIRE(plain.ok());
  REQUIRE(plain->achievement()->learning_outcomes.size() == 1);
  ach["learningOutcomes"] = json::array({1, 2});  // hostile shapes read as none
  auto odd = CredentialFromJson(doc);
  REQUIRE(odd.ok());
  CHECK(odd->achievement()->learning_outcomes.empty());
}

TEST_CASE("the proofs are held apart from the unsecured document", "[credential]") {
  auto vc = CredentialFromJson(ModuleJson());
  REQUIRE(vc.ok());
  CHECK(vc->unsecured().find("proof") == vc->unsecured().end());
  CHECK(vc->proofs().is_object());
  CHECK(vc->text().empty());
  CHECK(vc->ToJson() == ModuleJson());  // nothing lost
  Credential copy = *vc;                // shares the state
  CHECK(&copy.unsecured() == &vc->unsecured());
}

TEST_CASE("a credential of the wrong shape still parses, with empty fields", "[credential]") {
  json odd = {{"@context", 5}, {"issuer", json::array()}, {"validFrom", "yesterday"}, {"credentialSubject", 3}};
  auto vc = CredentialFromJson(odd);
  REQUIRE(vc.ok());
  CHECK(vc->issuer().id.empty());
  CHECK_FALSE(vc->valid_from());
  CHECK(vc->proofs().is_null());
  CHECK_FALSE(vc->version().ok());
  CHECK(vc->achievement() == nullptr);
  CHECK(ParseCredential("[1, 2]").status().code() == Code::kMalformed);
  CHECK(ParseCredential("{\"a\": 1, \"a\": 2}").status().code() == Code::kMalformed);
}

TEST_CASE("VC 1.1 dates and several subjects are read", "[credential]") {
  json v1 = {{"@context", {"https://www.w3.org/2018/credentials/v1"}},
             {"type", "VerifiableCredential"},
             {"issuer", "did:example:issuer"},
             {"issuanceDate", "2020-01-01T00:00:00Z"},
             {"expirationDate", "2030-01-01T00:00:00Z"},
             {"credentialSubject", {{{"id", "did:example:a"}}, {{"name", "no id"}}}}};
  auto vc = CredentialFromJson(v1);
  REQUIRE(vc.ok());
  CHECK(*vc->version() == VcVersion::kV1_1);
  CHECK(vc->issuer().id == "did:example:issuer");
  CHECK(vc->subject_ids() == std::vector<std::string>{"did:example:a", ""});
  CHECK(FormatDateTime(*vc->valid_from()) == "2020-01-01T00:00:00Z");
  CHECK(FormatDateTime(*vc->valid_until()) == "2030-01-01T00:00:00Z");
  CHECK_FALSE(vc->uses_passerelle_context());
  CHECK(vc->achievement() == nullptr);
}

TEST_CASE("a presentation holds its credentials as typed values", "[credential]") {
  json vp = {{"@context", {"https://www.w3.org/ns/credentials/v2"}},
             {"type", {"VerifiablePresentation"}},
             {"holder", {{"id", "did:key:z6MkHolder"}}},
             {"verifiableCredential", {ModuleJson(), "not an object", ModuleJson()}},
             {"proof", {{"type", "DataIntegrityProof"}}}};
  auto p = PresentationFromJson(vp);
  REQUIRE(p.ok());
  CHECK(p->holder() == "did:key:z6MkHolder");
  CHECK(p->HasType("VerifiablePresentation"));
  CHECK(p->proofs().is_object());
  CHECK(p->unsecured().find("proof") == p->unsecured().end());
  // The embedded credentials keep their own proofs inside the presentation
  // (its proof signs them), and each typed credential holds them apart.
  CHECK(p->unsecured()["verifiableCredential"][0].contains("proof"));
  REQUIRE(p->credentials().size() == 2);
  CHECK(p->credential_pointers() == std::vector<std::string>{"/verifiableCredential/0", "/verifiableCredential/2"});
  CHECK(p->credentials()[0].proofs().is_object());
  CHECK(p->credentials()[1].achievement()->code == "HQ-M03");
  CHECK(PresentationFromJson(json::array()).status().code() == Code::kMalformed);
}

TEST_CASE("a language is picked along the reader's fallback chain", "[credential]") {
  LanguageMap m = {{"fr", "Bonjour"}, {"ru", "Привет"}, {"en", "Hello"}};
  CHECK(PickLanguage(m, "fr") == "Bonjour");
  CHECK(PickLanguage(m, "FR-ca") == "Bonjour");
  CHECK(PickLanguage(m, "kk", {"ru"}) == "Привет");
  CHECK(PickLanguage(m, "az") == "Hello");
  CHECK(PickLanguage({{"ro", "Bună"}}, "el") == "Bună");
  CHECK(PickLanguage({}, "en").empty());
}

}  // namespace
}  // namespace passerelle
