// Passerelle — Ed25519 signing keys held in guarded memory.
//
// Not copyable. Sign() is const and thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "formats/status.h"
#include "keys/public_key.h"
#include "keys/secret_bytes.h"

namespace passerelle {

class Ed25519SigningKey {
 public:
  static constexpr std::size_t kSeedSize = 32;

  // A new key from the system's CSPRNG.
  static Result<Ed25519SigningKey> Generate();
  // The key determined by a 32-byte seed (RFC 8032 private key).
  // Errors: kMalformed on another length.
  static Result<Ed25519SigningKey> FromSeed(const SecretBytes& seed);
  // From privateKeyMultibase "z3u2…" (0x8026 + seed), for test vectors.
  static Result<Ed25519SigningKey> FromMultibase(std::string_view multibase);

  Ed25519SigningKey(Ed25519SigningKey&&) noexcept = default;
  Ed25519SigningKey& operator=(Ed25519SigningKey&&) noexcept = default;

  // Returns the 64-byte Ed25519 signature of `message`.
  std::string Sign(std::string_view message) const;
  const Ed25519PublicKey& public_key() const { return public_key_; }
  // The 32-byte seed, for writing the key file.
  const SecretBytes& seed() const { return seed_; }

 private:
  Ed25519SigningKey() = default;
  SecretBytes seed_;
  SecretBytes expanded_;  // libsodium's 64-byte secret key (seed || public key)
  Ed25519PublicKey public_key_;
};

}  // namespace passerelle
