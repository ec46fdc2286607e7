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

}  // namespace
}  // namespace passerelle::jsonld
