// Passerelle — Ed25519 public keys through libsodium.
#include "keys/public_key.h"

#include <cstring>
#include <mutex>
#include <unordered_set>

#include "formats/multibase.h"
#include "keys/internal/sodium_init.h"

namespace passerelle {

namespace {

// The full point check (a scalar multiplication by the group order) costs
// as much as half a signature verification; keys repeat (one issuer signs
// thousands of credentials), so remember the ones already checked.
// Bounded, thread-safe.
class ValidatedKeyCache {
 public:
  bool Contains(std::string_view key) {
    std::lock_guard<std::mutex> lock(mu_);
    return keys_.count(std::string(key)) != 0;
  }
  void Insert(std::string_view key) {
    std::lock_guard<std::mutex> lock(mu_);
    if (keys_.size() >= kMaxEntries) keys_.clear();
    keys_.insert(std::string(key));
  }

 private:
  static constexpr std::size_t kMaxEntries = 4096;
  std::mutex mu_;
  std::unordered_set<std::string> keys_;
};

ValidatedKeyCache& Validated() {
  static ValidatedKeyCache cache;
  return cache;
}

}  // namespace

Result<Ed25519PublicKey> Ed25519PublicKey::FromBytes(std::string_view bytes) {
  internal::EnsureSodium();
  if (bytes.size() != kSize)
    return Status::Malformed("ed25519 public key: expected 32 bytes, got " +
                             std::to_string(bytes.size()));
  Ed25519PublicKey k;
  std::memcpy(k.key_.data(), bytes.data(), kSize);
  // Refuse small-order and non-canonical points: they make signatures forgeable
  // or ambiguous (libsodium's verify refuses them too; fail early and clearly).
  if (Validated().Contains(bytes)) return k;
  if (crypto_core_ed25519_is_valid_point(k.key_.data()) != 1)
    return Status::Malformed("ed25519 public key: not a valid curve point");
  Validated().Insert(bytes);
  return k;
}

Result<Ed25519PublicKey> Ed25519PublicKey::FromMultibase(std::string_view multibase) {
  if (multibase.empty() || multibase[0] != 'z')
    return Status::Malformed("publicKeyMultibase: must start with 'z' (base58btc)");
  auto decoded = DecodeMultibase(multibase);
  if (!decoded.ok()) return decoded.status().Annotate("publicKeyMultibase");
  const std::string& b = decoded->bytes;
  if (b.size() < 2 || static_cast<unsigned char>(b[0]) != kEd25519PubHeader[0] ||
      static_cast<unsigned char>(b[1]) != kEd25519PubHeader[1])
    return Status::Malformed("publicKeyMultibase: not an Ed25519 public key (multicodec 0xed01)");
  auto key = FromBytes(std::string_view(b).substr(2));
  if (!key.ok()) return key.status().Annotate("publicKeyMultibase");
  return key;
}

std::string Ed25519PublicKey::ToMultibase() const {
  std::string b;
  b.push_back(static_cast<char>(kEd25519PubHeader[0]));
  b.push_back(static_cast<char>(kEd25519PubHeader[1]));
  b.append(bytes());
  return EncodeMultibase(Multibase::kBase58Btc, b);
}

bool Ed25519PublicKey::Verify(std::string_view message, std::string_view signature) const {
  if (signature.size() != crypto_sign_BYTES) return false;
  return crypto_sign_verify_detached(reinterpret_cast<const unsigned char*>(signature.data()),
                                     reinterpret_cast<const unsigned char*>(message.data()),
                                     message.size(), key_.data()) == 0;
}

}  // namespace passerelle
