// Tests for verifier/report_json.cc: the --json report leads with what a
// person checks (holder, title, grade, ECTS, level, awarding body) and says
// per credential whether it was presented, is authentic, or is refused.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "keys/did_key.h"
#include "keys/proof_signer.h"
#include "verifier/verifier.h"

namespace passerelle {
namespace {

using nlohmann::json;

struct Issuer {
  Ed25519SigningKey key = Ed25519SigningKey::Generate().value();
  std::string did = DidKeyFor(key.public_key());

  json Module() const {
    return {{"@context", {"https://www.w3.org/ns/credentials/v2", "https://w3id.org/passerelle/v1"}},
            {"id", "urn:uuid:6a1a7f1e-9b61-4f0e-a1a3-1b6f1c2d3e4f"},
            {"type", {"VerifiableCredential", "ModuleCredential"}},
            {"issuer", {{"id", did}, {"name", "Universitatea din Iași"}, {"country", "RO"}}},
            {"validFrom", "2026-06-24T00:00:00Z"},
            {"credentialSubject",
             {{"id", "did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2"},
              {"givenName", "Ana"},
              {"familyName", "Popescu"},
              {"awardedOn", "2026-06-20T00:00:00Z"},
              {"achievement",
               {{"type", "LearningAchievement"},
                {"code", "HQ-M01"},
                {"title", {{"en", "Foundations of quality management"}, {"ro", "Fundamentele calității"}}},
                {"learningOutcomes", {{"en", {"Explain the quality frameworks"}}}},
                {"ects", 6},
                {"eqfLevel", "http://data.europa.eu/snb/eqf/5"},
                {"grade", {{"value", "9.5"}, {"scheme", "RO-1-10"}}},
                {"assessmentType", "http://data.europa.eu/snb/assessment/6e6cb2cc78"},
                {"mode", "http://data.europa.eu/snb/learning-assessment/e92d221e4d"},
                {"qualityAssurance", "http://data.europa.eu/snb/accreditation/820101cba6"}}}}}};
  }
  json Sign(const json& doc) const {
    ProofOptions o;
    o.suite = Cryptosuite::kEddsaJcs2022;
    o.verification_method = DidKeyVerificationMethod(key.public_key());
    o.created = ParseDateTime("2026-06-24T10:00:00Z").value();
    return AddProof(doc, key, o).value();
  }
  VerifyOptions Options() const {
    VerifyOptions o;
    o.now = ParseDateTime("2026-07-01T00:00:00Z").value();
    o.trusted_issuers = {did};
    return o;
  }
};

TEST_CASE("report json: each credential leads with what a person checks", "[report_json]") {
  Issuer uni;
  json report = ReportToJson(VerifyDocument(uni.Sign(uni.Module()), uni.Options()));
  REQUIRE(report["credentials"].size() == 1);
  const json& c = report["credentials"][0];
  CHECK(c["outcome"] == "authentic");  // a bare credential: the holder is not proven
  CHECK(c["holderName"] == "Ana Popescu");
  CHECK(c["title"]["ro"] == "Fundamentele calității");
  CHECK(c["kind"] == "module");
  CHECK(c["grade"] == json{{"value", "9.5"}, {"scale", "RO-1-10"}});
  CHECK(c["ects"].is_number_integer());
  CHECK(c["ects"] == 6);
  CHECK(c["eqfLevel"] == 5);
  CHECK(c["nqfLevel"].is_null());
  CHECK(c["obtainedBy"] == "course");
  CHECK(c["awardedOn"] == "2026-06-20T00:00:00Z");
  CHECK(c["awardingBody"] == json{{"id", uni.did}, {"name", "Universitatea din Iași"}, {"country", "RO"}});
  CHECK(c["accreditedBy"].is_null());  // trusted with --trust-issuer, not by a list
}

TEST_CASE("report json: an altered or untrusted credential is refused", "[report_json]") {
  Issuer uni;
  json altered = uni.Sign(uni.Module());
  altered["credentialSubject"]["achievement"]["grade"]["value"] = "10";
  json report = ReportToJson(VerifyDocument(altered, uni.Options()));
  CHECK(report["credentials"][0]["outcome"] == "refused");
  VerifyOptions nobody = uni.Options();
  nobody.trusted_issuers.clear();
  CHECK(ReportToJson(VerifyDocument(uni.Sign(uni.Module()), nobody))["credentials"][0]["outcome"] == "refused");
}

TEST_CASE("report json: errors carry the JSON Pointer of what failed", "[report_json]") {
  Issuer uni;
  json expired = uni.Module();
  expired["validUntil"] = "2026-06-30T00:00:00Z";
  json report = ReportToJson(VerifyDocument(uni.Sign(expired), uni.Options()));
  REQUIRE_FALSE(report["errors"].empty());
  CHECK(report["errors"][0]["code"] == "expired");
  CHECK(report["errors"][0]["path"] == "/validUntil");
}

}  // namespace
}  // namespace passerelle
