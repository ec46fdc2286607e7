// verifier/sync/did_web: where a did:web document lives (did:web §3.2), and
// the DID documents kept in the verifier's cache.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "keys/did_key.h"
#include "keys/signing_key.h"
#include "tests/testing/temp_dir.h"
#include "verifier/sync/did_web.h"

namespace passerelle {
namespace {

TEST_CASE("did:web: document URLs, ports and paths", "[verifier][didweb]") {
  CHECK(DidWebDocumentUrl("did:web:example.com").value() == "https://example.com/.well-known/did.json");
  CHECK(DidWebDocumentUrl("did:web:example.com:u:alice").value() == "https://example.com/u/alice/did.json");
  CHECK(DidWebDocumentUrl("did:web:example.com%3A8443").value() == "https://example.com:8443/.well-known/did.json");
  // Only a loopback host may be fetched over plain http.
  CHECK(DidWebDocumentUrl("did:web:127.0.0.1%3A8080", "http").value() == "http://127.0.0.1:8080/.well-known/did.json");
  CHECK(DidWebDocumentUrl("did:web:example.com", "http").value() == "https://example.com/.well-known/did.json");
}

TEST_CASE("did:web: what a host cannot hold is refused", "[verifier][didweb]") {
  for (const char* bad : {"did:key:z6Mk", "did:web:", "did:web:exa mple.com", "did:web:example.com/../x",
                          "did:web:example.com?x=1", "did:web:example.com#frag", "did:web:ex\x01" "ample.com"}) {
    INFO(bad);
    auto r = DidWebDocumentUrl(bad);
    CHECK_FALSE(r.ok());
  }
  CHECK_FALSE(DidWebDocumentUrl("did:web:" + std::string(500, 'a') + ".example").ok());
}

TEST_CASE("did:web: cached documents come back, explicit ones win", "[verifier][didweb]") {
  testing::TempDir tmp;
  auto key = Ed25519SigningKey::Generate().value();
  const std::string did = "did:web:centre.example";
  nlohmann::json doc = {{"@context", {"https://www.w3.org/ns/did/v1"}},
                        {"id", did},
                        {"verificationMethod",
                         {{{"id", did + "#key-1"},
                           {"type", "Multikey"},
                           {"controller", did},
                           {"publicKeyMultibase", key.public_key().ToMultibase()}}}},
                        {"assertionMethod", {did + "#key-1"}}};
  REQUIRE(StoreCachedDidDocument(tmp.path(), doc).ok());
  DidResolver resolver;
  REQUIRE(LoadCachedDidDocuments(tmp.path(), resolver).ok());
  auto resolved = resolver.Resolve(did);
  REQUIRE(resolved.ok());
  REQUIRE(resolved->methods.size() == 1);
  CHECK(resolved->methods[0].id == did + "#key-1");

  DidResolver empty;
  CHECK(LoadCachedDidDocuments(tmp.path() / "absent", empty).ok());  // no folder: nothing added
  CHECK_FALSE(empty.Resolve(did).ok());
}

}  // namespace
}  // namespace passerelle
