// Tests for verifier/double_diploma.h: the pairing a diploma declares, and
// two diplomas confirmed as one double diploma only when they name each
// other, under one agreement, for one learner, from two awarding bodies.
#include "verifier/double_diploma.h"

#include <catch2/catch.hpp>

#include <string>

#include <nlohmann/json.hpp>

#include "formats/credential.h"

namespace passerelle {
namespace {

using nlohmann::json;

constexpr const char* kLearner = "did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2";
constexpr const char* kIasiDiploma = "urn:uuid:0e0c6f40-1111-4a1a-9a9a-000000000001";
constexpr const char* kLyonDiploma = "urn:uuid:0e0c6f40-2222-4a1a-9a9a-000000000002";
constexpr const char* kAgreement = "Iasi-Lyon double Master in health quality";

// A diploma of `issuer` under `agreement`, paired with `paired` ("" for none).
json Diploma(const std::string& id, const std::string& issuer, const std::string& paired,
             const std::string& agreement = kAgreement, const std::string& learner = kLearner,
             const char* kind = "DiplomaCredential") {
  json achievement = {{"type", "LearningAchievement"}, {"title", {{"en", "Master in health quality"}}}};
  if (!agreement.empty()) achievement["agreement"] = agreement;
  if (!paired.empty()) achievement["pairedDiploma"] = paired;
  return {{"@context", {"https://www.w3.org/ns/credentials/v2", "https://w3id.org/passerelle/v1"}},
          {"id", id},
          {"type", {"VerifiableCredential", kind}},
          {"issuer", issuer},
          {"validFrom", "2026-07-01T00:00:00Z"},
          {"credentialSubject", {{"id", learner}, {"achievement", achievement}}}};
}

Credential Read(const json& doc) { return CredentialFromJson(doc).value(); }

Credential Iasi() { return Read(Diploma(kIasiDiploma, "did:web:uaic.example.ro", kLyonDiploma)); }
Credential Lyon() { return Read(Diploma(kLyonDiploma, "did:web:univ-lyon.example.fr", kIasiDiploma)); }

TEST_CASE("double diploma: a diploma declares its agreement and its pair", "[verifier][diploma]") {
  auto p = PairingOf(Iasi());
  REQUIRE(p.has_value());
  CHECK(p->agreement == kAgreement);
  CHECK(p->paired_with == kLyonDiploma);
  // Paired without naming the agreement: the agreement reads as empty.
  auto bare = PairingOf(Read(Diploma(kIasiDiploma, "did:web:uaic.example.ro", kLyonDiploma, "")));
  REQUIRE(bare.has_value());
  CHECK(bare->agreement.empty());
}

TEST_CASE("double diploma: no pairing for a single diploma or another kind of credential", "[verifier][diploma]") {
  CHECK_FALSE(PairingOf(Read(Diploma(kIasiDiploma, "did:web:uaic.example.ro", ""))).has_value());
  CHECK_FALSE(PairingOf(Read(Diploma(kIasiDiploma, "did:web:uaic.example.ro", kLyonDiploma, kAgreement, kLearner,
                                     "CertificationCredential")))
                  .has_value());
  // Outside the Passerelle context there is no achievement to read.
  json plain = Diploma(kIasiDiploma, "did:web:uaic.example.ro", kLyonDiploma);
  plain["@context"] = {"https://www.w3.org/ns/credentials/v2"};
  CHECK_FALSE(PairingOf(Read(plain)).has_value());
  // pairedDiploma must be a string.
  json numbered = Diploma(kIasiDiploma, "did:web:uaic.example.ro", kLyonDiploma);
  numbered["credentialSubject"]["achievement"]["pairedDiploma"] = 7;
  CHECK_FALSE(PairingOf(Read(numbered)).has_value());
}

TEST_CASE("double diploma: two halves that name each other match, in either order", "[verifier][diploma]") {
  CHECK(CheckDoubleDiploma(Iasi(), Lyon()).ok());
  CHECK(CheckDoubleDiploma(Lyon(), Iasi()).ok());
}

TEST_CASE("double diploma: each mismatch is refused, naming it", "[verifier][diploma]") {
  auto refused = [](const Credential& a, const Credential& b, const std::string& says) {
    Status s = CheckDoubleDiploma(a, b);
    INFO(s.ToString());
    CHECK(s.code() == Code::kVerificationFailed);
    CHECK_THAT(s.message(), Catch::Contains(says));
  };
  SECTION("one is not half of a double diploma") {
    refused(Iasi(), Read(Diploma(kLyonDiploma, "did:web:univ-lyon.example.fr", "")), kLyonDiploma);
    refused(Read(Diploma(kIasiDiploma, "did:web:uaic.example.ro", "")), Lyon(), "no pairedDiploma");
  }
  SECTION("they name other diplomas") {
    const std::string other = "urn:uuid:0e0c6f40-3333-4a1a-9a9a-000000000003";
    refused(Iasi(), Read(Diploma(kLyonDiploma, "did:web:univ-lyon.example.fr", other)),
            "not paired with each other");
    refused(Read(Diploma(kIasiDiploma, "did:web:uaic.example.ro", other)), Lyon(), "not paired with each other");
  }
  SECTION("another agreement") {
    refused(Iasi(), Read(Diploma(kLyonDiploma, "did:web:univ-lyon.example.fr", kIasiDiploma, "another agreement")),
            "different agreements");
  }
  SECTION("another learner, or none") {
    refused(Iasi(),
            Read(Diploma(kLyonDiploma, "did:web:univ-lyon.example.fr", kIasiDiploma, kAgreement,
                         "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK")),
            "not about the same learner");
    json a = Diploma(kIasiDiploma, "did:web:uaic.example.ro", kLyonDiploma);
    json b = Diploma(kLyonDiploma, "did:web:univ-lyon.example.fr", kIasiDiploma);
    a["credentialSubject"].erase("id");
    b["credentialSubject"].erase("id");
    refused(Read(a), Read(b), "not about the same learner");
  }
  SECTION("one awarding body awarding both") {
    refused(Iasi(), Read(Diploma(kLyonDiploma, "did:web:uaic.example.ro", kIasiDiploma)),
            "both diplomas are awarded by did:web:uaic.example.ro");
  }
}

}  // namespace
}  // namespace passerelle
