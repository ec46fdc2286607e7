// Passerelle — the hash function of RDFC-1.0, as lowercase hex.
//
// SHA-256 and SHA-384 both come from OpenSSL's EVP interface, with the
// message digests fetched once per process: OpenSSL uses the CPU's SHA
// extensions, 4–5× faster than libsodium's portable SHA-256 on the short
// messages RDFC-1.0 hashes (see docs/benchmarks.md). Nothing here
// implements a hash itself. One Hasher per canonicalization, reused for
// every message (Begin … FinishHex); not thread-safe. Private to formats/rdf.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include <openssl/evp.h>

#include "formats/rdf/canonicalize.h"

namespace passerelle::rdf::internal {

class Hasher {
 public:
  explicit Hasher(HashAlgorithm algorithm);
  Hasher(const Hasher&) = delete;
  Hasher& operator=(const Hasher&) = delete;

  // Starts a new message (discarding any unfinished one).
  void Begin();
  void Update(std::string_view data);
  // Writes the lowercase hex digest of the message into *hex (replacing its
  // contents). Returns false if the crypto library failed (then *hex is
  // cleared, and every later digest fails too).
  bool FinishHex(std::string* hex);

  // Begin, Update(data), FinishHex.
  bool HexDigest(std::string_view data, std::string* hex) {
    Begin();
    Update(data);
    return FinishHex(hex);
  }

 private:
  struct EvpCtxFree {
    void operator()(EVP_MD_CTX* c) const { EVP_MD_CTX_free(c); }
  };

  const EVP_MD* md_;
  std::size_t size_;
  bool ok_ = true;
  std::unique_ptr<EVP_MD_CTX, EvpCtxFree> ctx_;
};

}  // namespace passerelle::rdf::internal
