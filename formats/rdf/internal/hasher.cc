// Passerelle — RDFC-1.0 hashing: OpenSSL EVP SHA-256 / SHA-384, hex out.
#include "formats/rdf/internal/hasher.h"

namespace passerelle::rdf::internal {
namespace {

constexpr char kLowerHex[] = "0123456789abcdef";

// Fetched once: an implicit fetch per message costs more than hashing a
// short one. EVP_MD objects are immutable and thread-safe.
const EVP_MD* FetchOnce(const char* name, const EVP_MD* fallback) {
  const EVP_MD* fetched = EVP_MD_fetch(nullptr, name, nullptr);
  return fetched != nullptr ? fetched : fallback;
}

const EVP_MD* Md(HashAlgorithm algorithm) {
  switch (algorithm) {
    case HashAlgorithm::kSha256: {
      static const EVP_MD* md = FetchOnce("SHA256", EVP_sha256());
      return md;
    }
    case HashAlgorithm::kSha384: {
      static const EVP_MD* md = FetchOnce("SHA384", EVP_sha384());
      return md;
    }
  }
  return nullptr;
}

}  // namespace

Hasher::Hasher(HashAlgorithm algorithm)
    : md_(Md(algorithm)),
      size_(algorithm == HashAlgorithm::kSha384 ? 48 : 32),
      ctx_(EVP_MD_CTX_new()) {
  ok_ = md_ != nullptr && ctx_ != nullptr;
  Begin();
}

void Hasher::Begin() {
  if (ok_) ok_ = EVP_DigestInit_ex2(ctx_.get(), md_, nullptr) == 1;
}

void Hasher::Update(std::string_view data) {
  if (!ok_ || data.empty()) return;
  ok_ = EVP_DigestUpdate(ctx_.get(), data.data(), data.size()) == 1;
}

bool Hasher::FinishHex(std::string* hex) {
  unsigned char d[EVP_MAX_MD_SIZE];
  unsigned int n = 0;
  if (ok_ && EVP_DigestFinal_ex(ctx_.get(), d, &n) == 1 && n == size_) {
    hex->resize(2 * n);
    char* p = hex->data();
    for (unsigned int i = 0; i < n; ++i) {
      *p++ = kLowerHex[d[i] >> 4];
      *p++ = kLowerHex[d[i] & 0xF];
    }
    return true;
  }
  ok_ = false;
  hex->clear();
  return false;
}

}  // namespace passerelle::rdf::internal
