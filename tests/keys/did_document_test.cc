// Tests for keys/did_document.h: DID documents, the resolver and verification-method resolution.
#include "keys/did_document.h"

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "keys/did_key.h"
#include "keys/signing_key.h"

namespace passerelle {
namespace {

using nlohmann::json;

constexpr const char* kVectorDid = "did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2";

TEST_CASE("did:key: only the key's own method URL resolves, for both purposes", "[keys][did]") {
  DidResolver resolver;
  const std::string did = kVectorDid;
  const std::string method = did + "#" + did.substr(8);
  for (const char* purpose : {"assertionMethod", "authentication"}) {
    auto m = ResolveVerificationMethod(resolver, method, purpose);
    REQUIRE(m.ok());
    CHECK(m->method.id == method);
    CHECK(m->method.controller == did);
    CHECK(m->method.key == ParseDidKey(did).value());
  }
  CHECK(ResolveVerificationMethod(resolver, method, "capabilityInvocation").status().code() ==
        Code::kVerificationFailed);
  const std::string other = "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK";
  for (const std::string& wrong : {did, did + "#", did + "#key-1", did + "#" + other.substr(8),
                                   did + "#" + did.substr(8) + "x", did + "?x#" + did.substr(8)})
    CHECK(ResolveVerificationMethod(resolver, wrong, "assertionMethod").status().code() ==
          Code::kVerificationFailed);
  CHECK_FALSE(ResolveVerificationMethod(resolver, "did:key:z6MkBAD#z6MkBAD", "assertionMethod").ok());
}

TEST_CASE("did documents: relationships decide what a key may do", "[keys][did]") {
  auto a = Ed25519SigningKey::Generate().value();
  auto b = Ed25519SigningKey::Generate().value();
  json doc = {{"@context", {"https://www.w3.org/ns/did/v1"}},
              {"id", "did:web:uni.example"},
              {"verificationMethod",
               {{{"id", "#key-1"}, {"type", "Multikey"}, {"controller", "did:web:uni.example"},
                 {"publicKeyMultibase", a.public_key().ToMultibase()}},
                {{"id", "did:web:uni.example#key-2"}, {"type", "Multikey"},
                 {"controller", "did:web:uni.example"}, {"publicKeyMultibase", b.public_key().ToMultibase()}}}},
              {"assertionMethod", {"#key-1"}},
              {"authentication", {"did:web:uni.example#key-2"}}};
  auto parsed = ParseDidDocument(doc);
  REQUIRE(parsed.ok());
  DidResolver resolver;
  resolver.Add(*parsed);
  auto m = ResolveVerificationMethod(resolver, "did:web:uni.example#key-1", "assertionMethod");
  REQUIRE(m.ok());
  CHECK(m->method.key == a.public_key());
  CHECK(ResolveVerificationMethod(resolver, "did:web:uni.example#key-2", "assertionMethod").status().code() ==
        Code::kVerificationFailed);
  CHECK(ResolveVerificationMethod(resolver, "did:web:uni.example#key-9", "assertionMethod").status().code() ==
        Code::kVerificationFailed);
  CHECK(ResolveVerificationMethod(resolver, "did:web:other.example#key-1", "assertionMethod").status().code() ==
        Code::kNotFound);
  // Round trip through JSON.
  auto again = ParseDidDocument(DidDocumentToJson(*parsed));
  REQUIRE(again.ok());
  CHECK(again->assertion_method == parsed->assertion_method);
}

TEST_CASE("did resolver: copies share documents, and adding to one leaves the others alone", "[keys][did]") {
  auto key = Ed25519SigningKey::Generate().value();
  DidDocument doc;
  doc.id = "did:web:a.example";
  doc.methods.push_back({"did:web:a.example#k", doc.id, key.public_key(), std::nullopt, std::nullopt});
  doc.assertion_method = {"did:web:a.example#k"};
  DidResolver original;
  original.Add(doc);
  DidResolver copy = original;
  DidDocument other = doc;
  other.id = "did:web:b.example";
  copy.Add(other);
  CHECK(copy.Resolve("did:web:a.example").ok());
  CHECK(copy.Resolve("did:web:b.example").ok());
  CHECK(original.Resolve("did:web:a.example").ok());
  CHECK(original.Resolve("did:web:b.example").status().code() == Code::kNotFound);
}

}  // namespace
}  // namespace passerelle
