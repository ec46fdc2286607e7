// Tests for verifier/recognition.h: a Romanian university receives a
// presentation of Kazakh module credentials and maps them onto its Master
// under the scenario's double-diploma agreement. Only what verified counts;
// grades, levels, dates, duplicates and the ECTS cap are applied.
#include "verifier/recognition.h"

#include <catch2/catch.hpp>

#include <cstdio>

#include <nlohmann/json.hpp>

#include "formats/json.h"
#include "keys/did_key.h"
#include "keys/proof_signer.h"
#include "tests/testing/paths.h"

namespace passerelle {
namespace {

using nlohmann::json;

Timestamp At(const char* t) { return ParseDateTime(t).value(); }

struct Exchange {
  Ed25519SigningKey almaty = Ed25519SigningKey::Generate().value();
  Ed25519SigningKey holder = Ed25519SigningKey::Generate().value();
  std::string almaty_did = DidKeyFor(almaty.public_key());
  std::string holder_did = DidKeyFor(holder.public_key());

  RecognitionAgreement Agreement() const {
    json a = ParseJson(testing::ReadFile(testing::SourceDir() / "scripts/demo-data/double-diploma-kz-ro.json")).value();
    a["institutionDids"] = {{"kz-univ-almaty", almaty_did}, {"ro-univ-iasi", "did:web:umfiasi.example.ro"}};
    return ParseRecognitionAgreement(a).value();
  }
  // A Kazakh module credential: NQF level only (Kazakhstan is outside the EQF).
  json Module(const std::string& code, const std::string& grade, const char* awarded = "2026-06-20T00:00:00Z",
              const std::string& scale = "KZ-0-100") const {
    json vc = {{"@context", {"https://www.w3.org/ns/credentials/v2", "https://w3id.org/passerelle/v1"}},
               {"type", {"VerifiableCredential", "ModuleCredential"}},
               {"issuer", {{"id", almaty_did}, {"name", "Almaty medical university"}, {"country", "KZ"}}},
               {"validFrom", awarded},
               {"credentialSubject",
                {{"id", holder_did},
                 {"awardedOn", awarded},
                 {"achievement",
                  {{"type", "LearningAchievement"},
                   {"code", code},
                   {"title", {{"en", "Module " + code}}},
                   {"learningOutcomes", {{"en", {"Outcome"}}}},
                   {"ects", 6},
                   {"nqfLevel", "https://example.kz/nqf/7"},
                   {"assessmentType", "http://data.europa.eu/snb/assessment/6e6cb2cc78"},
                   {"mode", "http://data.europa.eu/snb/learning-assessment/e92d221e4d"},
                   {"qualityAssurance", "http://data.europa.eu/snb/accreditation/820101cba6"},
                   {"grade", {{"value", grade}, {"scheme", scale}}}}}}}};
    char id[64];
    std::snprintf(id, sizeof id, "urn:uuid:%08zx-0000-4000-8000-000000000000",
                  std::hash<std::string>{}(code + grade + awarded) % 0xffffffff);
    vc["id"] = id;
    ProofOptions o;
    o.suite = Cryptosuite::kEddsaRdfc2022;
    o.verification_method = DidKeyVerificationMethod(almaty.public_key());
    o.created = At(awarded);
    return AddProof(vc, almaty, o).value();
  }
  json Present(const std::vector<json>& credentials) const {
    json vp = {{"@context", {"https://www.w3.org/ns/credentials/v2"}},
               {"type", {"VerifiablePresentation"}},
               {"holder", holder_did},
               {"verifiableCredential", credentials}};
    ProofOptions o;
    o.suite = Cryptosuite::kEddsaRdfc2022;
    o.verification_method = DidKeyVerificationMethod(holder.public_key());
    o.proof_purpose = "authentication";
    o.created = At("2026-09-01T00:00:00Z");
    o.challenge = "c-1";
    o.domain = "umfiasi.example.ro";
    return AddProof(vp, holder, o).value();
  }
  RecognitionReport Run(const json& document) const {
    VerifyOptions options;
    options.now = At("2026-09-01T00:00:00Z");
    options.trusted_issuers = {almaty_did};
    options.challenge = "c-1";
    options.domain = "umfiasi.example.ro";
    return Recognise(Agreement(), VerifyDocument(document, options));
  }
};

const RecognitionItem& ItemFor(const RecognitionReport& r, const std::string& module) {
  for (const auto& i : r.items)
    if (i.module == module) return i;
  FAIL("no item for " << module);
  return r.items.front();
}

TEST_CASE("recognition: verified modules map onto the Master, each rule applied", "[recognition]") {
  Exchange x;
  json vp = x.Present({x.Module("KZ-QM-501", "78"), x.Module("KZ-RM-510", "55"), x.Module("KZ-ENT-520", "40"),
                       x.Module("KZ-XX-999", "90")});
  RecognitionReport r = x.Run(vp);
  REQUIRE(r.items.size() == 4);
  const auto& qm = ItemFor(r, "KZ-QM-501");
  CHECK(qm.recognised);
  CHECK(qm.to_module == "MQS-101");
  CHECK(qm.ects == 6);
  CHECK_THAT(qm.detail, Catch::Contains("grade 78 on KZ-0-100"));
  CHECK_THAT(qm.detail, Catch::Contains("EQF 7 as the agreement classifies it"));
  const auto& rm = ItemFor(r, "KZ-RM-510");
  CHECK_FALSE(rm.recognised);
  CHECK_THAT(rm.detail, Catch::Contains("below the minimum 60"));
  const auto& ent = ItemFor(r, "KZ-ENT-520");  // no minimum grade in its rule
  CHECK(ent.recognised);
  CHECK(ent.to_module == "MQS-120");
  CHECK_THAT(ItemFor(r, "KZ-XX-999").detail, Catch::Contains("no rule"));
  CHECK(r.recognised_ects == 9);
}

TEST_CASE("recognition: what did not verify, came too late, or counts twice is not recognised", "[recognition]") {
  Exchange x;
  SECTION("a credential edited after signing") {
    json forged = x.Module("KZ-QM-501", "45");
    forged["credentialSubject"]["achievement"]["grade"]["value"] = "95";
    RecognitionReport r = x.Run(x.Present({forged}));
    REQUIRE(r.items.size() == 1);
    CHECK_FALSE(r.items[0].recognised);
    CHECK_THAT(r.items[0].detail, Catch::Contains("did not verify"));
    CHECK(r.recognised_ects == 0);
  }
  SECTION("awarded after the agreement's last date") {
    RecognitionReport r = x.Run(x.Present({x.Module("KZ-QM-501", "90", "2029-01-05T00:00:00Z")}));
    CHECK_FALSE(r.items[0].recognised);
  }
  SECTION("the same module twice counts once") {
    RecognitionReport r = x.Run(x.Present({x.Module("KZ-QM-501", "60"), x.Module("KZ-QM-501", "70", "2026-06-21T00:00:00Z")}));
    REQUIRE(r.items.size() == 2);
    CHECK(r.items[0].recognised != r.items[1].recognised);
    CHECK(r.recognised_ects == 6);
  }
  SECTION("graded on another scale than the rule's") {
    RecognitionReport r = x.Run(x.Present({x.Module("KZ-QM-501", "18", "2026-06-20T00:00:00Z", "FR-0-20")}));
    CHECK_FALSE(r.items[0].recognised);
    CHECK_THAT(r.items[0].detail, Catch::Contains("graded on FR-0-20"));
  }
  SECTION("a presentation made for another challenge recognises nothing") {
    json vp = x.Present({x.Module("KZ-QM-501", "78")});
    VerifyOptions options;
    options.now = At("2026-09-01T00:00:00Z");
    options.trusted_issuers = {x.almaty_did};
    options.challenge = "another";
    RecognitionReport r = Recognise(x.Agreement(), VerifyDocument(vp, options));
    REQUIRE(r.items.size() == 1);
    CHECK_FALSE(r.items[0].recognised);
    CHECK_THAT(r.items[0].detail, Catch::Contains("presentation did not verify"));
  }
  SECTION("a bare credential where the holder's proof is expected") {
    RecognitionReport r = x.Run(x.Module("KZ-QM-501", "78"));
    REQUIRE(r.items.size() == 1);
    CHECK_FALSE(r.items[0].recognised);
  }
}

TEST_CASE("recognition: the tally holds across a student's documents", "[recognition]") {
  Exchange x;
  RecognitionAgreement a = x.Agreement();
  a.max_recognised_ects = 10;
  VerifyOptions options;
  options.now = At("2026-09-01T00:00:00Z");
  options.trusted_issuers = {x.almaty_did};
  options.challenge = "c-1";
  options.domain = "umfiasi.example.ro";
  RecognitionTally tally;
  json first = x.Present({x.Module("KZ-QM-501", "78")});
  json again = x.Present({x.Module("KZ-QM-501", "79", "2026-06-21T00:00:00Z")});
  json more = x.Present({x.Module("KZ-QM-502", "80")});
  CHECK(Recognise(a, VerifyDocument(first, options), &tally).recognised_ects == 6);
  RecognitionReport twice = Recognise(a, VerifyDocument(again, options), &tally);
  CHECK(twice.recognised_ects == 0);
  CHECK_THAT(twice.items[0].detail, Catch::Contains("already recognised"));
  RecognitionReport capped = Recognise(a, VerifyDocument(more, options), &tally);
  CHECK(capped.recognised_ects == 0);
  CHECK_THAT(capped.items[0].detail, Catch::Contains("cap of 10"));
  CHECK(tally.ects == 6);
}

TEST_CASE("recognition: the cap on recognised ECTS holds", "[recognition]") {
  Exchange x;
  RecognitionAgreement a = x.Agreement();
  a.max_recognised_ects = 10;
  json vp = x.Present({x.Module("KZ-QM-501", "78"), x.Module("KZ-QM-502", "80")});
  VerifyOptions options;
  options.now = At("2026-09-01T00:00:00Z");
  options.trusted_issuers = {x.almaty_did};
  options.challenge = "c-1";
  options.domain = "umfiasi.example.ro";
  RecognitionReport r = Recognise(a, VerifyDocument(vp, options));
  CHECK(r.recognised_ects == 6);
  CHECK_THAT(ItemFor(r, "KZ-QM-502").detail, Catch::Contains("cap of 10 ECTS"));
}

}  // namespace
}  // namespace passerelle
