// Tests for keys/did_key.h: did:key derivation and parsing for Ed25519.
#include "keys/did_key.h"

#include <catch2/catch.hpp>

#include "keys/signing_key.h"

namespace passerelle {
namespace {

constexpr const char* kVectorDid = "did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2";

TEST_CASE("did:key: the spec vector key round-trips through its DID", "[keys][did]") {
  auto key = Ed25519SigningKey::FromMultibase("z3u2en7t5LR2WtQH5PfFqMqwVHBeXouLzo6haApm8XHqvjxq");
  REQUIRE(key.ok());
  CHECK(DidKeyFor(key->public_key()) == kVectorDid);
  CHECK(DidKeyVerificationMethod(key->public_key()) ==
        std::string(kVectorDid) + "#z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2");
  auto parsed = ParseDidKey(kVectorDid);
  REQUIRE(parsed.ok());
  CHECK(*parsed == key->public_key());
}

TEST_CASE("did:key: malformed and foreign keys are refused", "[keys][did]") {
  CHECK_FALSE(ParseDidKey("did:web:example.org").ok());
  CHECK(ParseDidKey("did:key:zDnaerx9Cp5X2chPZ8n3wK1Ww5XbHdCLX5sDpuGyt9ex2dxtq").status().code() == Code::kUnsupported);
  CHECK_FALSE(ParseDidKey("did:key:z6Mk").ok());
  CHECK_FALSE(ParseDidKey("did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ3").ok());
  // The identity point (small order) is not a usable public key.
  CHECK(Ed25519PublicKey::FromBytes(std::string("\x01", 1) + std::string(31, '\0')).status().code() == Code::kMalformed);
}

}  // namespace
}  // namespace passerelle
