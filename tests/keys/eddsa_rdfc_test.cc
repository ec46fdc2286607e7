// eddsa-rdfc-2022 against the spec vectors: every step byte-exact for both
// inputs, signing reproduces the signed documents, and the proof-set and
// proof-chain vectors verify proof by proof.
#include <catch2/catch.hpp>

#include <iostream>

#include <nlohmann/json.hpp>

#include "formats/data_integrity.h"
#include "formats/digest.h"
#include "formats/json.h"
#include "formats/multibase.h"
#include "keys/did_key.h"
#include "keys/proof_signer.h"
#include "tests/testing/paths.h"

namespace passerelle {
namespace {

using nlohmann::json;
using testing::ReadFile;

json Load(const std::filesystem::path& p) {
  auto r = ParseJson(ReadFile(p));
  REQUIRE(r.ok());
  return *r;
}

std::filesystem::path Vectors() { return testing::VectorsDir() / "vc-di-eddsa" / "TestVectors"; }

TEST_CASE("eddsa-rdfc-2022: both spec inputs, every step byte-exact", "[rdfc-suite][vectors]") {
  struct Input {
    const char* name;
    const char* unsigned_file;
    std::filesystem::path dir;
  };
  auto key_pair = Load(Vectors() / "keyPair.json");
  auto key = Ed25519SigningKey::FromMultibase(key_pair["privateKeyMultibase"].get<std::string>()).value();
  int ran = 0;
  for (const Input& in : {Input{"alumni", "unsigned.json", Vectors() / "eddsa-rdfc-2022"},
                          Input{"employment", "employmentAuth.json", Vectors() / "eddsa-rdfc-2022" / "employ"}}) {
    DYNAMIC_SECTION(in.name) {
      json doc = Load(Vectors() / in.unsigned_file);
      json config = Load(in.dir / "proofConfigDataInt.json");
      auto canon = CanonicalDocument(doc, Cryptosuite::kEddsaRdfc2022);
      REQUIRE(canon.ok());
      CHECK(*canon == ReadFile(in.dir / "canonDocDataInt.txt"));
      CHECK(Sha256Hex(*canon) == ReadFile(in.dir / "docHashDataInt.txt"));
      json config_with_context = config;
      config_with_context["@context"] = doc["@context"];
      auto proof_canon = CanonicalDocument(config_with_context, Cryptosuite::kEddsaRdfc2022);
      REQUIRE(proof_canon.ok());
      CHECK(*proof_canon == ReadFile(in.dir / "proofCanonDataInt.txt"));
      CHECK(Sha256Hex(*proof_canon) == ReadFile(in.dir / "proofHashDataInt.txt"));
      auto hash = HashDataForProof(doc, config, Cryptosuite::kEddsaRdfc2022);
      REQUIRE(hash.ok());
      CHECK(HexEncode(*hash) == ReadFile(in.dir / "combinedHashDataInt.txt"));
      std::string sig = key.Sign(*hash);
      CHECK(HexEncode(sig) == ReadFile(in.dir / "sigHexDataInt.txt"));
      CHECK(EncodeMultibase(Multibase::kBase58Btc, sig) == ReadFile(in.dir / "sigBTC58DataInt.txt"));
      // The signed vector verifies.
      json signed_doc = Load(in.dir / "signedDataInt.json");
      json proof = ProofsOf(signed_doc)[0];
      auto parsed = ParseDataIntegrityProof(proof, "/proof");
      REQUIRE(parsed.ok());
      auto unsecured = UnsecuredDocumentForProof(signed_doc, proof);
      REQUIRE(unsecured.ok());
      auto h = HashDataForProof(*unsecured, ProofConfigFromProof(proof), parsed->suite);
      REQUIRE(h.ok());
      CHECK(key.public_key().Verify(*h, parsed->signature));
    }
    ++ran;
  }
  CHECK(ran == 2);
}

TEST_CASE("eddsa-rdfc-2022: proof sets and proof chains from the spec verify", "[rdfc-suite][vectors]") {
  const auto dir = Vectors() / "proof-set-chain";
  int proofs_checked = 0;
  for (const char* file : {"signedProofSet1.json", "signedProofSet2.json", "signedProofChain1.json",
                           "signedProofChain2.json"}) {
    {
      INFO(file);
      json doc = Load(dir / file);
      json proofs = ProofsOf(doc);
      REQUIRE_FALSE(proofs.empty());
      for (std::size_t i = 0; i < proofs.size(); ++i) {
        auto parsed = ParseDataIntegrityProof(proofs[i], "/proof/" + std::to_string(i));
        REQUIRE(parsed.ok());
        auto key = ParseDidKey(parsed->verification_method.substr(0, parsed->verification_method.find('#')));
        REQUIRE(key.ok());
        auto unsecured = UnsecuredDocumentForProof(doc, proofs[i]);
        REQUIRE(unsecured.ok());
        auto h = HashDataForProof(*unsecured, ProofConfigFromProof(proofs[i]), parsed->suite);
        REQUIRE(h.ok());
        INFO("proof " << i);
        CHECK(key->Verify(*h, parsed->signature));
        ++proofs_checked;
        // Tampering the chain reference breaks it.
        if (!parsed->previous_proof.empty()) {
          json broken = proofs[i];
          broken["previousProof"] = "urn:uuid:00000000-0000-0000-0000-000000000000";
          CHECK(UnsecuredDocumentForProof(doc, broken).status().code() == Code::kVerificationFailed);
        }
      }
    }
  }
  std::cout << "proof-set-chain: " << proofs_checked << " proofs verified\n";
}

TEST_CASE("eddsa-rdfc-2022: signing the spec input reproduces the signed vector", "[rdfc-suite][vectors]") {
  auto key_pair = Load(Vectors() / "keyPair.json");
  auto key = Ed25519SigningKey::FromMultibase(key_pair["privateKeyMultibase"].get<std::string>()).value();
  json config = Load(Vectors() / "eddsa-rdfc-2022" / "proofConfigDataInt.json");
  ProofOptions o;
  o.suite = Cryptosuite::kEddsaRdfc2022;
  o.verification_method = config["verificationMethod"];
  o.created = ParseDateTime(config["created"].get<std::string>()).value();
  auto signed_doc = AddProof(Load(Vectors() / "unsigned.json"), key, o);
  REQUIRE(signed_doc.ok());
  CHECK((*signed_doc)["proof"]["proofValue"] == ReadFile(Vectors() / "eddsa-rdfc-2022" / "sigBTC58DataInt.txt"));
}

TEST_CASE("eddsa-rdfc-2022: safe mode refuses what would be dropped from the signature", "[rdfc-suite]") {
  json v1 = {{"@context", {"https://www.w3.org/2018/credentials/v1"}},
             {"type", {"VerifiableCredential"}},
             {"issuer", "did:example:issuer"},
             {"issuanceDate", "2020-01-01T00:00:00Z"},
             {"credentialSubject", {{"id", "did:example:s"}, {"undefinedTerm", "dropped"}}}};
  auto r = CanonicalDocument(v1, Cryptosuite::kEddsaRdfc2022);
  CHECK_FALSE(r.ok());
  json bad_type = v1;
  bad_type["credentialSubject"].erase("undefinedTerm");
  bad_type["type"] = {"VerifiableCredential", "InvalidType"};
  CHECK_FALSE(CanonicalDocument(bad_type, Cryptosuite::kEddsaRdfc2022).ok());
  json unknown_context = v1;
  unknown_context["@context"] = {"https://www.w3.org/2018/credentials/v1", "https://evil.example/ctx"};
  auto u = CanonicalDocument(unknown_context, Cryptosuite::kEddsaRdfc2022);
  CHECK_FALSE(u.ok());
  CHECK_THAT(u.status().message(), Catch::Contains("https://evil.example/ctx"));
}

}  // namespace
}  // namespace passerelle

namespace passerelle {
namespace {

TEST_CASE("Ed25519Signature2020 (legacy, verify-only): the spec vectors, step by step", "[rdfc-suite][vectors]") {
  const auto dir = Vectors() / "Ed25519Signature2020";
  auto key_pair = Load(Vectors() / "keyPair.json");
  auto key = Ed25519SigningKey::FromMultibase(key_pair["privateKeyMultibase"].get<std::string>()).value();
  json signed_doc = Load(dir / "signedEdSig.json");
  json proof = ProofsOf(signed_doc)[0];
  auto parsed = ParseDataIntegrityProof(proof, "/proof");
  REQUIRE(parsed.ok());
  CHECK(parsed->suite == Cryptosuite::kEd25519Signature2020);
  auto unsecured = UnsecuredDocumentForProof(signed_doc, proof);
  REQUIRE(unsecured.ok());
  auto canon = CanonicalDocument(*unsecured, parsed->suite);
  REQUIRE(canon.ok());
  CHECK(*canon == ReadFile(dir / "canonDocEdSig.txt"));
  auto hash = HashDataForProof(*unsecured, ProofConfigFromProof(proof), parsed->suite);
  REQUIRE(hash.ok());
  CHECK(HexEncode(*hash) == ReadFile(dir / "combinedHashEdSig.txt"));
  CHECK(key.public_key().Verify(*hash, parsed->signature));
  CHECK(HexEncode(key.Sign(*hash)) == ReadFile(dir / "sigHexEdSig.txt"));
  // A cryptosuite member on an Ed25519Signature2020 proof is refused.
  json odd = proof;
  odd["cryptosuite"] = "eddsa-rdfc-2022";
  CHECK_FALSE(ParseDataIntegrityProof(odd, "/proof").ok());
}

}  // namespace
}  // namespace passerelle
