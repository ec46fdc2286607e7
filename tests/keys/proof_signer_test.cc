// Tests for keys/proof_signer.h against the eddsa-jcs-2022 spec vectors.
#include "keys/proof_signer.h"

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "formats/json.h"
#include "formats/multibase.h"
#include "tests/testing/paths.h"

namespace passerelle {
namespace {

using nlohmann::json;

TEST_CASE("eddsa-jcs-2022: signing the spec's unsigned credential reproduces the signed vector", "[keys][di][vectors]") {
  const auto dir = testing::VectorsDir() / "vc-di-eddsa" / "TestVectors";
  auto key_pair = ParseJson(testing::ReadFile(dir / "keyPair.json")).value();
  auto key = Ed25519SigningKey::FromMultibase(key_pair["privateKeyMultibase"].get<std::string>());
  REQUIRE(key.ok());
  CHECK(key->public_key().ToMultibase() == key_pair["publicKeyMultibase"]);
  auto unsigned_doc = ParseJson(testing::ReadFile(dir / "unsigned.json")).value();
  ProofOptions options;
  options.suite = Cryptosuite::kEddsaJcs2022;
  options.verification_method = key_pair["publicKeyMultibase"].get<std::string>();
  options.verification_method = "did:key:" + options.verification_method + "#" + options.verification_method;
  options.created = ParseDateTime("2023-02-24T23:36:38Z").value();
  auto signed_doc = AddProof(unsigned_doc, *key, options);
  REQUIRE(signed_doc.ok());
  auto expected = ParseJson(testing::ReadFile(dir / "eddsa-jcs-2022" / "signedJCS.json")).value();
  CHECK((*signed_doc)["proof"]["proofValue"] == testing::ReadFile(dir / "eddsa-jcs-2022" / "sigBTC58JCS.txt"));
  CHECK(*signed_doc == expected);
}

}  // namespace
}  // namespace passerelle
