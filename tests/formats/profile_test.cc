// Tests for formats/profile.h: the mandatory elements of a module credential.
#include "formats/profile.h"

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

namespace passerelle {
namespace {

using nlohmann::json;

json ModuleCredential() {
  return json::parse(R"({
    "@context": ["https://www.w3.org/ns/credentials/v2", "https://w3id.org/passerelle/v1"],
    "id": "urn:uuid:6a1a7f1e-9b61-4f0e-a1a3-1b6f1c2d3e4f",
    "type": ["VerifiableCredential", "ModuleCredential"],
    "issuer": {"id": "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK", "name": "Institut de Lyon", "country": "FR"},
    "validFrom": "2026-06-24T00:00:00Z",
    "credentialSubject": {
      "id": "did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2",
      "awardedOn": "2026-06-24T00:00:00Z",
      "achievement": {
        "type": "LearningAchievement",
        "code": "HQ-M01",
        "title": {"en": "Foundations of quality management", "fr": "Fondamentaux du management de la qualité"},
        "learningOutcomes": {"en": ["Explain the quality frameworks"]},
        "ects": 6, "workload": "PT150H",
        "eqfLevel": "http://data.europa.eu/snb/eqf/5",
        "assessmentType": "http://data.europa.eu/snb/assessment/6e6cb2cc78",
        "mode": "http://data.europa.eu/snb/learning-assessment/e92d221e4d",
        "qualityAssurance": "http://data.europa.eu/snb/accreditation/820101cba6",
        "grade": {"value": "18.1", "scheme": "FR-0-20"}
      }
    }
  })");
}

TEST_CASE("profile: a complete module credential passes", "[profile]") {
  CHECK(ValidateProfile(ModuleCredential()).ok());
  CHECK(KindOf(ModuleCredential()).value() == CredentialKind::kModule);
}

TEST_CASE("profile: a credential has one kind", "[profile]") {
  json both = ModuleCredential();
  both["type"].push_back("DiplomaCredential");
  CHECK_THAT(KindOf(both).status().message(), Catch::Contains("one kind"));
  CHECK_FALSE(ValidateProfile(both).ok());
}

TEST_CASE("profile: each missing mandatory element is named", "[profile]") {
  struct Case {
    const char* pointer;
    const char* element;
  };
  for (Case c : {Case{"/credentialSubject/achievement/title", "M2"},
                 Case{"/credentialSubject/achievement/learningOutcomes", "M6"},
                 Case{"/credentialSubject/achievement/assessmentType", "M9"},
                 Case{"/credentialSubject/achievement/mode", "M10"},
                 Case{"/credentialSubject/achievement/qualityAssurance", "M11"},
                 Case{"/issuer/country", "M3"},
                 Case{"/issuer/name", "M4"},
                 Case{"/validFrom", "M5"}}) {
    json vc = ModuleCredential();
    json::json_pointer p(c.pointer);
    vc[p.parent_pointer()].erase(p.back());
    Status s = ValidateProfile(vc);
    INFO(c.pointer);
    CHECK(s.code() == Code::kInvalidCredential);
    CHECK_THAT(s.message(), Catch::Contains(c.element));
  }
  json vc = ModuleCredential();
  vc["credentialSubject"]["achievement"].erase("ects");
  vc["credentialSubject"]["achievement"].erase("workload");
  CHECK_THAT(ValidateProfile(vc).message(), Catch::Contains("M7"));
  vc = ModuleCredential();
  vc["credentialSubject"]["achievement"].erase("eqfLevel");
  CHECK_THAT(ValidateProfile(vc).message(), Catch::Contains("M8"));
  vc = ModuleCredential();
  vc["credentialSubject"].erase("id");
  CHECK_THAT(ValidateProfile(vc).message(), Catch::Contains("M1"));
  vc["credentialSubject"]["givenName"] = "Ana";
  CHECK_THAT(ValidateProfile(vc).message(), Catch::Contains("M1"));  // a given name alone is not enough
  vc["credentialSubject"]["familyName"] = "Popescu";
  CHECK(ValidateProfile(vc).ok());
}

TEST_CASE("profile: EQF levels only from EQF-referenced countries", "[profile]") {
  json vc = ModuleCredential();
  vc["issuer"]["country"] = "KZ";
  CHECK_THAT(ValidateProfile(vc).message(), Catch::Contains("nqfLevel"));
  vc["credentialSubject"]["achievement"].erase("eqfLevel");
  vc["credentialSubject"]["achievement"]["nqfLevel"] = "https://w3id.org/passerelle/nqf/KZ/6";
  CHECK(ValidateProfile(vc).ok());
  CHECK(CountryReferencesEqf("RO"));
  CHECK_FALSE(CountryReferencesEqf("RU"));
  CHECK_FALSE(CountryReferencesEqf("AZ"));
}

TEST_CASE("profile: values are checked, not only present", "[profile]") {
  json vc = ModuleCredential();
  vc["credentialSubject"]["achievement"]["eqfLevel"] = "http://data.europa.eu/snb/eqf/9";
  CHECK_FALSE(ValidateProfile(vc).ok());
  vc = ModuleCredential();
  vc["credentialSubject"]["achievement"]["workload"] = "150 hours";
  CHECK_FALSE(ValidateProfile(vc).ok());
  vc = ModuleCredential();
  vc["credentialSubject"]["achievement"]["title"] = "not a language map";
  CHECK_FALSE(ValidateProfile(vc).ok());
  vc = ModuleCredential();
  vc["credentialSubject"]["achievement"]["ects"] = -3;
  CHECK_FALSE(ValidateProfile(vc).ok());
  vc = ModuleCredential();
  vc["@context"] = {"https://www.w3.org/ns/credentials/v2"};
  vc["credentialSubject"].erase("achievement");
  CHECK(ValidateProfile(vc).ok());  // not a Passerelle credential: nothing to check
}

}  // namespace
}  // namespace passerelle
