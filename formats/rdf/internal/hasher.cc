// Passerelle — RDFC-1.0 hashing: libsodium SHA-256, OpenSSL EVP SHA-384, hex out.
#include "formats/rdf/internal/hasher.h"

namespace passerelle::rdf::internal {
namespace {

constexpr char kLowerHex[] = "0123456789abcdef";

void ToHex(const unsigned char* digest, std::size_t n, std::string* hex) {
  hex->resize(2 * n);
  char* p = hex->data();
  for (std::size_t i = 0; i < n; ++i) {
    *p++ = kLowerHex[digest[i] >> 4];
    *p++ = kLowerHex[digest[i] & 0xF];
  }
}

}  // namespace

bool EnsureSodiumInitialised() {
  static const bool ok = sodium_init() >= 0;  // 0 = done now, 1 = already done
  return ok;
}

Hasher::Hasher(HashAlgorithm algorithm) : algorithm_(algorithm) {
  switch (algorithm_) {
    case HashAlgorithm::kSha256:
      crypto_hash_sha256_init(&sha256_);
      return;
    case HashAlgorithm::kSha384:
      evp_.reset(EVP_MD_CTX_new());
      ok_ = evp_ != nullptr && EVP_DigestInit_ex(evp_.get(), EVP_sha384(), nullptr) == 1;
      return;
  }
  ok_ = false;
}

void Hasher::Update(std::string_view data) {
  if (!ok_ || data.empty()) return;
  const auto* p = reinterpret_cast<const unsigned char*>(data.data());
  switch (algorithm_) {
    case HashAlgorithm::kSha256:
      crypto_hash_sha256_update(&sha256_, p, data.size());
      return;
    case HashAlgorithm::kSha384:
      ok_ = EVP_DigestUpdate(evp_.get(), p, data.size()) == 1;
      return;
  }
}

bool Hasher::FinishHex(std::string* hex) {
  if (ok_) {
    switch (algorithm_) {
      case HashAlgorithm::kSha256: {
        unsigned char d[crypto_hash_sha256_BYTES];
        crypto_hash_sha256_final(&sha256_, d);
        ToHex(d, sizeof d, hex);
        return true;
      }
      case HashAlgorithm::kSha384: {
        unsigned char d[EVP_MAX_MD_SIZE];
        unsigned int n = 0;
        if (EVP_DigestFinal_ex(evp_.get(), d, &n) == 1 && n == 48) {
          ToHex(d, n, hex);
          return true;
        }
        break;
      }
    }
  }
  ok_ = false;
  hex->clear();
  return false;
}

bool Hasher::HexDigest(HashAlgorithm algorithm, std::string_view data, std::string* hex) {
  Hasher h(algorithm);
  h.Update(data);
  return h.FinishHex(hex);
}

}  // namespace passerelle::rdf::internal
