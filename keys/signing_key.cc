// Passerelle — Ed25519 signing through libsodium.
#include "keys/signing_key.h"

#include <cstring>

#include "formats/multibase.h"
#include "keys/internal/sodium_init.h"

namespace passerelle {

Result<Ed25519SigningKey> Ed25519SigningKey::Generate() {
  internal::EnsureSodium();
  PSL_ASSIGN_OR_RETURN(auto seed, SecretBytes::Allocate(kSeedSize));
  randombytes_buf(RevealSecret(seed), kSeedSize);
  return FromSeed(seed);
}

Result<Ed25519SigningKey> Ed25519SigningKey::FromSeed(const SecretBytes& seed) {
  internal::EnsureSodium();
  if (seed.size() != kSeedSize)
    return Status::Malformed("ed25519 seed: expected 32 bytes, got " + std::to_string(seed.size()));
  Ed25519SigningKey k;
  PSL_ASSIGN_OR_RETURN(k.seed_, SecretBytes::Allocate(kSeedSize));
  std::memcpy(RevealSecret(k.seed_), RevealSecret(seed), kSeedSize);
  PSL_ASSIGN_OR_RETURN(k.expanded_, SecretBytes::Allocate(crypto_sign_SECRETKEYBYTES));
  unsigned char pk[crypto_sign_PUBLICKEYBYTES];
  crypto_sign_seed_keypair(pk, RevealSecret(k.expanded_), RevealSecret(k.seed_));
  auto pub = Ed25519PublicKey::FromBytes(
      std::string_view(reinterpret_cast<const char*>(pk), sizeof pk));
  if (!pub.ok()) return Status::Internal("derived an invalid public key");
  k.public_key_ = *pub;
  return k;
}

Result<Ed25519SigningKey> Ed25519SigningKey::FromMultibase(std::string_view multibase) {
  auto decoded = DecodeMultibase(multibase);
  if (!decoded.ok()) return decoded.status().Annotate("privateKeyMultibase");
  PSL_ASSIGN_OR_RETURN(auto bytes, SecretBytes::CopyFrom(decoded->bytes));
  sodium_memzero(decoded->bytes.data(), decoded->bytes.size());
  if (bytes.size() != 2 + kSeedSize || RevealSecret(bytes)[0] != kEd25519PrivHeader[0] ||
      RevealSecret(bytes)[1] != kEd25519PrivHeader[1])
    return Status::Malformed("privateKeyMultibase: not an Ed25519 secret key (multicodec 0x8026)");
  PSL_ASSIGN_OR_RETURN(auto seed, SecretBytes::Allocate(kSeedSize));
  std::memcpy(RevealSecret(seed), RevealSecret(bytes) + 2, kSeedSize);
  return FromSeed(seed);
}

std::string Ed25519SigningKey::Sign(std::string_view message) const {
  std::string sig(crypto_sign_BYTES, '\0');
  crypto_sign_detached(reinterpret_cast<unsigned char*>(sig.data()), nullptr,
                       reinterpret_cast<const unsigned char*>(message.data()), message.size(),
                       RevealSecret(expanded_));
  return sig;
}

}  // namespace passerelle
