// Tests for keys/public_key.h: Ed25519 public keys, their Multikey form and Verify.
#include "keys/public_key.h"

#include <catch2/catch.hpp>

#include <string>

#include "keys/signing_key.h"

namespace passerelle {
namespace {

std::string FromHex(std::string_view hex) {
  std::string out;
  for (std::size_t i = 0; i + 1 < hex.size(); i += 2)
    out.push_back(static_cast<char>(std::stoi(std::string(hex.substr(i, 2)), nullptr, 16)));
  return out;
}

// RFC 8032 section 7.1, TEST 1 (empty message).
const std::string kRfcPublic = FromHex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
const std::string kRfcSignature = FromHex(
    "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");

TEST_CASE("public key: the RFC 8032 vector verifies and a changed byte does not", "[keys]") {
  auto key = Ed25519PublicKey::FromBytes(kRfcPublic);
  REQUIRE(key.ok());
  CHECK(key->bytes() == kRfcPublic);
  CHECK(key->Verify("", kRfcSignature));
  CHECK_FALSE(key->Verify("x", kRfcSignature));
  std::string tampered = kRfcSignature;
  tampered[63] ^= 0x01;
  CHECK_FALSE(key->Verify("", tampered));
  CHECK_FALSE(key->Verify("", kRfcSignature + "x"));
  CHECK_FALSE(key->Verify("", ""));
}

TEST_CASE("public key: Multikey form round-trips and matches the did:key vector", "[keys]") {
  auto signer = Ed25519SigningKey::FromMultibase("z3u2en7t5LR2WtQH5PfFqMqwVHBeXouLzo6haApm8XHqvjxq").value();
  const std::string multibase = signer.public_key().ToMultibase();
  CHECK(multibase == "z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2");
  auto parsed = Ed25519PublicKey::FromMultibase(multibase);
  REQUIRE(parsed.ok());
  CHECK(*parsed == signer.public_key());
  auto rfc = Ed25519PublicKey::FromBytes(kRfcPublic).value();
  CHECK(Ed25519PublicKey::FromMultibase(rfc.ToMultibase()).value() == rfc);
  CHECK_FALSE(rfc == signer.public_key());
}

TEST_CASE("public key: wrong lengths, foreign multicodecs and bad points are malformed", "[keys]") {
  CHECK(Ed25519PublicKey::FromBytes("").status().code() == Code::kMalformed);
  CHECK(Ed25519PublicKey::FromBytes(kRfcPublic.substr(0, 31)).status().code() == Code::kMalformed);
  CHECK(Ed25519PublicKey::FromBytes(kRfcPublic + "x").status().code() == Code::kMalformed);
  // Not a base58btc multibase string.
  CHECK(Ed25519PublicKey::FromMultibase("").status().code() == Code::kMalformed);
  CHECK(Ed25519PublicKey::FromMultibase("u7QE").status().code() == Code::kMalformed);
  CHECK_FALSE(Ed25519PublicKey::FromMultibase("z0OIl").ok());  // not base58 characters
  // A private key (multicodec 0x8026) is not a public key.
  CHECK(Ed25519PublicKey::FromMultibase("z3u2en7t5LR2WtQH5PfFqMqwVHBeXouLzo6haApm8XHqvjxq").status().code() ==
        Code::kMalformed);
  // Right header, short key.
  CHECK(Ed25519PublicKey::FromMultibase("z6Mk").status().code() == Code::kMalformed);
  // The identity point has small order: refused however it arrives.
  const std::string identity = std::string("\x01", 1) + std::string(31, '\0');
  CHECK(Ed25519PublicKey::FromBytes(identity).status().code() == Code::kMalformed);
}

TEST_CASE("public key: a key validated once is still checked for length", "[keys]") {
  REQUIRE(Ed25519PublicKey::FromBytes(kRfcPublic).ok());
  REQUIRE(Ed25519PublicKey::FromBytes(kRfcPublic).ok());  // now from the cache of checked keys
  CHECK(Ed25519PublicKey::FromBytes(kRfcPublic.substr(0, 16)).status().code() == Code::kMalformed);
}

}  // namespace
}  // namespace passerelle
