// Every public parser of formats/, keys/ and verifier/ is fed truncated,
// garbage, deeply nested, huge and non-UTF-8 input: each must answer with a
// clear Status (or a "no" verdict), never crash, throw or hang.
#include <catch2/catch.hpp>

#include <functional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "formats/data_integrity.h"
#include "formats/datetime.h"
#include "formats/json.h"
#include "formats/multibase.h"
#include "formats/profile.h"
#include "formats/rdf/dataset.h"
#include "formats/recognition_agreement.h"
#include "formats/status_list.h"
#include "formats/trust_list.h"
#include "formats/vc_model.h"
#include "keys/did_document.h"
#include "keys/did_key.h"
#include "keys/public_key.h"
#include "verifier/trust_registry.h"
#include "verifier/verifier.h"

namespace passerelle {
namespace {

using nlohmann::json;

std::vector<std::string> HostileTexts() {
  std::vector<std::string> inputs = {
      "",
      " ",
      "\xff\xfe\xfd",
      "\xc3\x28",
      "\xed\xa0\x80",
      "\xf4\x90\x80\x80",
      "\"\\ud800\"",
      std::string("{\"a\":\"\0\"}", 9),
      std::string(300000, '['),
      std::string(300000, '{'),
      "{\"a\":" + std::string(5000, '[') + std::string(5000, ']') + "}",
      "[" + std::string(200000, '1') + "]",
      "1e999999",
      "-",
      "{\"@context\":",
      "{\"proof\":{\"type\":\"DataIntegrityProof\",\"cryptosuite\":\"eddsa-rdfc-2022\"",
      "<html>not json</html>",
      "z" + std::string(20000, '1'),
      "u" + std::string(20000, '-'),
      "did:key:z6Mk" + std::string(9000, 'z'),
  };
  std::string big = "{\"x\":\"" + std::string(2 << 20, 'a') + "\"}";
  inputs.push_back(big);
  return inputs;
}

TEST_CASE("hostile input: string parsers return a Status and never throw", "[robustness]") {
  for (const auto& text : HostileTexts()) {
    INFO("input of " << text.size() << " bytes");
    CHECK_NOTHROW([&] {
      CHECK_FALSE(ParseJson(text).ok());
      (void)DecodeMultibase(text);
      (void)DecodeBase58(text.substr(0, 10000));
      (void)DecodeBase64Url(text);
      (void)HexDecode(text);
      (void)ParseDateTime(text);
      (void)ParseDidKey(text);
      (void)Ed25519PublicKey::FromMultibase(text);
      (void)DecodeStatusList(text);
      (void)ParseCryptosuite(text);
      (void)rdf::ParseNQuads(text.substr(0, 100000));
    }());
  }
}

TEST_CASE("hostile input: JSON-shaped parsers refuse wrong shapes with a Status", "[robustness]") {
  std::vector<json> shapes = {nullptr, true, 3.5, "string", json::array(), json::object(),
                              json::array({1, "a", nullptr}), json{{"proof", 5}},
                              json{{"@context", json::object()}, {"type", 5}},
                              json{{"id", json::array()}, {"verificationMethod", {{"id", 1}}}},
                              json{{"credentialSubject", json::array()}, {"issuer", json::object()}}};
  for (const auto& j : shapes) {
    INFO(j.dump());
    CHECK_NOTHROW([&] {
      CHECK_FALSE(ValidateCredentialModel(j).ok());
      CHECK_FALSE(ValidatePresentationModel(j).ok());
      (void)ValidateProfile(j);
      (void)ParseDataIntegrityProof(j, "/proof");
      (void)ParseDidDocument(j);
      (void)ParseStatusListEntry(j, "/credentialStatus");
      CHECK_FALSE(ParseTrustList(j).ok());
      CHECK_FALSE(ParseRecognitionAgreement(j).ok());
      (void)ParseTrustedEntity(j, "/e");
      (void)StatusEntriesOf(j);
      (void)CredentialIssuerId(j);
      (void)UnsecuredDocumentForProof(j, j);
      json copy = j;
      (void)HashDataForSecuredDocument(copy, j, Cryptosuite::kEddsaRdfc2022);
      CHECK(copy == j);  // restored whatever happened
      (void)CanonicalDocument(j, Cryptosuite::kEddsaRdfc2022);
      (void)CanonicalDocument(j, Cryptosuite::kEddsaJcs2022);
    }());
  }
}

TEST_CASE("hostile input: trust lists that are not lists add nothing and say why", "[robustness]") {
  const Timestamp now = ParseDateTime("2026-07-01T00:00:00Z").value();
  for (const auto& text : HostileTexts()) {
    INFO("input of " << text.size() << " bytes");
    TrustRegistry registry;
    CHECK_NOTHROW([&] {
      CHECK_FALSE(registry.AddRoot(text, "root.json", now).ok());
      CHECK_FALSE(registry.AddList(text, "list.json", now).ok());
    }());
    CHECK(registry.empty());
  }
}

TEST_CASE("hostile input: the verifier gives no verdict on unreadable input, a no on forgeries", "[robustness]") {
  VerifyOptions options;
  for (const auto& text : HostileTexts()) {
    VerificationReport r;
    CHECK_NOTHROW(r = Verify(text, options));
    CHECK_FALSE(r.verified);
    CHECK_FALSE(r.errors.empty());
  }
  // Shapes that parse but are not credentials: a definite no, with the reason.
  for (const char* text : {"{}", "{\"type\":\"VerifiablePresentation\"}",
                           "{\"@context\":[\"https://www.w3.org/ns/credentials/v2\"],\"type\":[\"VerifiableCredential\"],"
                           "\"issuer\":\"did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2\",\"credentialSubject\":{\"id\":\"did:x:y\"},"
                           "\"proof\":{\"type\":\"DataIntegrityProof\",\"cryptosuite\":\"eddsa-rdfc-2022\",\"proofPurpose\":\"assertionMethod\","
                           "\"verificationMethod\":\"did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2#z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2\","
                           "\"proofValue\":\"z1111111111111111111111111111111111111111111111111111111111111111111111111111111111111111\"}}"}) {
    auto r = Verify(text, options);
    CHECK_FALSE(r.verified);
    CHECK_FALSE(r.malformed_input);
    CHECK_FALSE(r.errors.empty());
  }
}

}  // namespace
}  // namespace passerelle
