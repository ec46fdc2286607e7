// Tests for verifier/internal/signed_form_check.h: the JSON the verifier reads must say what the signed N-Quads say.
#include "verifier/internal/signed_form_check.h"

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "formats/data_integrity.h"

namespace passerelle::internal {
namespace {

using nlohmann::json;

json Credential() {
  return {{"@context", {"https://www.w3.org/ns/credentials/v2"}},
          {"id", "urn:uuid:6a1a7f1e-9b61-4f0e-a1a3-1b6f1c2d3e4f"},
          {"type", {"VerifiableCredential"}},
          {"issuer", "did:web:uni.example"},
          {"validFrom", "2026-01-01T00:00:00Z"},
          {"validUntil", "2027-01-01T00:00:00Z"},
          {"credentialSubject", {{"id", "did:example:learner"}, {"name", "Ana"}}}};
}

json ProofConfig() {
  return {{"@context", {"https://www.w3.org/ns/credentials/v2"}},
          {"type", "DataIntegrityProof"},
          {"cryptosuite", "eddsa-rdfc-2022"},
          {"created", "2026-05-01T00:00:00Z"},
          {"verificationMethod", "did:web:uni.example#key-1"},
          {"proofPurpose", "authentication"},
          {"challenge", "nonce-1"},
          {"domain", "employer.example"}};
}

std::string Canonical(const json& document) {
  auto c = CanonicalDocument(document, Cryptosuite::kEddsaRdfc2022);
  INFO(c.status().ToString());
  REQUIRE(c.ok());
  return *c;
}

TEST_CASE("signed form: a document matches its own canonical form", "[verifier][signed_form]") {
  CHECK(CheckDocumentMatchesSignedForm(Credential(), Canonical(Credential())).ok());
  CHECK(CheckProofMatchesSignedForm(ProofConfig(), Canonical(ProofConfig())).ok());
}

TEST_CASE("signed form: a member the verifier reads that differs from what was signed is caught",
          "[verifier][signed_form]") {
  const std::string signed_form = Canonical(Credential());
  struct Case {
    const char* member;
    json value;
  };
  for (const Case& c : {Case{"validUntil", "2030-01-01T00:00:00Z"}, Case{"validFrom", "2020-01-01T00:00:00Z"},
                        Case{"issuer", "did:web:forger.example"}, Case{"id", "urn:uuid:00000000-0000-4000-8000-000000000000"}}) {
    INFO(c.member);
    json read = Credential();
    read[c.member] = c.value;
    Status s = CheckDocumentMatchesSignedForm(read, signed_form);
    CHECK(s.code() == Code::kVerificationFailed);
    CHECK_THAT(s.message(), Catch::Contains(c.member));
  }
  // A validity date that is read but was not signed at all.
  json added = Credential();
  const std::string without_until = [] {
    json d = Credential();
    d.erase("validUntil");
    return Canonical(d);
  }();
  CHECK(CheckDocumentMatchesSignedForm(added, without_until).code() == Code::kVerificationFailed);
}

TEST_CASE("signed form: the proof's challenge, domain and dates must be those signed", "[verifier][signed_form]") {
  const std::string signed_config = Canonical(ProofConfig());
  for (const char* member : {"challenge", "domain", "created"}) {
    INFO(member);
    json proof = ProofConfig();
    proof[member] = member == std::string("created") ? "2026-05-02T00:00:00Z" : "other";
    Status s = CheckProofMatchesSignedForm(proof, signed_config);
    CHECK(s.code() == Code::kVerificationFailed);
    CHECK_THAT(s.message(), Catch::Contains(member));
  }
  json expires = ProofConfig();
  expires["expires"] = "2026-06-01T00:00:00Z";
  CHECK(CheckProofMatchesSignedForm(expires, signed_config).code() == Code::kVerificationFailed);
}

}  // namespace
}  // namespace passerelle::internal
