// Passerelle — Ed25519 public keys: Multikey form and signature verification.
//
// Immutable values; thread-safe.
#pragma once

#include <array>
#include <string>
#include <string_view>

#include "formats/status.h"

namespace passerelle {

class Ed25519PublicKey {
 public:
  static constexpr std::size_t kSize = 32;

  // From the 32 raw bytes. Errors: kMalformed on another length, or a point
  // that is not a valid Ed25519 public key (small order, not on the curve).
  static Result<Ed25519PublicKey> FromBytes(std::string_view bytes);
  // From publicKeyMultibase "z6Mk…" (base58btc of 0xed01 + 32 bytes).
  // Errors: kMalformed naming what is wrong (prefix, header, length).
  static Result<Ed25519PublicKey> FromMultibase(std::string_view multibase);

  // "z6Mk…": base58btc of the multicodec header 0xed01 and the key.
  std::string ToMultibase() const;
  std::string_view bytes() const {
    return {reinterpret_cast<const char*>(key_.data()), key_.size()};
  }

  // True when `signature` (64 bytes) is a valid Ed25519 signature of `message`.
  bool Verify(std::string_view message, std::string_view signature) const;

  bool operator==(const Ed25519PublicKey&) const = default;

 private:
  std::array<unsigned char, kSize> key_{};
};

}  // namespace passerelle
