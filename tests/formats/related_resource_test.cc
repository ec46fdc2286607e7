// formats/related_resource: relatedResource digests (VC Data Model 2.0 §5.3)
// checked against the resources Passerelle bundles.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "formats/digest.h"
#include "formats/jsonld/document_loader.h"
#include "formats/multibase.h"
#include "formats/related_resource.h"

namespace passerelle {
namespace {

using nlohmann::json;

constexpr const char* kV2 = "https://www.w3.org/ns/credentials/v2";

std::string V2Bytes() { return std::string(jsonld::BundledDocumentBytes(kV2).value()); }

json With(json resources) { return {{"relatedResource", std::move(resources)}}; }

TEST_CASE("related resources: matching SRI and multibase digests of a bundled context", "[formats][related]") {
  const std::string bytes = V2Bytes();
  const std::string sri = "sha384-" + EncodeBase64(Sha384(bytes));
  const std::string multihash = std::string("\x12\x20", 2) + Sha256(bytes);
  json vc = With({{{"id", kV2}, {"digestSRI", sri}, {"digestMultibase", EncodeMultibase(Multibase::kBase58Btc, multihash)}}});
  auto r = CheckRelatedResourceDigests(vc);
  REQUIRE(r.ok());
  CHECK(r->checked == std::vector<std::string>{kV2});
  CHECK(r->unchecked.empty());
  // A bare SHA-256, as the VC 2.0 examples write it; several SRI tokens, the strongest decides.
  json bare = With({{{"id", kV2},
                     {"digestMultibase", EncodeMultibase(Multibase::kBase64Url, Sha256(bytes))},
                     {"digestSRI", "sha256-AAAA " + std::string("sha512-") + EncodeBase64(Sha512(bytes))}}});
  CHECK(CheckRelatedResourceDigests(bare).ok());
}

TEST_CASE("related resources: a digest that does not match is refused, naming it", "[formats][related]") {
  const std::string bytes = V2Bytes() + " ";
  auto sri = CheckRelatedResourceDigests(With({{{"id", kV2}, {"digestSRI", "sha384-" + EncodeBase64(Sha384(bytes))}}}), "");
  REQUIRE_FALSE(sri.ok());
  CHECK(sri.status().code() == Code::kInvalidCredential);
  CHECK(sri.status().pointer() == "/relatedResource/0/digestSRI");
  auto mb = CheckRelatedResourceDigests(
      With(json{{"id", kV2}, {"digestMultibase", EncodeMultibase(Multibase::kBase58Btc, Sha256(bytes))}}), "/vc");
  REQUIRE_FALSE(mb.ok());
  CHECK(mb.status().pointer() == "/vc/relatedResource/digestMultibase");
}

TEST_CASE("related resources: ids once, malformed digests refused, the rest listed unchecked", "[formats][related]") {
  auto twice = CheckRelatedResourceDigests(With({{{"id", "https://a.example/x"}, {"digestSRI", "sha256-AA"}},
                                                 {{"id", "https://a.example/x"}, {"digestSRI", "sha256-BB"}}}));
  REQUIRE_FALSE(twice.ok());
  CHECK(twice.status().pointer() == "/relatedResource/1/id");

  CHECK_FALSE(CheckRelatedResourceDigests(With({{{"id", kV2}, {"digestSRI", "nodash"}}})).ok());
  CHECK_FALSE(CheckRelatedResourceDigests(With({{{"id", kV2}, {"digestMultibase", "!notmultibase"}}})).ok());
  CHECK_FALSE(CheckRelatedResourceDigests(With({{{"id", kV2}, {"digestMultibase", "z1"}}})).ok());

  auto other = CheckRelatedResourceDigests(
      With({{{"id", "https://a.example/x"}, {"digestSRI", "sha384-AA"}},
            {{"id", kV2}, {"digestSRI", "md5-AAAA"}}}));  // an algorithm SRI does not define
  REQUIRE(other.ok());
  CHECK(other->checked.empty());
  CHECK(other->unchecked == std::vector<std::string>{"https://a.example/x", kV2});
  CHECK(CheckRelatedResourceDigests(json::object())->checked.empty());
}

}  // namespace
}  // namespace passerelle
