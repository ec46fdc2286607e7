// Passerelle — the hash function of RDFC-1.0, as lowercase hex.
//
// SHA-256 comes from libsodium, SHA-384 from OpenSSL EVP; nothing here
// implements a hash itself. One Hasher per message; not thread-safe, cheap to
// create. Private to formats/rdf.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include <openssl/evp.h>
#include <sodium.h>

#include "formats/rdf/canonicalize.h"

namespace passerelle::rdf::internal {

class Hasher {
 public:
  explicit Hasher(HashAlgorithm algorithm);
  Hasher(const Hasher&) = delete;
  Hasher& operator=(const Hasher&) = delete;

  void Update(std::string_view data);

  // Writes the lowercase hex digest into *hex (replacing its contents).
  // Returns false if the crypto library failed (then *hex is cleared); the
  // Hasher must not be used afterwards.
  bool FinishHex(std::string* hex);

  // One-shot convenience: FinishHex of Hasher(algorithm).Update(data).
  static bool HexDigest(HashAlgorithm algorithm, std::string_view data, std::string* hex);

 private:
  struct EvpCtxFree {
    void operator()(EVP_MD_CTX* c) const { EVP_MD_CTX_free(c); }
  };

  HashAlgorithm algorithm_;
  bool ok_ = true;
  crypto_hash_sha256_state sha256_;
  std::unique_ptr<EVP_MD_CTX, EvpCtxFree> evp_;
};

// Initialises libsodium once per process; false if it cannot be initialised.
bool EnsureSodiumInitialised();

}  // namespace passerelle::rdf::internal
