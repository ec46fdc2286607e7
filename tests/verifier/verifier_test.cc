// Tests for verifier/verifier.h: every forgery is refused, for the right reason.
#include "verifier/verifier.h"

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "formats/jcs.h"
#include "formats/json.h"
#include "formats/multibase.h"
#include "keys/did_key.h"
#include "keys/proof_signer.h"

namespace passerelle {
namespace {

using nlohmann::json;

struct Fixture {
  Ed25519SigningKey key = Ed25519SigningKey::Generate().value();
  std::string did = DidKeyFor(key.public_key());

  json Unsigned() const {
    return {{"@context", {"https://www.w3.org/ns/credentials/v2"}},
            {"id", "urn:uuid:0b4a6f1e-1c0a-4c7e-9a55-2f3e1d2c3b4a"},
            {"type", {"VerifiableCredential"}},
            {"issuer", did},
            {"validFrom", "2026-01-01T00:00:00Z"},
            {"credentialSubject", {{"id", "did:example:learner"}, {"name", "Ana Popescu"}}}};
  }
  json Sign(const json& doc, Cryptosuite suite = Cryptosuite::kEddsaJcs2022,
            const std::string& purpose = "assertionMethod") const {
    ProofOptions o;
    o.suite = suite;
    o.verification_method = DidKeyVerificationMethod(key.public_key());
    o.proof_purpose = purpose;
    o.created = ParseDateTime("2026-02-01T00:00:00Z").value();
    return AddProof(doc, key, o).value();
  }
  VerifyOptions Options() const {
    VerifyOptions o;
    o.now = ParseDateTime("2026-06-01T00:00:00Z").value();
    o.trusted_issuers = {did};
    return o;
  }
};

const CheckResult* FindCheck(const VerificationReport& r, const std::string& name) {
  for (const auto& c : r.checks)
    if (c.check == name) return &c;
  return nullptr;
}

TEST_CASE("verifier: a signed credential from a trusted issuer verifies", "[verifier]") {
  Fixture f;
  auto report = VerifyDocument(f.Sign(f.Unsigned()), f.Options());
  CHECK(report.verified);
  CHECK(report.errors.empty());
  CHECK(report.kind == "credential");
  auto text = DumpJson(f.Sign(f.Unsigned()));
  CHECK(Verify(text, f.Options()).verified);
}

TEST_CASE("verifier: changing any signed value fails the proof", "[verifier]") {
  Fixture f;
  json good = f.Sign(f.Unsigned());
  for (const char* pointer : {"/credentialSubject/name", "/credentialSubject/id", "/validFrom", "/id",
                              "/proof/created", "/proof/verificationMethod"}) {
    json bad = good;
    json::json_pointer p(pointer);
    std::string v = bad[p].get<std::string>();
    v[v.size() - 2] = v[v.size() - 2] == 'x' ? 'y' : 'x';
    bad[p] = v;
    auto report = VerifyDocument(bad, f.Options());
    INFO(pointer);
    CHECK_FALSE(report.verified);
    CHECK_FALSE(report.malformed_input);
  }
  json added = good;
  added["credentialSubject"]["extra"] = "claim";
  CHECK_FALSE(VerifyDocument(added, f.Options()).verified);
  json removed = good;
  removed.erase("validFrom");
  CHECK_FALSE(VerifyDocument(removed, f.Options()).verified);
}

TEST_CASE("verifier: an untrusted issuer is a definite no, with a hint", "[verifier]") {
  Fixture f;
  VerifyOptions o = f.Options();
  o.trusted_issuers.clear();
  auto report = VerifyDocument(f.Sign(f.Unsigned()), o);
  CHECK_FALSE(report.verified);
  REQUIRE(FindCheck(report, "issuer") != nullptr);
  CHECK_FALSE(FindCheck(report, "issuer")->ok);
  CHECK(FindCheck(report, "proof")->ok);
  CHECK(report.errors.front().code == "untrusted_issuer");
  REQUIRE_FALSE(report.hints.empty());
  CHECK_THAT(report.hints.front(), Catch::Contains("--trust-issuer " + f.did));
}

TEST_CASE("verifier: a key not controlled by the issuer fails", "[verifier]") {
  Fixture f, mallory;
  json doc = f.Unsigned();
  // Mallory signs a credential claiming f's DID as issuer, with her own key.
  json forged = mallory.Sign(doc);
  VerifyOptions o = f.Options();
  auto report = VerifyDocument(forged, o);
  CHECK_FALSE(report.verified);
  CHECK_THAT(FindCheck(report, "proof")->detail, Catch::Contains("not controlled by"));
}

TEST_CASE("verifier: unknown, missing or foreign cryptosuites fail, never skip", "[verifier]") {
  Fixture f;
  json good = f.Sign(f.Unsigned());
  for (json suite : {json("eddsa-2022"), json("ecdsa-rdfc-2019"), json(nullptr), json(7)}) {
    json bad = good;
    if (suite.is_null()) bad["proof"].erase("cryptosuite");
    else bad["proof"]["cryptosuite"] = suite;
    auto report = VerifyDocument(bad, f.Options());
    CHECK_FALSE(report.verified);
    CHECK_FALSE(FindCheck(report, "proof")->ok);
  }
  json no_proof = f.Unsigned();
  CHECK_FALSE(VerifyDocument(no_proof, f.Options()).verified);
  json wrong_type = good;
  wrong_type["proof"]["type"] = "Ed25519Signature2020";
  CHECK_FALSE(VerifyDocument(wrong_type, f.Options()).verified);
  json wrong_purpose = f.Sign(f.Unsigned(), Cryptosuite::kEddsaJcs2022, "authentication");
  CHECK_FALSE(VerifyDocument(wrong_purpose, f.Options()).verified);
  json proof_string = good;
  proof_string["proof"] = "not a proof";
  CHECK_FALSE(VerifyDocument(proof_string, f.Options()).verified);
}

TEST_CASE("verifier: the proof's own @context counts as each suite says", "[verifier]") {
  // vc-di-eddsa: eddsa-jcs-2022 hashes the proof options as they are (§3.3.5),
  // so a proof signed without @context (a signer skipping §3.3.1 step 2)
  // verifies, and removing the @context a proof was signed with breaks it;
  // eddsa-rdfc-2022 gives its proof configuration the document's @context
  // (§3.2.5), so the proof's own is not signed.
  Fixture f;
  json doc = f.Unsigned();
  ProofOptions o;
  o.suite = Cryptosuite::kEddsaJcs2022;
  o.verification_method = DidKeyVerificationMethod(f.key.public_key());
  o.created = ParseDateTime("2026-02-01T00:00:00Z").value();
  json config = MakeProofConfig(o);
  REQUIRE(config.count("@context") == 0);
  json without = doc;
  without["proof"] = config;
  without["proof"]["proofValue"] =
      EncodeMultibase(Multibase::kBase58Btc, f.key.Sign(HashDataForProof(doc, config, o.suite).value()));
  CHECK(VerifyDocument(without, f.Options()).verified);
  CHECK(Verify(CanonicalizeJson(without).value(), f.Options()).verified);  // the canonical-text path
  CHECK(Verify(DumpJsonPretty(without), f.Options()).verified);

  json with = f.Sign(doc);
  REQUIRE(with["proof"].count("@context") == 1);
  json stripped = with;
  stripped["proof"].erase("@context");
  CHECK_FALSE(VerifyDocument(stripped, f.Options()).verified);
  CHECK_FALSE(Verify(CanonicalizeJson(stripped).value(), f.Options()).verified);

  json rdfc = f.Sign(doc, Cryptosuite::kEddsaRdfc2022);
  for (json context : {json(nullptr), json("https://w3id.org/security/data-integrity/v2")}) {
    json edited = rdfc;
    if (context.is_null()) edited["proof"].erase("@context");
    else edited["proof"]["@context"] = context;
    CHECK(VerifyDocument(edited, f.Options()).verified);
  }
}

TEST_CASE("verifier: a proof set needs every proof to verify", "[verifier]") {
  Fixture f;
  json twice = f.Sign(f.Sign(f.Unsigned()));
  REQUIRE(twice["proof"].is_array());
  CHECK(VerifyDocument(twice, f.Options()).verified);
  twice["proof"][1]["proofValue"] = "z" + EncodeBase58(std::string(64, '\x07'));
  CHECK_FALSE(VerifyDocument(twice, f.Options()).verified);
}

TEST_CASE("verifier: a proof chain whose first proof is by another party and whose second is the issuer's verifies",
          "[verifier][proof-chain]") {
  Fixture issuer, endorser;
  ProofOptions first;
  first.suite = Cryptosuite::kEddsaRdfc2022;
  first.verification_method = DidKeyVerificationMethod(endorser.key.public_key());
  first.created = ParseDateTime("2026-01-15T00:00:00Z").value();
  first.id = "urn:uuid:6f0c3a1e-0000-4000-8000-000000000001";
  json endorsed = AddProof(issuer.Unsigned(), endorser.key, first).value();
  ProofOptions second;
  second.suite = Cryptosuite::kEddsaRdfc2022;
  second.verification_method = DidKeyVerificationMethod(issuer.key.public_key());
  second.created = ParseDateTime("2026-02-01T00:00:00Z").value();
  second.previous_proof = *first.id;
  json chained = AddProof(endorsed, issuer.key, second).value();
  REQUIRE(chained["proof"].is_array());
  REQUIRE(chained["proof"].size() == 2);
  auto report = VerifyDocument(chained, issuer.Options());
  INFO(DumpJson(ReportToJson(report)));
  CHECK(report.verified);
  // The issuer's proof signs the endorser's with the document: changing the
  // proof it names breaks the chain.
  json tampered = chained;
  tampered["proof"][0]["created"] = "2026-01-16T00:00:00Z";
  CHECK_FALSE(VerifyDocument(tampered, issuer.Options()).verified);
  // The endorser's proof alone is not the issuer's.
  json only_other = endorsed;
  auto refused = VerifyDocument(only_other, issuer.Options());
  CHECK_FALSE(refused.verified);
  CHECK_THAT(FindCheck(refused, "proof")->detail, Catch::Contains("no proof by the issuer"));
  // A forged proof by the other party fails the set, whoever made it.
  json forged = chained;
  forged["proof"][0]["proofValue"] = "z" + EncodeBase58(std::string(64, '\x07'));
  CHECK_FALSE(VerifyDocument(forged, issuer.Options()).verified);
}

TEST_CASE("verifier: holder binding is a policy: a presentation without holder", "[verifier][holder-binding]") {
  Fixture issuer, holder;
  json vc = issuer.Unsigned();
  vc["credentialSubject"]["id"] = holder.did;
  json vp = {{"@context", {"https://www.w3.org/ns/credentials/v2"}},
             {"type", {"VerifiablePresentation"}},
             {"verifiableCredential", {issuer.Sign(vc)}}};
  VerifyOptions required = issuer.Options();
  auto refused = VerifyDocument(vp, required);
  CHECK_FALSE(refused.verified);
  CHECK(FindCheck(refused, "holder") != nullptr);
  VerifyOptions open = issuer.Options();
  open.require_holder_binding = false;
  auto accepted = VerifyDocument(vp, open);
  INFO(DumpJson(ReportToJson(accepted)));
  CHECK(accepted.verified);
  REQUIRE(accepted.credentials.size() == 1);
  CHECK(OutcomeOf(accepted, accepted.credentials[0]) == Outcome::kAuthentic);
  // Without binding, a challenge still needs a proof that carries it.
  open.challenge = "nonce-1";
  CHECK_FALSE(VerifyDocument(vp, open).verified);
  // A tampered credential still fails.
  json tampered = vp;
  tampered["verifiableCredential"][0]["credentialSubject"]["name"] = "Someone Else";
  open.challenge.reset();
  CHECK_FALSE(VerifyDocument(tampered, open).verified);
}

TEST_CASE("verifier: validity window and proof dates", "[verifier]") {
  Fixture f;
  json doc = f.Unsigned();
  doc["validUntil"] = "2026-03-01T00:00:00Z";
  json signed_doc = f.Sign(doc);
  VerifyOptions o = f.Options();
  auto expired = VerifyDocument(signed_doc, o);
  CHECK_FALSE(expired.verified);
  CHECK(expired.errors.front().code == "expired");
  o.now = ParseDateTime("2026-02-15T00:00:00Z").value();
  CHECK(VerifyDocument(signed_doc, o).verified);
  o.now = ParseDateTime("2025-12-01T00:00:00Z").value();  // before validFrom and before the proof
  CHECK_FALSE(VerifyDocument(signed_doc, o).verified);
}

TEST_CASE("verifier: presentations bind credentials to their holder and to the challenge", "[verifier]") {
  Fixture issuer, holder, stranger;
  json vc = issuer.Unsigned();
  vc["credentialSubject"]["id"] = holder.did;
  json signed_vc = issuer.Sign(vc);
  auto present = [&](const Fixture& who, const json& credential, std::optional<std::string> challenge) {
    json vp = {{"@context", {"https://www.w3.org/ns/credentials/v2"}},
               {"type", {"VerifiablePresentation"}},
               {"holder", who.did},
               {"verifiableCredential", {credential}}};
    ProofOptions o;
    o.suite = Cryptosuite::kEddsaJcs2022;
    o.verification_method = DidKeyVerificationMethod(who.key.public_key());
    o.proof_purpose = "authentication";
    o.created = ParseDateTime("2026-05-01T00:00:00Z").value();
    o.challenge = challenge;
    o.domain = "employer.example";
    return AddProof(vp, who.key, o).value();
  };
  VerifyOptions o = issuer.Options();
  o.challenge = "nonce-123";
  o.domain = "employer.example";
  auto ok = VerifyDocument(present(holder, signed_vc, "nonce-123"), o);
  CHECK(ok.verified);
  CHECK(ok.kind == "presentation");
  REQUIRE(ok.credentials.size() == 1);
  CHECK(ok.credentials[0].verified);

  CHECK_FALSE(VerifyDocument(present(holder, signed_vc, "nonce-999"), o).verified);
  CHECK_FALSE(VerifyDocument(present(holder, signed_vc, std::nullopt), o).verified);
  VerifyOptions other_domain = o;
  other_domain.domain = "other.example";
  CHECK_FALSE(VerifyDocument(present(holder, signed_vc, "nonce-123"), other_domain).verified);
  // A stranger presenting the holder's credential: holder binding fails.
  auto stolen = VerifyDocument(present(stranger, signed_vc, "nonce-123"), o);
  CHECK_FALSE(stolen.verified);
  // A tampered embedded credential fails although the holder signed it.
  json tampered = signed_vc;
  tampered["credentialSubject"]["name"] = "Someone Else";
  CHECK_FALSE(VerifyDocument(present(holder, tampered, "nonce-123"), o).verified);
}

TEST_CASE("verifier: malformed input gets no verdict and never throws", "[verifier][robustness]") {
  Fixture f;
  VerifyOptions o = f.Options();
  for (const char* bad : {"", "garbage", "[]", "\"a string\"", "{", "{\"a\":1,\"a\":2}", "\xff\xfe{}"}) {
    auto report = Verify(bad, o);
    CHECK_FALSE(report.verified);
  }
  CHECK(Verify("garbage", o).malformed_input);
  CHECK(Verify(std::string(200000, '['), o).malformed_input);
  CHECK(Verify(std::string(600 * 1024, ' ') + "{}", o).malformed_input);
  // Truncations and byte flips of a real credential: no crash, no verdict of "valid".
  std::string text = DumpJson(f.Sign(f.Unsigned()));
  for (std::size_t cut = 0; cut < text.size(); cut += 7) CHECK_FALSE(Verify(text.substr(0, cut), o).verified);
  unsigned state = 99;
  int accepted = 0;
  for (int i = 0; i < 1500; ++i) {
    std::string s = text;
    state = state * 1103515245 + 12345;
    std::size_t at = (state >> 8) % s.size();
    char c = static_cast<char>(state >> 20);
    if (s[at] == c) continue;
    s[at] = c;
    auto report = Verify(s, o);
    if (report.verified) ++accepted;
  }
  // A flip inside insignificant whitespace is impossible (compact JSON); a
  // flip in a member name or value changes the signed bytes: none verifies.
  CHECK(accepted == 0);
}

}  // namespace
}  // namespace passerelle

namespace passerelle {
namespace {

TEST_CASE("verifier: a bare credential is refused when a challenge is expected", "[verifier]") {
  Fixture f;
  VerifyOptions o = f.Options();
  o.challenge = "nonce-123";
  auto report = VerifyDocument(f.Sign(f.Unsigned()), o);
  CHECK_FALSE(report.verified);
  CHECK_THAT(report.errors.back().message, Catch::Contains("bare credential"));
  o.challenge.reset();
  o.domain = "employer.example";
  CHECK_FALSE(VerifyDocument(f.Sign(f.Unsigned()), o).verified);
}

TEST_CASE("verifier: a document typed both credential and presentation is refused", "[verifier]") {
  Fixture f;
  json doc = f.Unsigned();
  doc["type"] = {"VerifiableCredential", "VerifiablePresentation"};
  CHECK_FALSE(VerifyDocument(f.Sign(doc), f.Options()).verified);
}

}  // namespace
}  // namespace passerelle

namespace passerelle {
namespace {

TEST_CASE("verifier: a signed claim re-expressed in another JSON-LD form is caught (RDFC)", "[verifier]") {
  Fixture f;
  json doc = f.Unsigned();
  doc["validUntil"] = "2026-03-01T00:00:00Z";  // expired at the verification time
  json signed_doc = f.Sign(doc, Cryptosuite::kEddsaRdfc2022);
  VerifyOptions o = f.Options();
  REQUIRE(VerifyDocument(signed_doc, o).errors.front().code == "expired");

  // The same RDF, written so that a JSON reader looking for "validUntil" misses it.
  json full_iri = signed_doc;
  full_iri.erase("validUntil");
  full_iri["https://www.w3.org/2018/credentials#validUntil"] = {
      {"@value", "2026-03-01T00:00:00Z"}, {"@type", "http://www.w3.org/2001/XMLSchema#dateTime"}};
  json nested = signed_doc;
  nested.erase("validUntil");
  nested["@nest"] = {{"validUntil", "2026-03-01T00:00:00Z"}};
  for (const json& forged : {full_iri, nested}) {
    auto report = VerifyDocument(forged, o);
    INFO(forged.dump());
    CHECK_FALSE(report.verified);
    REQUIRE_FALSE(report.errors.empty());
    CHECK_THAT(report.errors.front().message, Catch::Contains("signed form"));
  }
  // Renaming the proof's expiry is caught the same way.
  json proof_doc = f.Unsigned();
  ProofOptions po;
  po.suite = Cryptosuite::kEddsaRdfc2022;
  po.verification_method = DidKeyVerificationMethod(f.key.public_key());
  po.created = ParseDateTime("2026-02-01T00:00:00Z").value();
  po.expires = ParseDateTime("2026-03-01T00:00:00Z").value();
  json with_expiry = AddProof(proof_doc, f.key, po).value();
  REQUIRE_FALSE(VerifyDocument(with_expiry, o).verified);
  json hidden = with_expiry;
  hidden["proof"]["https://w3id.org/security#expiration"] = {
      {"@value", hidden["proof"]["expires"]}, {"@type", "http://www.w3.org/2001/XMLSchema#dateTime"}};
  hidden["proof"].erase("expires");
  auto hidden_report = VerifyDocument(hidden, o);
  CHECK_FALSE(hidden_report.verified);
  CHECK_THAT(hidden_report.errors.front().message, Catch::Contains("expires"));
}

}  // namespace
}  // namespace passerelle

namespace passerelle {
namespace {

TEST_CASE("verifier: a Passerelle claim re-expressed under another name is caught (RDFC)", "[verifier]") {
  // Scope checks and recognition read eqfLevel, code, grade and the issuer's
  // country from the JSON: written under a compact IRI with the same RDF,
  // they would keep the signature and vanish from the reader's view.
  Fixture f;
  json vc = {{"@context", {"https://www.w3.org/ns/credentials/v2", "https://w3id.org/passerelle/v1"}},
             {"type", {"VerifiableCredential", "ModuleCredential"}},
             {"issuer", {{"id", f.did}, {"name", "Institut"}, {"country", "FR"}}},
             {"validFrom", "2026-01-01T00:00:00Z"},
             {"credentialSubject",
              {{"id", "did:example:learner"},
               {"achievement",
                {{"type", "LearningAchievement"},
                 {"code", "HQ-M01"},
                 {"title", {{"en", "Foundations"}}},
                 {"learningOutcomes", {{"en", {"Explain"}}}},
                 {"ects", 6},
                 {"eqfLevel", "http://data.europa.eu/snb/eqf/5"},
                 {"nqfLevel", "https://example.fr/nqf/5"},
                 {"assessmentType", "http://data.europa.eu/snb/assessment/6e6cb2cc78"},
                 {"mode", "http://data.europa.eu/snb/learning-assessment/e92d221e4d"},
                 {"qualityAssurance", "http://data.europa.eu/snb/accreditation/820101cba6"},
                 {"grade", {{"value", "12.5"}, {"scheme", "FR-0-20"}}}}}}}};
  json signed_vc = f.Sign(vc, Cryptosuite::kEddsaRdfc2022);
  REQUIRE(VerifyDocument(signed_vc, f.Options()).verified);
  // Values the canonical form escapes (quote, backslash, line break, a
  // control character, non-ASCII) still compare equal once read back.
  json escaped = vc;
  escaped["credentialSubject"]["achievement"]["code"] = std::string("HQ-\"M01\"\\x\n\x01\xC3\xA9");
  escaped["credentialSubject"]["achievement"]["grade"]["value"] = "12,5 \"bien\"";
  auto escaped_report = VerifyDocument(f.Sign(escaped, Cryptosuite::kEddsaRdfc2022), f.Options());
  INFO(DumpJson(ReportToJson(escaped_report)));
  CHECK(escaped_report.verified);

  json hidden_level = signed_vc;
  auto& achievement = hidden_level["credentialSubject"]["achievement"];
  achievement["elm:eqfLevel"] = {{"@id", achievement["eqfLevel"]}};
  achievement.erase("eqfLevel");
  json hidden_code = signed_vc;
  hidden_code["credentialSubject"]["achievement"]["dcterms:identifier"] = "HQ-M01";
  hidden_code["credentialSubject"]["achievement"].erase("code");
  hidden_code["@context"].push_back(json{{"dcterms", "http://purl.org/dc/terms/"}});
  json hidden_country = signed_vc;
  hidden_country["issuer"]["https://w3id.org/passerelle/vocab#country"] = "FR";
  hidden_country["issuer"].erase("country");
  for (const json& forged : {hidden_level, hidden_code, hidden_country}) {
    auto report = VerifyDocument(forged, f.Options());
    INFO(forged.dump());
    CHECK_FALSE(report.verified);
    bool caught = false;
    for (const auto& e : report.errors) caught = caught || e.message.find("signed form") != std::string::npos;
    CHECK(caught);
  }
}

TEST_CASE("verifier: eddsa-jcs-2022 credentials follow the same offline context policy", "[verifier]") {
  Fixture f;
  json doc = f.Unsigned();
  doc["@context"] = {"https://www.w3.org/ns/credentials/v2", "https://evil.example/ctx"};
  auto report = VerifyDocument(f.Sign(doc, Cryptosuite::kEddsaJcs2022), f.Options());
  CHECK_FALSE(report.verified);
  CHECK_THAT(report.errors.front().message, Catch::Contains("https://evil.example/ctx"));
}

}  // namespace
}  // namespace passerelle

namespace passerelle {
namespace {

TEST_CASE("verifier: only what passed every check is handed out as verified", "[verifier]") {
  Fixture f;
  json good = f.Sign(f.Unsigned());
  auto report = VerifyDocument(good, f.Options());
  REQUIRE(report.verified);
  REQUIRE(report.verified_credentials.size() == 1);
  const VerifiedCredential& v = report.verified_credentials[0];
  CHECK(v.credential().id() == "urn:uuid:0b4a6f1e-1c0a-4c7e-9a55-2f3e1d2c3b4a");
  CHECK(v.credential().ToJson() == good);
  CHECK(v.trust_detail().find(f.did) != std::string::npos);

  json tampered = good;
  tampered["credentialSubject"]["name"] = "Someone Else";
  auto refused = VerifyDocument(tampered, f.Options());
  CHECK_FALSE(refused.verified);
  CHECK(refused.verified_credentials.empty());
  // The verdict still carries the credential as read, for the report.
  REQUIRE(refused.credentials.size() == 1);
  CHECK(refused.credentials[0].credential.subject_ids() == std::vector<std::string>{"did:example:learner"});
}

TEST_CASE("verifier: verifying the typed model reads it without changing it", "[verifier]") {
  Fixture f;
  for (Cryptosuite suite : {Cryptosuite::kEddsaJcs2022, Cryptosuite::kEddsaRdfc2022}) {
    auto vc = CredentialFromJson(f.Sign(f.Unsigned(), suite)).value();
    const json before = vc.ToJson();
    CHECK(VerifyCredential(vc, f.Options()).verified);
    CHECK(VerifyCredential(vc, f.Options()).verified);  // twice: nothing was left edited
    CHECK(vc.ToJson() == before);
  }
}

TEST_CASE("verifier: a signed document is checked against its one expected signer", "[verifier]") {
  Fixture f;
  Fixture other;
  auto vc = CredentialFromJson(f.Sign(f.Unsigned())).value();
  VerifyOptions options = f.Options();
  options.trusted_issuers.clear();  // the lower level needs no trust anchor
  auto signed_doc = VerifySignedDocument(vc, f.did, options);
  REQUIRE(signed_doc.ok());
  CHECK(signed_doc->methods == std::vector<std::string>{DidKeyVerificationMethod(f.key.public_key())});
  CHECK(VerifySignedDocument(vc, other.did, options).status().code() == Code::kVerificationFailed);

  json late = f.Unsigned();
  late["validFrom"] = "2027-01-01T00:00:00Z";
  auto future = CredentialFromJson(f.Sign(late)).value();
  CHECK(VerifySignedDocument(future, f.did, options).status().code() == Code::kExpired);
  CHECK(VerifySignedDocument(future, f.did, options, ValidityWindow::kNotChecked).ok());

  json forged = f.Sign(f.Unsigned());
  forged["credentialSubject"]["name"] = "Someone Else";
  CHECK(VerifySignedDocument(CredentialFromJson(forged).value(), f.did, options).status().code() ==
        Code::kVerificationFailed);
}

}  // namespace
}  // namespace passerelle
