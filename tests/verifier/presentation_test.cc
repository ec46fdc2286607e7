// Tests for presentations in verifier/verifier.h: the holder's proof, the
// challenge and domain it signed, every embedded credential verified in
// full, holder binding, and a verdict that lists every credential.
#include <optional>
#include <string>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "formats/json.h"
#include "keys/did_key.h"
#include "keys/proof_signer.h"
#include "verifier/verifier.h"

namespace passerelle {
namespace {

using nlohmann::json;

struct Party {
  Ed25519SigningKey key = Ed25519SigningKey::Generate().value();
  std::string did = DidKeyFor(key.public_key());
};

struct World {
  Party issuer, holder, stranger;
  Cryptosuite suite = Cryptosuite::kEddsaRdfc2022;

  json Credential(const std::string& subject, const std::string& id, const Party& signer) const {
    json vc = {{"@context", {"https://www.w3.org/ns/credentials/v2"}},
               {"id", id},
               {"type", {"VerifiableCredential"}},
               {"issuer", issuer.did},
               {"validFrom", "2026-01-01T00:00:00Z"},
               {"credentialSubject", {{"id", subject}, {"name", "Ana Popescu"}}}};
    ProofOptions o;
    o.suite = suite;
    o.verification_method = DidKeyVerificationMethod(signer.key.public_key());
    o.created = *ParseDateTime("2026-02-01T00:00:00Z");
    return AddProof(vc, signer.key, o).value();
  }
  json Credential(const std::string& id = "urn:uuid:11111111-1111-4111-8111-111111111111") const {
    return Credential(holder.did, id, issuer);
  }

  json Unsigned(const Party& who, const std::vector<json>& credentials) const {
    return {{"@context", {"https://www.w3.org/ns/credentials/v2"}},
            {"type", {"VerifiablePresentation"}},
            {"holder", who.did},
            {"verifiableCredential", json(credentials)}};
  }
  json Sign(const Party& who, const json& vp, std::optional<std::string> challenge = "nonce-1",
            std::optional<std::string> domain = "employer.example",
            const std::string& purpose = "authentication") const {
    ProofOptions o;
    o.suite = suite;
    o.verification_method = DidKeyVerificationMethod(who.key.public_key());
    o.proof_purpose = purpose;
    o.created = *ParseDateTime("2026-05-01T00:00:00Z");
    o.challenge = std::move(challenge);
    o.domain = std::move(domain);
    return AddProof(vp, who.key, o).value();
  }
  json Present(const Party& who, const std::vector<json>& credentials, std::optional<std::string> challenge = "nonce-1",
               std::optional<std::string> domain = "employer.example") const {
    return Sign(who, Unsigned(who, credentials), std::move(challenge), std::move(domain));
  }

  VerifyOptions Options(std::optional<std::string> challenge = "nonce-1",
                        std::optional<std::string> domain = "employer.example") const {
    VerifyOptions o;
    o.now = *ParseDateTime("2026-06-01T00:00:00Z");
    o.trusted_issuers = {issuer.did};
    o.challenge = std::move(challenge);
    o.domain = std::move(domain);
    return o;
  }
};

const CheckResult* Find(const std::vector<CheckResult>& checks, const std::string& name) {
  for (const auto& c : checks)
    if (c.check == name) return &c;
  return nullptr;
}

bool HasError(const VerificationReport& r, const std::string& code, const std::string& path_prefix) {
  for (const auto& e : r.errors)
    if (e.code == code && e.path.rfind(path_prefix, 0) == 0) return true;
  return false;
}

TEST_CASE("presentation: the holder's proof is verified, whichever suite", "[verifier][presentation]") {
  for (Cryptosuite suite : {Cryptosuite::kEddsaRdfc2022, Cryptosuite::kEddsaJcs2022}) {
    World w;
    w.suite = suite;
    json vp = w.Present(w.holder, {w.Credential()});
    auto r = VerifyDocument(vp, w.Options());
    INFO(CryptosuiteName(suite));
    CHECK(r.verified);
    CHECK(r.kind == "presentation");
    REQUIRE(Find(r.checks, "proof") != nullptr);
    CHECK(Find(r.checks, "proof")->ok);
    CHECK(r.errors.empty());
    // The same bytes through the text entry point.
    CHECK(Verify(DumpJson(vp), w.Options()).verified);

    // Anything the holder signed, changed afterwards, breaks the holder's proof.
    json changed = vp;
    changed["holder"] = w.stranger.did;
    CHECK_FALSE(VerifyDocument(changed, w.Options()).verified);
    json extra = vp;
    extra["id"] = "urn:uuid:22222222-2222-4222-8222-222222222222";
    auto r2 = VerifyDocument(extra, w.Options());
    CHECK_FALSE(r2.verified);
    CHECK_FALSE(Find(r2.checks, "proof")->ok);
    json swapped = vp;
    swapped["verifiableCredential"][0] = w.Credential("urn:uuid:33333333-3333-4333-8333-333333333333");
    auto r3 = VerifyDocument(swapped, w.Options());
    CHECK_FALSE(r3.verified);
    CHECK(HasError(r3, "verification_failed", "/proof"));
  }
}

TEST_CASE("presentation: an unsigned one, or one signed for another purpose or by another key, fails",
          "[verifier][presentation]") {
  World w;
  json unsigned_vp = w.Unsigned(w.holder, {w.Credential()});
  auto r = VerifyDocument(unsigned_vp, w.Options());
  CHECK_FALSE(r.verified);
  CHECK(HasError(r, "verification_failed", "/proof"));

  json assertion = w.Sign(w.holder, unsigned_vp, "nonce-1", "employer.example", "assertionMethod");
  auto r2 = VerifyDocument(assertion, w.Options());
  CHECK_FALSE(r2.verified);
  CHECK(HasError(r2, "verification_failed", "/proof/proofPurpose"));

  // Signed by the stranger while naming the holder as holder.
  json by_stranger = w.Sign(w.stranger, unsigned_vp);
  auto r3 = VerifyDocument(by_stranger, w.Options());
  CHECK_FALSE(r3.verified);
  CHECK(HasError(r3, "verification_failed", "/proof/verificationMethod"));
}

TEST_CASE("presentation: --challenge and --domain must match what was signed", "[verifier][presentation]") {
  World w;
  json vp = w.Present(w.holder, {w.Credential()}, "nonce-1", "employer.example");
  CHECK(VerifyDocument(vp, w.Options("nonce-1", "employer.example")).verified);

  auto wrong_challenge = VerifyDocument(vp, w.Options("nonce-2", "employer.example"));
  CHECK_FALSE(wrong_challenge.verified);
  CHECK(HasError(wrong_challenge, "verification_failed", "/proof/challenge"));
  CHECK_FALSE(wrong_challenge.malformed_input);

  auto wrong_domain = VerifyDocument(vp, w.Options("nonce-1", "other.example"));
  CHECK_FALSE(wrong_domain.verified);
  CHECK(HasError(wrong_domain, "verification_failed", "/proof/domain"));

  // What a person acts on: presented by its holder only with the expected
  // challenge; with another, the credential is authentic but the holder unproven.
  CHECK(ReportToJson(VerifyDocument(vp, w.Options("nonce-1", "employer.example")))["credentials"][0]["outcome"] ==
        "presented");
  CHECK(ReportToJson(wrong_challenge)["credentials"][0]["outcome"] == "authentic");

  // A challenge typed in another letter case is still another challenge; the
  // report says so, since that is the likely slip.
  auto upper = VerifyDocument(vp, w.Options("NONCE-1", "employer.example"));
  CHECK_FALSE(upper.verified);
  REQUIRE_FALSE(upper.errors.empty());
  CHECK_THAT(upper.errors[0].message, Catch::Contains("differ only in letter case"));
  CHECK_THAT(wrong_challenge.errors[0].message, !Catch::Contains("letter case"));

  // Asked for, but never signed.
  json bare = w.Present(w.holder, {w.Credential()}, std::nullopt, std::nullopt);
  auto unanswered = VerifyDocument(bare, w.Options("nonce-1", std::nullopt));
  CHECK_FALSE(unanswered.verified);
  REQUIRE_FALSE(unanswered.errors.empty());
  CHECK_THAT(unanswered.errors[0].message, Catch::Contains("/proof/challenge: missing"));
  CHECK_FALSE(VerifyDocument(bare, w.Options(std::nullopt, "employer.example")).verified);

  // Not asked for: the presentation verifies, with a replay warning.
  auto no_challenge = VerifyDocument(bare, w.Options(std::nullopt, std::nullopt));
  CHECK(no_challenge.verified);
  REQUIRE_FALSE(no_challenge.warnings.empty());
  CHECK_THAT(no_challenge.warnings[0], Catch::Contains("replay"));

  // The challenge is signed: editing it in the document breaks the proof.
  json edited = vp;
  edited["proof"]["challenge"] = "nonce-2";
  auto r = VerifyDocument(edited, w.Options("nonce-2", "employer.example"));
  CHECK_FALSE(r.verified);
  CHECK(HasError(r, "verification_failed", "/proof/proofValue"));
}

TEST_CASE("presentation: every embedded credential is verified in full", "[verifier][presentation]") {
  World w;
  SECTION("a tampered credential, although the holder signed over it") {
    json vc = w.Credential();
    vc["credentialSubject"]["name"] = "Someone Else";
    auto r = VerifyDocument(w.Present(w.holder, {vc}), w.Options());
    CHECK_FALSE(r.verified);
    CHECK(Find(r.checks, "proof")->ok);  // the holder's proof holds…
    REQUIRE(r.credentials.size() == 1);
    CHECK_FALSE(r.credentials[0].verified);  // …the credential's does not
    CHECK(HasError(r, "verification_failed", "/verifiableCredential/0/proof"));
  }
  SECTION("a credential signed by a key that is not its issuer's") {
    json vc = w.Credential(w.holder.did, "urn:uuid:44444444-4444-4444-8444-444444444444", w.stranger);
    auto r = VerifyDocument(w.Present(w.holder, {vc}), w.Options());
    CHECK_FALSE(r.verified);
    CHECK(HasError(r, "verification_failed", "/verifiableCredential/0/proof"));
  }
  SECTION("a credential from an untrusted issuer") {
    VerifyOptions o = w.Options();
    o.trusted_issuers.clear();
    auto r = VerifyDocument(w.Present(w.holder, {w.Credential()}), o);
    CHECK_FALSE(r.verified);
    CHECK(HasError(r, "untrusted_issuer", "/verifiableCredential/0"));
  }
  SECTION("an expired credential") {
    VerifyOptions o = w.Options();
    o.now = *ParseDateTime("2025-06-01T00:00:00Z");  // before validFrom
    auto r = VerifyDocument(w.Present(w.holder, {w.Credential()}), o);
    CHECK_FALSE(r.verified);
    CHECK(HasError(r, "expired", "/verifiableCredential/0"));
  }
  SECTION("an unsigned credential") {
    json vc = w.Credential();
    vc.erase("proof");
    auto r = VerifyDocument(w.Present(w.holder, {vc}), w.Options());
    CHECK_FALSE(r.verified);
    CHECK(HasError(r, "verification_failed", "/verifiableCredential/0/proof"));
  }
}

TEST_CASE("presentation: each credential's subject must be the presenting holder", "[verifier][presentation]") {
  World w;
  SECTION("someone else's credential, presented by the stranger") {
    auto r = VerifyDocument(w.Present(w.stranger, {w.Credential()}), w.Options());
    CHECK_FALSE(r.verified);
    CHECK(Find(r.checks, "proof")->ok);  // the stranger's own proof is fine
    REQUIRE(r.credentials.size() == 1);
    const CheckResult* holder = Find(r.credentials[0].checks, "holder");
    REQUIRE(holder != nullptr);
    CHECK_FALSE(holder->ok);
    CHECK_THAT(holder->detail, Catch::Contains(w.stranger.did));
    CHECK(HasError(r, "verification_failed", "/verifiableCredential/0/credentialSubject/id"));
  }
  SECTION("a credential without a subject id") {
    json vc = {{"@context", {"https://www.w3.org/ns/credentials/v2"}},
               {"type", {"VerifiableCredential"}},
               {"issuer", w.issuer.did},
               {"validFrom", "2026-01-01T00:00:00Z"},
               {"credentialSubject", {{"name", "Ana Popescu"}}}};
    ProofOptions o;
    o.suite = w.suite;
    o.verification_method = DidKeyVerificationMethod(w.issuer.key.public_key());
    o.created = *ParseDateTime("2026-02-01T00:00:00Z");
    json signed_vc = AddProof(vc, w.issuer.key, o).value();
    auto r = VerifyDocument(w.Present(w.holder, {signed_vc}), w.Options());
    CHECK_FALSE(r.verified);
    REQUIRE(r.credentials.size() == 1);
    CHECK_FALSE(Find(r.credentials[0].checks, "holder")->ok);
  }
  SECTION("holder given as an object with an id") {
    json vp = w.Unsigned(w.holder, {w.Credential()});
    vp["holder"] = {{"id", w.holder.did}};
    CHECK(VerifyDocument(w.Sign(w.holder, vp), w.Options()).verified);
  }
  SECTION("a presentation that names no holder binds nothing") {
    json vp = w.Unsigned(w.holder, {w.Credential()});
    vp.erase("holder");
    auto r = VerifyDocument(w.Sign(w.holder, vp), w.Options());
    CHECK_FALSE(r.verified);
    CHECK(HasError(r, "verification_failed", "/holder"));
    REQUIRE(r.credentials.size() == 1);  // still listed, with the reason
    CHECK_FALSE(r.credentials[0].verified);
  }
}

TEST_CASE("presentation: the verdict lists every credential", "[verifier][presentation]") {
  World w;
  json good = w.Credential("urn:uuid:55555555-5555-4555-8555-555555555555");
  json other = w.Credential(w.stranger.did, "urn:uuid:66666666-6666-4666-8666-666666666666", w.issuer);
  json tampered = w.Credential("urn:uuid:77777777-7777-4777-8777-777777777777");
  tampered["credentialSubject"]["name"] = "X";
  auto r = VerifyDocument(w.Present(w.holder, {good, other, tampered}), w.Options());
  CHECK_FALSE(r.verified);
  REQUIRE(r.credentials.size() == 3);
  CHECK(r.credentials[0].id() == "urn:uuid:55555555-5555-4555-8555-555555555555");
  CHECK(r.credentials[0].verified);
  CHECK(r.credentials[1].id() == "urn:uuid:66666666-6666-4666-8666-666666666666");
  CHECK_FALSE(r.credentials[1].verified);
  CHECK(r.credentials[2].id() == "urn:uuid:77777777-7777-4777-8777-777777777777");
  CHECK_FALSE(r.credentials[2].verified);
  CHECK(r.credentials[0].issuer() == w.issuer.did);
  CHECK(HasError(r, "verification_failed", "/verifiableCredential/1/credentialSubject/id"));
  CHECK(HasError(r, "verification_failed", "/verifiableCredential/2/proof"));

  json report = ReportToJson(r);
  CHECK(report["kind"] == "presentation");
  CHECK(report["credentials"].size() == 3);
  CHECK(report["credentials"][0]["verified"] == true);

  SECTION("also when the holder's proof fails") {
    json vp = w.Present(w.holder, {good, good});
    vp["proof"]["proofValue"] = "z" + std::string(86, '1');
    auto bad = VerifyDocument(vp, w.Options());
    CHECK_FALSE(bad.verified);
    CHECK(bad.credentials.size() == 2);
  }
  SECTION("also when one embedded credential is malformed") {
    json broken = good;
    broken.erase("issuer");
    auto bad = VerifyDocument(w.Present(w.holder, {good, broken}), w.Options());
    CHECK_FALSE(bad.verified);
    REQUIRE(bad.credentials.size() == 2);
    CHECK(bad.credentials[0].verified);
    CHECK_FALSE(bad.credentials[1].verified);
  }
  SECTION("a single credential not wrapped in an array is listed with its own pointer") {
    json vp = w.Unsigned(w.holder, {});
    vp["verifiableCredential"] = tampered;
    auto single = VerifyDocument(w.Sign(w.holder, vp), w.Options());
    REQUIRE(single.credentials.size() == 1);
    CHECK(HasError(single, "verification_failed", "/verifiableCredential/proof"));
  }
}

}  // namespace
}  // namespace passerelle
