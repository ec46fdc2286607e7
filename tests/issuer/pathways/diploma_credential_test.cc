// Tests for issuer/pathways/diploma_credential.h: single, joint and double
// diplomas built from a programme: the level an awarding body may state, the
// awarding bodies of a joint diploma, the pairing of a double one, and what
// is refused.
#include "issuer/pathways/diploma_credential.h"

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "formats/datetime.h"
#include "formats/profile.h"
#include "issuer/programme_files.h"
#include "tests/testing/paths.h"

namespace passerelle {
namespace {

using nlohmann::json;

constexpr const char* kId = "urn:uuid:5d2c3b4a-0000-4000-8000-00000000d1a1";
constexpr const char* kLearnerDid = "did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2";

Programme Master() {
  auto bundle = LoadProgrammeBundle(testing::SourceDir() / "scripts/demo-data/programme-master-health-quality.json");
  REQUIRE(bundle.ok());
  return bundle->programme;
}

const IssuerIdentity kLyon{"did:web:univ-lyon.example.fr", "Université de Lyon", "FR"};
const IssuerIdentity kIasi{"did:web:uaic.example.ro", "Universitatea Alexandru Ioan Cuza", "RO"};
const IssuerIdentity kAlmaty{"did:web:almaty-med.example.kz", "Almaty Medical University", "KZ"};
const Learner kLearner{std::string(kLearnerDid), "Aigerim", "Nurlanovna"};
const std::vector<std::string> kParts = {"urn:uuid:aaaaaaaa-0000-4000-8000-000000000001",
                                         "urn:uuid:aaaaaaaa-0000-4000-8000-000000000002"};

Result<json> Build(const Programme& p, const IssuerIdentity& issuer, const DiplomaForm& form = {}) {
  return BuildDiplomaCredential(p, issuer, kLearner, kParts, kId, ParseDateTime("2026-07-01T00:00:00Z").value(),
                                form);
}

TEST_CASE("diploma credential: a single diploma states the qualification, its EQF level, ECTS and parts",
          "[issuer][diploma]") {
  auto vc = Build(Master(), kLyon);
  INFO(vc.status().ToString());
  REQUIRE(vc.ok());
  CHECK((*vc)["type"] == json({"VerifiableCredential", "DiplomaCredential"}));
  CHECK((*vc)["id"] == kId);
  CHECK((*vc)["issuer"]["id"] == kLyon.did);
  const json& subject = (*vc)["credentialSubject"];
  CHECK(subject["id"] == kLearnerDid);
  CHECK(subject["awardedOn"] == "2026-07-01T00:00:00Z");
  const json& a = subject["achievement"];
  CHECK(a["code"] == "MQS-MASTER");
  CHECK(a["ects"] == 120);
  CHECK(a["eqfLevel"] == "http://data.europa.eu/snb/eqf/7");
  CHECK(a["hasPart"] == json(kParts));
  // Nothing of a joint or double diploma on a single one.
  CHECK_FALSE(a.contains("awardingBody"));
  CHECK_FALSE(a.contains("agreement"));
  CHECK_FALSE(a.contains("pairedDiploma"));
  CHECK_FALSE(a.contains("nqfLevel"));
  // It meets the Passerelle profile as issued.
  Status profile = ValidateProfile(*vc);
  INFO(profile.ToString());
  CHECK(profile.ok());
}

TEST_CASE("diploma credential: outside the EQF countries the national level is stated instead", "[issuer][diploma]") {
  Programme p = Master();
  SECTION("a programme with an nqfLevel") {
    p.nqf_level = "https://almaty-med.example.kz/nqf/7";
    auto vc = Build(p, kAlmaty);
    INFO(vc.status().ToString());
    REQUIRE(vc.ok());
    const json& a = (*vc)["credentialSubject"]["achievement"];
    CHECK(a["nqfLevel"] == "https://almaty-med.example.kz/nqf/7");
    CHECK_FALSE(a.contains("eqfLevel"));
    // An EQF country states both when the programme gives both.
    auto fr = Build(p, kLyon);
    REQUIRE(fr.ok());
    CHECK((*fr)["credentialSubject"]["achievement"]["eqfLevel"] == "http://data.europa.eu/snb/eqf/7");
    CHECK((*fr)["credentialSubject"]["achievement"]["nqfLevel"] == "https://almaty-med.example.kz/nqf/7");
  }
  SECTION("a programme without one: refused, naming the country") {
    auto vc = Build(p, kAlmaty);
    CHECK(vc.status().code() == Code::kInvalidCredential);
    CHECK_THAT(vc.status().message(), Catch::Contains("nqfLevel") && Catch::Contains("KZ"));
  }
}

TEST_CASE("diploma credential: a programme without ECTS or without any level is refused", "[issuer][diploma]") {
  Programme no_ects = Master();
  no_ects.ects = 0;
  auto a = Build(no_ects, kLyon);
  CHECK(a.status().code() == Code::kInvalidCredential);
  CHECK_THAT(a.status().message(), Catch::Contains("ECTS"));
  Programme no_level = Master();
  no_level.eqf_level = 0;
  auto b = Build(no_level, kLyon);
  CHECK(b.status().code() == Code::kInvalidCredential);
  CHECK_THAT(b.status().message(), Catch::Contains("gives no level"));
  // A mandatory element of the programme missing is refused by name.
  Programme no_mode = Master();
  no_mode.mode.clear();
  auto c = Build(no_mode, kLyon);
  CHECK(c.status().code() == Code::kInvalidCredential);
  CHECK_THAT(c.status().message(), Catch::Contains("(M10)"));
}

TEST_CASE("diploma credential: a joint diploma names every awarding body, the issuer first", "[issuer][diploma]") {
  DiplomaForm form;
  form.joint_with = {kIasi, IssuerIdentity{"did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK", "", ""}};
  auto vc = Build(Master(), kLyon, form);
  INFO(vc.status().ToString());
  REQUIRE(vc.ok());
  const json& bodies = (*vc)["credentialSubject"]["achievement"]["awardingBody"];
  REQUIRE(bodies.size() == 3);
  CHECK(bodies[0] == json({{"id", kLyon.did}, {"name", kLyon.name}, {"country", "FR"}}));
  CHECK(bodies[1] == json({{"id", kIasi.did}, {"name", kIasi.name}, {"country", "RO"}}));
  // Name and country only when known.
  CHECK(bodies[2] == json({{"id", "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK"}}));
}

TEST_CASE("diploma credential: a joint body that is no DID, the issuer itself, or named twice is refused",
          "[issuer][diploma]") {
  auto refused = [](std::vector<IssuerIdentity> with, const std::string& says) {
    DiplomaForm form;
    form.joint_with = std::move(with);
    auto vc = Build(Master(), kLyon, form);
    CHECK(vc.status().code() == Code::kInvalidCredential);
    CHECK_THAT(vc.status().message(), Catch::Contains(says));
  };
  refused({IssuerIdentity{"uaic.example.ro", "", ""}}, "named by its DID");
  refused({kLyon}, "this issuer, the lead awarding body");
  refused({kIasi, kIasi}, "named twice");
}

TEST_CASE("diploma credential: a double diploma names its agreement and the partner's diploma", "[issuer][diploma]") {
  DiplomaForm form;
  form.agreement = "Iasi-Lyon double Master in health quality";
  form.paired_with = "urn:uuid:5d2c3b4a-0000-4000-8000-00000000d1a2";
  auto vc = Build(Master(), kLyon, form);
  REQUIRE(vc.ok());
  const json& a = (*vc)["credentialSubject"]["achievement"];
  CHECK(a["agreement"] == "Iasi-Lyon double Master in health quality");
  CHECK(a["pairedDiploma"] == "urn:uuid:5d2c3b4a-0000-4000-8000-00000000d1a2");
  CHECK_FALSE(a.contains("awardingBody"));
}

}  // namespace
}  // namespace passerelle
