// Passerelle tests — the OID4VCI routes in process: metadata, token (PIN,
// one-time), nonce and credential (key proof, binding, nonce reuse).
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "formats/credential_offer.h"
#include "issuer/programme_files.h"
#include "issuer/service/claims.h"
#include "keys/did_key.h"
#include "keys/key_proof.h"
#include "keys/proof_signer.h"
#include "keys/signing_key.h"
#include "tests/issuer/http/node_fixture.h"
#include "tests/testing/paths.h"

namespace passerelle {
namespace {

using nlohmann::json;
using testing::NodeFixture;

struct Claim {
  NodeFixture node;
  CreatedOffer offer;
  CredentialOffer parsed;

  explicit Claim(bool with_pin = true) {
    auto bundle = LoadProgrammeBundle(testing::SourceDir() / "scripts/demo-data/programme-health-qualitician.json");
    REQUIRE(bundle.ok());
    IssuerIdentity id{node.issuer.did, node.issuer.name, node.issuer.country};
    auto module = BuildModuleCredential(bundle->programme, bundle->programme.modules[0], id,
                                        Learner{std::nullopt, "Ana", "Pop"},
                                        ModuleAward{NewCredentialId(), "15", "FR-0-20", Now()});
    REQUIRE(module.ok());
    OfferRequest request;
    request.credentials.push_back(*module);
    request.modules.push_back(bundle->programme.modules[0].code);
    request.programme = bundle->programme.code;
    request.with_pin = with_pin;
    auto made = CreateOffer(*node.service, std::move(request));
    REQUIRE(made.ok());
    offer = *made;
    parsed = ParseCredentialOffer(offer.uri).value();
  }

  http::HttpResponse Token(const std::string& pin) {
    http::HttpRequest req;
    req.method = "POST";
    req.path = "/token";
    req.headers["content-type"] = "application/x-www-form-urlencoded";
    req.body = "grant_type=" + PercentEncode(std::string(kPreAuthorizedGrant)) +
               "&pre-authorized_code=" + PercentEncode(parsed.pre_authorized_code) +
               (pin.empty() ? "" : "&tx_code=" + pin);
    return node.router.Match("POST", "/token").route->handler(req);
  }
  std::string Nonce() { return NodeFixture::Body(node.Send("POST", "/nonce", "", std::nullopt))["c_nonce"]; }
  http::HttpResponse Credential(const std::string& token, const json& body) {
    http::HttpRequest req;
    req.method = "POST";
    req.path = "/credential";
    req.headers["authorization"] = "Bearer " + token;
    req.body = DumpJson(body);
    return node.router.Match("POST", "/credential").route->handler(req);
  }
  static std::string Proof(const Ed25519SigningKey& key, const std::string& nonce, std::string aud = "https://issuer.test") {
    std::string input = KeyProofSigningInput(key.public_key(), aud, Now(), nonce);
    return FinishKeyProofJwt(input, key.Sign(input));
  }
};

TEST_CASE("oid4vci: metadata names the endpoints, ldp_vc and jwt proofs", "[issuer][http][oid4vci]") {
  NodeFixture node;
  json meta = NodeFixture::Body(node.Send("GET", "/.well-known/openid-credential-issuer", "", std::nullopt));
  CHECK(meta["credential_issuer"] == "https://issuer.test");
  CHECK(meta["credential_endpoint"] == "https://issuer.test/credential");
  CHECK(meta["nonce_endpoint"] == "https://issuer.test/nonce");
  json module = meta["credential_configurations_supported"]["ModuleCredential"];
  CHECK(module["format"] == "ldp_vc");
  CHECK(module["credential_definition"]["type"][1] == "ModuleCredential");
  CHECK(module["cryptographic_binding_methods_supported"][0] == "did:key");
  CHECK(module["proof_types_supported"]["jwt"]["proof_signing_alg_values_supported"][0] == "EdDSA");
  json as = NodeFixture::Body(node.Send("GET", "/.well-known/oauth-authorization-server", "", std::nullopt));
  CHECK(as["token_endpoint"] == "https://issuer.test/token");
  CHECK(as["pre-authorized_grant_anonymous_access_supported"] == true);
}

TEST_CASE("oid4vci: a claim binds the credential to the proving key, once", "[issuer][http][oid4vci]") {
  Claim c;
  CHECK(c.parsed.credential_configuration_ids == std::vector<std::string>{"ModuleCredential"});
  CHECK(c.offer.pin.size() == 6);
  auto wrong = c.Token(c.offer.pin == "000000" ? "000001" : "000000");
  CHECK(wrong.status == 400);
  CHECK(NodeFixture::Body(wrong)["error"] == "invalid_grant");
  CHECK(NodeFixture::Body(wrong)["tx_code_tries_left"] == 4);
  auto token = c.Token(c.offer.pin);
  REQUIRE(token.status == 200);
  CHECK(token.headers["Cache-Control"] == "no-store");
  std::string access = NodeFixture::Body(token)["access_token"];
  CHECK(NodeFixture::Body(token)["token_type"] == "Bearer");
  // The code worked once.
  CHECK(NodeFixture::Body(c.Token(c.offer.pin))["offer_state"] == "used");

  auto key = std::move(Ed25519SigningKey::Generate().value());
  // Bad token, wrong audience, unknown nonce.
  CHECK(c.Credential("nope", {{"credential_configuration_id", "ModuleCredential"}}).status == 401);
  auto bad_aud = c.Credential(access, {{"credential_configuration_id", "ModuleCredential"},
                                       {"proofs", {{"jwt", {Claim::Proof(key, c.Nonce(), "https://evil.test")}}}}});
  CHECK(NodeFixture::Body(bad_aud)["error"] == "invalid_proof");
  auto bad_nonce = c.Credential(access, {{"credential_configuration_id", "ModuleCredential"},
                                         {"proofs", {{"jwt", {Claim::Proof(key, "made-up")}}}}});
  CHECK(NodeFixture::Body(bad_nonce)["error"] == "invalid_nonce");
  auto unknown = c.Credential(access, {{"credential_configuration_id", "DiplomaCredential"},
                                       {"proofs", {{"jwt", {Claim::Proof(key, c.Nonce())}}}}});
  CHECK(NodeFixture::Body(unknown)["error"] == "unknown_credential_configuration");

  // The single `proof` form is accepted too.
  std::string nonce = c.Nonce();
  auto ok = c.Credential(access, {{"credential_configuration_id", "ModuleCredential"},
                                  {"proof", {{"proof_type", "jwt"}, {"jwt", Claim::Proof(key, nonce)}}}});
  REQUIRE(ok.status == 200);
  json credential = NodeFixture::Body(ok)["credentials"][0]["credential"];
  CHECK(credential["credentialSubject"]["id"] == DidKeyFor(key.public_key()));
  CHECK(credential["credentialStatus"].size() == 2);
  CHECK(c.node.service->FindCredential(credential["id"].get<std::string>()).ok());

  // A used nonce, then an already claimed offer.
  auto reused = c.Credential(access, {{"credential_configuration_id", "ModuleCredential"},
                                      {"proofs", {{"jwt", {Claim::Proof(key, nonce)}}}}});
  CHECK(NodeFixture::Body(reused)["error"] == "invalid_nonce");
  auto again = c.Credential(access, {{"credential_configuration_id", "ModuleCredential"},
                                     {"proofs", {{"jwt", {Claim::Proof(key, c.Nonce())}}}}});
  CHECK(NodeFixture::Body(again)["error"] == "credential_request_denied");
}

// A di_vp key proof: a presentation without credentials, signed by `key`.
json DiVp(const Ed25519SigningKey& key, const std::string& challenge, const std::string& domain,
          const std::string& holder = "") {
  json vp = {{"@context", {"https://www.w3.org/ns/credentials/v2"}},
             {"type", {"VerifiablePresentation"}},
             {"holder", holder.empty() ? DidKeyFor(key.public_key()) : holder}};
  ProofOptions options;
  options.suite = Cryptosuite::kEddsaJcs2022;
  options.verification_method = DidKeyVerificationMethod(key.public_key());
  options.proof_purpose = "authentication";
  options.created = Now();
  options.created.nanos = 0;
  options.challenge = challenge;
  options.domain = domain;
  return AddProof(vp, key, options).value();
}

TEST_CASE("oid4vci: a di_vp key proof binds the credential to its holder", "[issuer][http][oid4vci]") {
  Claim c;
  auto token = c.Token(c.offer.pin);
  REQUIRE(token.status == 200);
  std::string access = NodeFixture::Body(token)["access_token"];
  auto key = std::move(Ed25519SigningKey::Generate().value());
  auto other = std::move(Ed25519SigningKey::Generate().value());
  auto error_of = [&](const json& vp) {
    return NodeFixture::Body(c.Credential(access, {{"credential_configuration_id", "ModuleCredential"},
                                                   {"proofs", {{"di_vp", {vp}}}}}))["error"];
  };
  // Another domain, a made-up challenge, a holder that did not sign, no proof at all.
  CHECK(error_of(DiVp(key, c.Nonce(), "https://evil.test")) == "invalid_proof");
  CHECK(error_of(DiVp(key, "made-up", "https://issuer.test")) == "invalid_nonce");
  CHECK(error_of(DiVp(other, c.Nonce(), "https://issuer.test", DidKeyFor(key.public_key()))) == "invalid_proof");
  CHECK(error_of(json{{"type", "VerifiablePresentation"}}) == "invalid_proof");
  CHECK(error_of(json("not a presentation")) == "invalid_proof");
  auto ok = c.Credential(access, {{"credential_configuration_id", "ModuleCredential"},
                                  {"proof", {{"proof_type", "di_vp"}, {"di_vp", DiVp(key, c.Nonce(), "https://issuer.test")}}}});
  INFO(ok.body);
  REQUIRE(ok.status == 200);
  CHECK(NodeFixture::Body(ok)["credentials"][0]["credential"]["credentialSubject"]["id"] == DidKeyFor(key.public_key()));
}

TEST_CASE("oid4vci: token requests that are not a pre-authorized code grant", "[issuer][http][oid4vci]") {
  Claim c(false);
  http::HttpRequest req;
  req.method = "POST";
  req.path = "/token";
  req.headers["content-type"] = "application/json";
  req.body = "{}";
  auto handler = c.node.router.Match("POST", "/token").route->handler;
  CHECK(NodeFixture::Body(handler(req))["error"] == "invalid_request");
  req.headers["content-type"] = "application/x-www-form-urlencoded";
  req.body = "grant_type=authorization_code&code=x";
  CHECK(NodeFixture::Body(handler(req))["error"] == "unsupported_grant_type");
  req.body = "grant_type=a&grant_type=b";
  CHECK(NodeFixture::Body(handler(req))["error"] == "invalid_request");
  req.body = "grant_type=%zz";
  CHECK(NodeFixture::Body(handler(req))["error"] == "invalid_request");
  req.body = "grant_type=" + PercentEncode(std::string(kPreAuthorizedGrant)) + "&pre-authorized_code=unknown";
  CHECK(NodeFixture::Body(handler(req))["error"] == "invalid_grant");
  // Without a PIN, the code alone works.
  CHECK(c.Token("").status == 200);
}

}  // namespace
}  // namespace passerelle
