// Tests for keys/signing_key.h: Ed25519 signing keys in guarded memory.
#include "keys/signing_key.h"

#include <catch2/catch.hpp>

#include <string>

#include "keys/secret_bytes.h"

namespace passerelle {
namespace {

TEST_CASE("signing keys: deterministic RFC 8032 signatures that verify", "[keys]") {
  auto key = Ed25519SigningKey::FromMultibase("z3u2en7t5LR2WtQH5PfFqMqwVHBeXouLzo6haApm8XHqvjxq").value();
  std::string sig = key.Sign("message");
  CHECK(sig.size() == 64);
  CHECK(key.Sign("message") == sig);
  CHECK(key.public_key().Verify("message", sig));
  CHECK_FALSE(key.public_key().Verify("messagE", sig));
  sig[10] ^= 1;
  CHECK_FALSE(key.public_key().Verify("message", sig));
  CHECK_FALSE(key.public_key().Verify("message", sig.substr(0, 63)));
}

TEST_CASE("signing keys: the RFC 8032 seed gives its public key and signature", "[keys]") {
  // RFC 8032 section 7.1, TEST 1.
  std::string seed_bytes, public_bytes;
  const std::string seed_hex = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
  const std::string public_hex = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
  for (std::size_t i = 0; i < 64; i += 2) {
    seed_bytes.push_back(static_cast<char>(std::stoi(seed_hex.substr(i, 2), nullptr, 16)));
    public_bytes.push_back(static_cast<char>(std::stoi(public_hex.substr(i, 2), nullptr, 16)));
  }
  auto seed = SecretBytes::CopyFrom(seed_bytes).value();
  auto key = Ed25519SigningKey::FromSeed(seed);
  REQUIRE(key.ok());
  CHECK(key->public_key().bytes() == public_bytes);
  CHECK(key->seed().size() == Ed25519SigningKey::kSeedSize);
  CHECK(std::string(reinterpret_cast<const char*>(RevealSecret(key->seed())), 32) == seed_bytes);
  const std::string sig = key->Sign("");
  CHECK(sig.substr(0, 4) == std::string("\xe5\x56\x43\x00", 4));
  CHECK(sig.substr(60) == std::string("\x8e\x7a\x10\x0b", 4));
}

TEST_CASE("signing keys: seeds and multibase strings of the wrong shape are malformed", "[keys]") {
  CHECK(Ed25519SigningKey::FromSeed(SecretBytes::Allocate(31).value()).status().code() == Code::kMalformed);
  CHECK(Ed25519SigningKey::FromSeed(SecretBytes::Allocate(33).value()).status().code() == Code::kMalformed);
  CHECK(Ed25519SigningKey::FromSeed(SecretBytes()).status().code() == Code::kMalformed);
  // A public key (multicodec 0xed01) is not a private key.
  CHECK(Ed25519SigningKey::FromMultibase("z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2").status().code() ==
        Code::kMalformed);
  CHECK_FALSE(Ed25519SigningKey::FromMultibase("").ok());
  CHECK_FALSE(Ed25519SigningKey::FromMultibase("z3u2en7t5LR2WtQH5PfFqMqwVHBeXouLzo6haApm8XHq").ok());
}

TEST_CASE("signing keys: generated keys differ and sign for their own public key only", "[keys]") {
  auto a = Ed25519SigningKey::Generate();
  auto b = Ed25519SigningKey::Generate();
  REQUIRE(a.ok());
  REQUIRE(b.ok());
  CHECK_FALSE(a->public_key() == b->public_key());
  const std::string sig = a->Sign("diploma");
  CHECK(a->public_key().Verify("diploma", sig));
  CHECK_FALSE(b->public_key().Verify("diploma", sig));
  // The seed rebuilds the same key.
  auto again = Ed25519SigningKey::FromSeed(a->seed());
  REQUIRE(again.ok());
  CHECK(again->public_key() == a->public_key());
  CHECK(again->Sign("diploma") == sig);
  // Moving keeps the key usable.
  Ed25519SigningKey moved = std::move(*a);
  CHECK(moved.public_key().Verify("diploma", moved.Sign("diploma")));
}

}  // namespace
}  // namespace passerelle
