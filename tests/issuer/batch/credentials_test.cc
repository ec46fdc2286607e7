// Tests for issuer/batch/credentials.h: the credentials a batch row stands for, and their idempotency keys.
#include "issuer/batch/credentials.h"

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "issuer/programme_files.h"
#include "tests/testing/paths.h"

namespace passerelle::batch {
namespace {

using nlohmann::json;

ProgrammeBundle Demo() {
  auto bundle = LoadProgrammeBundle(passerelle::testing::SourceDir() /
                                    "scripts/demo-data/programme-health-qualitician.json");
  REQUIRE(bundle.ok());
  return std::move(*bundle);
}

TraineeRow Row(std::optional<std::string> did = std::nullopt) {
  TraineeRow row;
  row.line = 2;
  row.trainee_id = "T0001";
  row.given_name = "Jérôme";
  row.family_name = "Mercier";
  row.did = std::move(did);
  row.grading_scale = "FR-0-20";
  row.completed_on = Timestamp{1782259200, 0};
  row.grades = {{"HQ-M01", "18.1", true}};
  return row;
}

const IssuerIdentity kIssuer{"did:web:uni.example", "Institut", "FR"};

TEST_CASE("batch credentials: the idempotency key joins issuer, trainee and code", "[issuer][batch]") {
  CHECK(IdempotencyKey("did:web:uni.example", "T0001", "HQ-M01") == "did:web:uni.example|T0001|HQ-M01");
  CHECK(IdempotencyKey("did:web:uni.example", "T0001", "HQ-CERT") !=
        IdempotencyKey("did:web:uni.example", "T0001", "HQ-M01"));
}

TEST_CASE("batch credentials: a learner known by name only gets a name", "[issuer][batch]") {
  json vc = {{"credentialSubject", {{"givenName", "Ada"}, {"familyName", "Lovelace"}}}};
  AddLearnerName(vc);
  CHECK(vc["credentialSubject"]["name"] == "Ada Lovelace");
  json family_only = {{"credentialSubject", {{"familyName", "Lovelace"}}}};
  AddLearnerName(family_only);
  CHECK(family_only["credentialSubject"]["name"] == "Lovelace");
  // An id, or a name already there, is left alone; so is what is not a credential.
  json with_id = {{"credentialSubject", {{"id", "did:example:a"}, {"givenName", "Ada"}}}};
  const json id_before = with_id;
  AddLearnerName(with_id);
  CHECK(with_id == id_before);
  json named = {{"credentialSubject", {{"name", "A. L."}, {"givenName", "Ada"}}}};
  const json named_before = named;
  AddLearnerName(named);
  CHECK(named == named_before);
  json nothing = json::array();
  AddLearnerName(nothing);
  CHECK(nothing == json::array());
}

TEST_CASE("batch credentials: a row's module credential and certification", "[issuer][batch]") {
  ProgrammeBundle demo = Demo();
  auto module = BuildRowModuleCredential(demo.programme, kIssuer, Row(), Row().grades[0], "urn:uuid:m1");
  INFO(module.status().ToString());
  REQUIRE(module.ok());
  CHECK((*module)["id"] == "urn:uuid:m1");
  CHECK_FALSE((*module)["credentialSubject"].contains("id"));
  CHECK((*module)["credentialSubject"]["name"] == "Jérôme Mercier");
  CHECK((*module)["credentialSubject"]["achievement"]["code"] == "HQ-M01");

  const std::string did = "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK";
  auto with_did = BuildRowModuleCredential(demo.programme, kIssuer, Row(did), Row().grades[0], "urn:uuid:m2");
  REQUIRE(with_did.ok());
  CHECK((*with_did)["credentialSubject"]["id"] == did);
  CHECK((*with_did)["credentialSubject"]["name"] == "Jérôme Mercier");  // the name as given, kept

  auto certification = BuildRowCertification(demo.programme, kIssuer, Row(), {"urn:uuid:m1"}, "urn:uuid:c1");
  INFO(certification.status().ToString());
  REQUIRE(certification.ok());
  CHECK((*certification)["id"] == "urn:uuid:c1");
  CHECK((*certification)["credentialSubject"]["name"] == "Jérôme Mercier");
  CHECK(certification->dump().find("urn:uuid:m1") != std::string::npos);
}

TEST_CASE("batch credentials: a module the programme lacks, or a programme missing an element, is refused",
          "[issuer][batch]") {
  ProgrammeBundle demo = Demo();
  ModuleGrade unknown{"HQ-M99", "12", true};
  CHECK(BuildRowModuleCredential(demo.programme, kIssuer, Row(), unknown, "urn:uuid:x").status().code() ==
        Code::kInternal);
  Programme no_mode = demo.programme;
  no_mode.mode.clear();
  CHECK(BuildRowModuleCredential(no_mode, kIssuer, Row(), Row().grades[0], "urn:uuid:x").status().code() ==
        Code::kInvalidCredential);
}

}  // namespace
}  // namespace passerelle::batch
