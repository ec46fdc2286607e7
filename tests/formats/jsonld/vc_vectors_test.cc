// Passerelle tests — JSON-LD to RDF over the bundled contexts reproduces the
// canonical N-Quads of the W3C vc-di-eddsa test vectors (safe mode on, as
// when signing and verifying).
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "formats/jsonld/to_rdf.h"
#include "formats/rdf/canonicalize.h"
#include "tests/testing/paths.h"

namespace passerelle::jsonld {
namespace {

using nlohmann::json;

std::string CanonicalOf(const std::string& input_file) {
  auto dir = passerelle::testing::VectorsDir() / "vc-di-eddsa" / "TestVectors";
  json input = json::parse(passerelle::testing::ReadFile(dir / input_file));
  JsonLdOptions options;
  options.safe_mode = true;
  auto dataset = ToRdf(input, options);
  REQUIRE(dataset.ok());
  auto canonical = rdf::Canonicalize(*dataset);
  REQUIRE(canonical.ok());
  return canonical->nquads;
}

std::string Expected(const std::string& file) {
  return passerelle::testing::ReadFile(passerelle::testing::VectorsDir() / "vc-di-eddsa" /
                                       "TestVectors" / file);
}

TEST_CASE("vc-di-eddsa documents canonicalise as in the spec", "[jsonld]") {
  CHECK(CanonicalOf("unsigned.json") == Expected("eddsa-rdfc-2022/canonDocDataInt.txt"));
  CHECK(CanonicalOf("employmentAuth.json") ==
        Expected("eddsa-rdfc-2022/employ/canonDocDataInt.txt"));
  CHECK(CanonicalOf("unsigned.json") == Expected("Ed25519Signature2020/canonDocEdSig.txt"));
}

TEST_CASE("vc-di-eddsa proof configurations canonicalise as in the spec", "[jsonld]") {
  CHECK(CanonicalOf("eddsa-rdfc-2022/proofConfigDataInt.json") ==
        Expected("eddsa-rdfc-2022/proofCanonDataInt.txt"));
  CHECK(CanonicalOf("eddsa-rdfc-2022/employ/proofConfigDataInt.json") ==
        Expected("eddsa-rdfc-2022/employ/proofCanonDataInt.txt"));
  CHECK(CanonicalOf("Ed25519Signature2020/proofConfigEdSig.json") ==
        Expected("Ed25519Signature2020/proofCanonEdSig.txt"));
}

// 1EdTech's Open Badges 3.0 and CLR 2.0 canonicalisation vectors: the
// signed credential shown in the spec, without its proof, must give
// document-canon.txt; the proof options with the document's @context,
// proof-canon.txt.
TEST_CASE("1EdTech OB 3.0 and CLR 2.0 documents canonicalise as published", "[jsonld]") {
  auto dir = passerelle::testing::VectorsDir() / "third-party" / "1edtech-ob-spec";
  for (std::string name : {"obv3p0", "clrv2p0"}) {
    INFO(name);
    json signed_doc = json::parse(
        passerelle::testing::ReadFile(dir / "extracted" / (name + "-signed.json")));
    json proof = signed_doc["proof"];
    signed_doc.erase("proof");
    if (proof.is_array()) proof = proof[0];
    proof.erase("proofValue");
    proof["@context"] = signed_doc["@context"];
    JsonLdOptions options;
    options.safe_mode = true;
    for (const auto& [doc, file] : {std::pair{signed_doc, "document-canon.txt"},
                                    std::pair{proof, "proof-canon.txt"}}) {
      INFO(file);
      auto dataset = ToRdf(doc, options);
      REQUIRE(dataset.ok());
      auto canonical = rdf::Canonicalize(*dataset);
      REQUIRE(canonical.ok());
      CHECK(canonical->nquads ==
            passerelle::testing::ReadFile(dir / "impl" / "test-vectors" / name / file));
    }
  }
}

}  // namespace
}  // namespace passerelle::jsonld
