// Tests for formats/data_integrity.h: eddsa-jcs-2022 vectors step by step,
// proof parsing and proof-chain document assembly.
#include "formats/data_integrity.h"

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "formats/digest.h"
#include "formats/jcs.h"
#include "formats/json.h"
#include "formats/multibase.h"
#include "tests/testing/paths.h"

namespace passerelle {
namespace {

using nlohmann::json;
using testing::ReadFile;
using testing::VectorsDir;

json Load(const std::filesystem::path& p) {
  auto r = ParseJson(ReadFile(p));
  REQUIRE(r.ok());
  return *r;
}

TEST_CASE("eddsa-jcs-2022: every step of the spec vectors, byte-exact", "[di][vectors]") {
  const auto dir = VectorsDir() / "vc-di-eddsa" / "TestVectors";
  const auto jcs = dir / "eddsa-jcs-2022";
  json unsigned_doc = Load(dir / "unsigned.json");
  json proof_config = Load(jcs / "proofConfigJCS.json");

  auto canon_doc = CanonicalDocument(unsigned_doc, Cryptosuite::kEddsaJcs2022);
  REQUIRE(canon_doc.ok());
  CHECK(*canon_doc == ReadFile(jcs / "canonDocJCS.txt"));
  CHECK(Sha256Hex(*canon_doc) == ReadFile(jcs / "docHashJCS.txt"));

  auto canon_proof = CanonicalDocument(proof_config, Cryptosuite::kEddsaJcs2022);
  REQUIRE(canon_proof.ok());
  CHECK(*canon_proof == ReadFile(jcs / "proofCanonJCS.txt"));
  CHECK(Sha256Hex(*canon_proof) == ReadFile(jcs / "proofHashJCS.txt"));

  auto hash_data = HashDataForProof(unsigned_doc, proof_config, Cryptosuite::kEddsaJcs2022);
  REQUIRE(hash_data.ok());
  CHECK(HexEncode(*hash_data) == ReadFile(jcs / "combinedHashJCS.txt"));

  // The signature value of the vector encodes as its proofValue.
  auto sig = HexDecode(ReadFile(jcs / "sigHexJCS.txt"));
  REQUIRE(sig.ok());
  CHECK(EncodeMultibase(Multibase::kBase58Btc, *sig) == ReadFile(jcs / "sigBTC58JCS.txt"));
}

TEST_CASE("eddsa-jcs-2022: the proof configuration hashed is the proof without proofValue, as it is", "[di]") {
  // vc-di-eddsa §3.3.5: the proof options are canonicalised as they are. The
  // document's @context reaches them only through the signer (§3.3.1 step 2
  // copies it into the proof); a verifier never adds it. The configuration is
  // canonicalised without building it: check against the definition for
  // member names that sort before and after "@context", need escaping, or are
  // not ASCII.
  json doc = {{"@context", {"https://www.w3.org/ns/credentials/v2", "https://w3id.org/passerelle/v1"}},
              {"type", "VerifiableCredential"}, {"issuer", "did:example:i"}};
  const std::vector<std::string> extra_names = {"!early", "0", "?q", "AAA", "zz", "a\"quote", "tab\tname",
                                                "caf\xC3\xA9", "\xEF\xAC\xB3", "@id"};
  for (const auto& extra : extra_names) {
    for (bool proof_has_context : {false, true}) {
      json proof = {{"type", "DataIntegrityProof"}, {"cryptosuite", "eddsa-jcs-2022"},
                    {"created", "2026-06-24T10:00:00Z"}, {"proofPurpose", "assertionMethod"},
                    {"verificationMethod", "did:example:i#k"}, {"proofValue", "z111"}, {extra, {1, "x\u00e9"}}};
      if (proof_has_context) proof["@context"] = doc["@context"];
      json expected_config = proof;
      expected_config.erase("proofValue");
      auto hash = HashDataForProof(doc, proof, Cryptosuite::kEddsaJcs2022);
      REQUIRE(hash.ok());
      CHECK(*hash == Sha256(CanonicalizeJson(expected_config).value()) + Sha256(CanonicalizeJson(doc).value()));
      CanonicalForms forms;
      REQUIRE(HashDataForProof(doc, proof, Cryptosuite::kEddsaJcs2022, &forms).ok());
      CHECK(forms.config == CanonicalizeJson(expected_config).value());
    }
  }
  // A proof member that cannot be canonicalised is an error, not a skip.
  json proof = {{"type", "DataIntegrityProof"}, {"proofValue", "z1"}, {"bad", std::string("\xC3\x28")}};
  CHECK(HashDataForProof(doc, proof, Cryptosuite::kEddsaJcs2022).status().code() == Code::kMalformed);
}

TEST_CASE("eddsa-rdfc-2022: the proof configuration takes the document's @context, whatever the proof's", "[di]") {
  // vc-di-eddsa §3.2.5 step 4.
  json doc = {{"@context", {"https://www.w3.org/ns/credentials/v2"}},
              {"type", "VerifiableCredential"},
              {"issuer", "did:example:i"}};
  json proof = {{"type", "DataIntegrityProof"}, {"cryptosuite", "eddsa-rdfc-2022"},
                {"created", "2026-06-24T10:00:00Z"}, {"proofPurpose", "assertionMethod"},
                {"verificationMethod", "did:example:i#k"}, {"proofValue", "z111"}};
  CanonicalForms bare, with_own;
  REQUIRE(HashDataForProof(doc, proof, Cryptosuite::kEddsaRdfc2022, &bare).ok());
  proof["@context"] = "https://w3id.org/security/data-integrity/v2";
  REQUIRE(HashDataForProof(doc, proof, Cryptosuite::kEddsaRdfc2022, &with_own).ok());
  CHECK(bare.config == with_own.config);
  CHECK_THAT(bare.config, Catch::Contains("<https://w3id.org/security#proofPurpose>"));
}

TEST_CASE("eddsa-jcs-2022: the signed vector's unsecured document and config rebuild the hash", "[di][vectors]") {
  const auto dir = VectorsDir() / "vc-di-eddsa" / "TestVectors" / "eddsa-jcs-2022";
  json secured = Load(dir / "signedJCS.json");
  json proof = ProofsOf(secured)[0];
  auto parsed = ParseDataIntegrityProof(proof, "/proof");
  REQUIRE(parsed.ok());
  CHECK(parsed->suite == Cryptosuite::kEddsaJcs2022);
  CHECK(parsed->signature.size() == 64);
  auto unsecured = UnsecuredDocumentForProof(secured, proof);
  REQUIRE(unsecured.ok());
  auto hash = HashDataForProof(*unsecured, ProofConfigFromProof(proof), parsed->suite);
  REQUIRE(hash.ok());
  CHECK(HexEncode(*hash) == ReadFile(dir / "combinedHashJCS.txt"));
}

TEST_CASE("data integrity: proof shapes are checked", "[di]") {
  json good = {{"type", "DataIntegrityProof"},
               {"cryptosuite", "eddsa-jcs-2022"},
               {"verificationMethod", "did:key:z6Mk#z6Mk"},
               {"proofPurpose", "assertionMethod"},
               {"created", "2023-02-24T23:36:38Z"},
               {"proofValue", "z" + EncodeBase58(std::string(64, '\x01'))}};
  REQUIRE(ParseDataIntegrityProof(good, "/proof").ok());

  auto with = [&](const char* key, json value) {
    json p = good;
    if (value.is_null()) p.erase(key);
    else p[key] = value;
    return ParseDataIntegrityProof(p, "/proof").status();
  };
  CHECK(with("type", "BbsBlsSignature2020").code() == Code::kUnsupported);
  CHECK(with("type", "Ed25519Signature2020").code() == Code::kMalformed);  // legacy proofs have no cryptosuite
  CHECK(with("cryptosuite", "ecdsa-rdfc-2019").code() == Code::kUnsupported);
  CHECK(with("cryptosuite", nullptr).code() == Code::kUnsupported);
  CHECK(with("verificationMethod", nullptr).code() == Code::kMalformed);
  CHECK(with("proofPurpose", nullptr).code() == Code::kMalformed);
  CHECK(with("created", "yesterday").code() == Code::kMalformed);
  CHECK(with("proofValue", "u" + EncodeBase64Url(std::string(64, 'a'))).code() == Code::kMalformed);
  CHECK(with("proofValue", "z" + EncodeBase58(std::string(63, 'a'))).code() == Code::kMalformed);
  CHECK(with("proofValue", "z0OIl").code() == Code::kMalformed);
  CHECK(with("previousProof", 5).code() == Code::kMalformed);
  CHECK(ParseDataIntegrityProof("not an object", "/proof").status().code() == Code::kMalformed);
}

TEST_CASE("data integrity: previousProof pulls in only the named proofs", "[di]") {
  json doc = {{"@context", {"https://www.w3.org/ns/credentials/v2"}},
              {"proof", {{{"id", "urn:p1"}, {"type", "DataIntegrityProof"}},
                         {{"id", "urn:p2"}, {"type", "DataIntegrityProof"}},
                         {{"type", "DataIntegrityProof"}, {"previousProof", "urn:p2"}}}}};
  auto u = UnsecuredDocumentForProof(doc, doc["proof"][2]);
  REQUIRE(u.ok());
  REQUIRE((*u)["proof"].size() == 1);
  CHECK((*u)["proof"][0]["id"] == "urn:p2");
  json dangling = {{"type", "DataIntegrityProof"}, {"previousProof", "urn:nope"}};
  CHECK(UnsecuredDocumentForProof(doc, dangling).status().code() == Code::kVerificationFailed);
}

TEST_CASE("data integrity: an eddsa-jcs-2022 proof @context must prefix the document's", "[di]") {
  // vc-di-eddsa §3.3.2 step 4; eddsa-rdfc-2022 has no such step.
  json doc = {{"@context", {"https://www.w3.org/ns/credentials/v2", "https://w3id.org/passerelle/v1"}}};
  json ok_proof = {{"cryptosuite", "eddsa-jcs-2022"}, {"@context", {"https://www.w3.org/ns/credentials/v2"}}};
  auto u = UnsecuredDocumentForProof(doc, ok_proof);
  REQUIRE(u.ok());
  CHECK((*u)["@context"] == json::array({"https://www.w3.org/ns/credentials/v2"}));
  json swapped = {{"cryptosuite", "eddsa-jcs-2022"},
                  {"@context", {"https://w3id.org/passerelle/v1", "https://www.w3.org/ns/credentials/v2"}}};
  CHECK(UnsecuredDocumentForProof(doc, swapped).status().code() == Code::kVerificationFailed);
  // The same proofs in eddsa-rdfc-2022 leave the document as it is.
  for (json proof : {ok_proof, swapped}) {
    proof["cryptosuite"] = "eddsa-rdfc-2022";
    auto kept = UnsecuredDocumentForProof(doc, proof);
    REQUIRE(kept.ok());
    CHECK((*kept)["@context"] == doc["@context"]);
  }
}

}  // namespace
}  // namespace passerelle
