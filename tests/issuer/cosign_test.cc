// Tests for issuer/cosign.h: a partner adds its proof to a joint diploma
// its lead university signed; every refusal (its issuer, a body not named,
// an unsigned, tampered or foreign-signed draft, signing twice) adds nothing.
#include "issuer/cosign.h"

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "formats/credential.h"
#include "formats/datetime.h"
#include "issuer/pathways/diploma_credential.h"
#include "issuer/programme_files.h"
#include "keys/did_document.h"
#include "keys/proof_signer.h"
#include "tests/issuer/issuer_test_support.h"
#include "tests/testing/paths.h"

namespace passerelle {
namespace {

using nlohmann::json;
using testing::MakeIssuerDir;
using testing::TestPassphrase;

Timestamp At(const char* t) { return ParseDateTime(t).value(); }

// Three did:key universities: the lead, a partner named on the diploma, and
// one that is not named.
struct Consortium {
  testing::TempDir tmp;
  IssuerDir lead = MakeIssuerDir(tmp.path() / "lead");
  IssuerDir partner = MakeIssuerDir(tmp.path() / "partner");
  IssuerDir outsider = MakeIssuerDir(tmp.path() / "outsider");
  Ed25519SigningKey lead_key = LoadCurrentKey(lead, TestPassphrase()).value();
  Ed25519SigningKey partner_key = LoadCurrentKey(partner, TestPassphrase()).value();
  Ed25519SigningKey outsider_key = LoadCurrentKey(outsider, TestPassphrase()).value();

  // The joint diploma, unsigned.
  json Unsigned() const {
    auto bundle = LoadProgrammeBundle(testing::SourceDir() / "scripts/demo-data/programme-master-health-quality.json");
    REQUIRE(bundle.ok());
    DiplomaForm form;
    form.joint_with = {IssuerIdentity{partner.did, partner.name, partner.country}};
    auto vc = BuildDiplomaCredential(bundle->programme, IssuerIdentity{lead.did, lead.name, lead.country},
                                     Learner{std::string("did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2"),
                                             "Aigerim", "Nurlanovna"},
                                     {"urn:uuid:aaaaaaaa-0000-4000-8000-000000000001"},
                                     "urn:uuid:5d2c3b4a-0000-4000-8000-00000000c051", At("2026-07-01T00:00:00Z"),
                                     form);
    REQUIRE(vc.ok());
    return *vc;
  }
  static json SignedBy(const json& doc, const IssuerDir& by, const Ed25519SigningKey& key) {
    ProofOptions o;
    o.suite = Cryptosuite::kEddsaRdfc2022;
    o.verification_method = by.current_key().method_id;
    o.created = At("2026-07-01T00:00:00Z");
    return AddProof(doc, key, o).value();
  }
  // The draft as the lead hands it over: signed by the lead.
  json Draft() const { return SignedBy(Unsigned(), lead, lead_key); }

  static VerifyOptions Options() {
    VerifyOptions o;
    o.now = At("2026-07-02T10:00:00Z");
    return o;
  }
  Result<json> Cosign(const IssuerDir& self, const Ed25519SigningKey& key, const json& draft,
                      Cryptosuite suite = Cryptosuite::kEddsaJcs2022) const {
    return CosignCredential(self, key, draft, suite, Options());
  }
};

TEST_CASE("cosign: a named partner adds its own proof, and every proof verifies", "[issuer][cosign]") {
  Consortium c;
  const json draft = c.Draft();
  auto cosigned = c.Cosign(c.partner, c.partner_key, draft);
  INFO(cosigned.status().ToString());
  REQUIRE(cosigned.ok());
  const json& proofs = (*cosigned)["proof"];
  REQUIRE(proofs.is_array());
  REQUIRE(proofs.size() == 2);
  // The lead's proof is kept as it was; the partner's is by its current key,
  // in the suite asked for, created at options.now (whole seconds).
  CHECK(proofs[0] == draft["proof"]);
  CHECK(proofs[1]["verificationMethod"] == c.partner.current_key().method_id);
  CHECK(proofs[1]["cryptosuite"] == "eddsa-jcs-2022");
  CHECK(proofs[1]["created"] == "2026-07-02T10:00:00Z");
  // Nothing else changed.
  json without = *cosigned;
  without.erase("proof");
  json unsigned_draft = draft;
  unsigned_draft.erase("proof");
  CHECK(without == unsigned_draft);
  // As a verifier checks it: both proofs hold, one by each awarding body.
  auto verified = VerifyProofsOf(CredentialFromJson(*cosigned).value(), Consortium::Options());
  INFO(verified.status().ToString());
  REQUIRE(verified.ok());
  REQUIRE(verified->methods.size() == 2);
  CHECK(DidOf(verified->methods[0]) == c.lead.did);
  CHECK(DidOf(verified->methods[1]) == c.partner.did);
}

TEST_CASE("cosign: its issuer and a body the diploma does not name may not cosign", "[issuer][cosign]") {
  Consortium c;
  const json draft = c.Draft();
  auto by_issuer = c.Cosign(c.lead, c.lead_key, draft);
  CHECK(by_issuer.status().code() == Code::kPermissionDenied);
  CHECK_THAT(by_issuer.status().message(), Catch::Contains("you are its issuer"));
  auto by_outsider = c.Cosign(c.outsider, c.outsider_key, draft);
  CHECK(by_outsider.status().code() == Code::kPermissionDenied);
  CHECK_THAT(by_outsider.status().message(),
             Catch::Contains(c.outsider.did) && Catch::Contains(c.lead.did) && Catch::Contains(c.partner.did));
  // A diploma naming no awarding body is awarded by its issuer alone.
  json single = c.Unsigned();
  single["credentialSubject"]["achievement"].erase("awardingBody");
  auto alone = c.Cosign(c.partner, c.partner_key, Consortium::SignedBy(single, c.lead, c.lead_key));
  CHECK(alone.status().code() == Code::kPermissionDenied);
  CHECK_THAT(alone.status().message(), Catch::Contains("names (" + c.lead.did + ")"));
  // A credential outside the Passerelle profile names no awarding body at all.
  json plain = {{"@context", {"https://www.w3.org/ns/credentials/v2"}},
                {"type", {"VerifiableCredential"}},
                {"issuer", c.lead.did},
                {"validFrom", "2026-07-01T00:00:00Z"},
                {"credentialSubject", {{"id", "did:example:learner"}}}};
  auto none = c.Cosign(c.partner, c.partner_key, Consortium::SignedBy(plain, c.lead, c.lead_key));
  CHECK(none.status().code() == Code::kPermissionDenied);
  CHECK_THAT(none.status().message(), Catch::Contains("(none)"));
}

TEST_CASE("cosign: an unsigned, tampered or foreign-signed draft is refused", "[issuer][cosign]") {
  Consortium c;
  SECTION("unsigned") {
    auto r = c.Cosign(c.partner, c.partner_key, c.Unsigned());
    CHECK(r.status().code() == Code::kVerificationFailed);
    CHECK_THAT(r.status().message(), Catch::Contains("not signed"));
  }
  SECTION("changed after its issuer signed") {
    json tampered = c.Draft();
    tampered["credentialSubject"]["achievement"]["ects"] = 180;
    auto r = c.Cosign(c.partner, c.partner_key, tampered);
    CHECK(r.status().code() == Code::kVerificationFailed);
    CHECK_THAT(r.status().message(), Catch::Contains("do not verify"));
  }
  SECTION("signed, validly, but not by its issuer") {
    // The outsider signs a draft naming the lead as issuer.
    auto r = c.Cosign(c.partner, c.partner_key, Consortium::SignedBy(c.Unsigned(), c.outsider, c.outsider_key));
    CHECK(r.status().code() == Code::kVerificationFailed);
    CHECK_THAT(r.status().message(), Catch::Contains("none of its proofs is by its issuer"));
  }
  SECTION("not a credential") {
    CHECK(c.Cosign(c.partner, c.partner_key, json::array()).status().code() == Code::kInvalidCredential);
    CHECK(c.Cosign(c.partner, c.partner_key, json("a string")).status().code() == Code::kInvalidCredential);
  }
}

TEST_CASE("cosign: a partner that has signed already adds nothing", "[issuer][cosign]") {
  Consortium c;
  auto once = c.Cosign(c.partner, c.partner_key, c.Draft());
  REQUIRE(once.ok());
  auto twice = c.Cosign(c.partner, c.partner_key, *once, Cryptosuite::kEddsaRdfc2022);
  CHECK(twice.status().code() == Code::kAlreadyExists);
  CHECK_THAT(twice.status().message(), Catch::Contains(c.partner.did));
}

TEST_CASE("cosign: the key must be the partner's current one, or the self-check refuses", "[issuer][cosign]") {
  Consortium c;
  // The partner's identity with the outsider's key: the proof names the
  // partner's method but cannot verify against it.
  auto r = c.Cosign(c.partner, c.outsider_key, c.Draft());
  CHECK(r.status().code() == Code::kInternal);
  CHECK_THAT(r.status().message(), Catch::Contains("cosign self-check"));
}

}  // namespace
}  // namespace passerelle
