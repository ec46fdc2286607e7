// Passerelle — message digests.
//
// SHA-256 goes through OpenSSL's EVP interface rather than libsodium's: both
// are well-kept implementations, but OpenSSL uses the CPU's SHA extensions
// (2.5–5× faster here), and hashing is on the hot path of every
// verification (two digests per proof, and many in RDFC-1.0 blank-node
// labelling). See docs/benchmarks.md.
#include "formats/digest.h"

#include <openssl/evp.h>

#include <cstdlib>

#include "formats/multibase.h"

namespace passerelle {

namespace {
// Fetched once: an implicit fetch on every call costs more than hashing a
// short proof configuration. The EVP_MD is immutable and thread-safe.
const EVP_MD* Sha256Md() {
  static const EVP_MD* md = [] {
    const EVP_MD* fetched = EVP_MD_fetch(nullptr, "SHA256", nullptr);
    return fetched != nullptr ? fetched : EVP_sha256();
  }();
  return md;
}
}  // namespace

namespace {
// One digest context per thread, reset by each use: EVP_Digest would
// allocate and free a context per call.
struct ThreadDigestContext {
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  ~ThreadDigestContext() { EVP_MD_CTX_free(ctx); }
};
}  // namespace

void AppendSha256(std::string_view data, std::string& out) {
  thread_local ThreadDigestContext context;
  const std::size_t at = out.size();
  out.resize(at + 32);
  unsigned int len = 0;
  if (context.ctx == nullptr || EVP_DigestInit_ex2(context.ctx, Sha256Md(), nullptr) != 1 ||
      EVP_DigestUpdate(context.ctx, data.data(), data.size()) != 1 ||
      EVP_DigestFinal_ex(context.ctx, reinterpret_cast<unsigned char*>(out.data() + at), &len) != 1 || len != 32)
    std::abort();  // cannot happen with a working libcrypto; never return a wrong digest
}

std::string Sha256(std::string_view data) {
  std::string out;
  out.reserve(32);
  AppendSha256(data, out);
  return out;
}

std::string Sha256Hex(std::string_view data) { return HexEncode(Sha256(data)); }

namespace {
std::string DigestWith(const EVP_MD* md, std::size_t size, std::string_view data) {
  std::string out(size, '\0');
  unsigned int len = 0;
  if (md == nullptr ||
      EVP_Digest(data.data(), data.size(), reinterpret_cast<unsigned char*>(out.data()), &len, md, nullptr) != 1 ||
      len != size)
    std::abort();  // cannot happen with a working libcrypto; never return a wrong digest
  return out;
}
}  // namespace

std::string Sha384(std::string_view data) { return DigestWith(EVP_sha384(), 48, data); }
std::string Sha512(std::string_view data) { return DigestWith(EVP_sha512(), 64, data); }

}  // namespace passerelle
