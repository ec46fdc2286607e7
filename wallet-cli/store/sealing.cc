// Passerelle wallet — store keys (Argon2id → crypto_kdf) and sealed blobs
// (XChaCha20-Poly1305). libsodium only: no hand-written primitives.
#include "wallet-cli/store/sealing.h"

#include <cstdlib>

#include <sodium.h>

#include "formats/multibase.h"

namespace passerelle::wallet {
namespace {

constexpr char kKdfContext[crypto_kdf_CONTEXTBYTES + 1] = "PSLWALET";
constexpr std::uint64_t kSealSubkeyId = 1;
constexpr std::uint64_t kNameSubkeyId = 2;
constexpr std::size_t kNonceBytes = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;

void EnsureSodium() {
  if (sodium_init() < 0) std::abort();
}

std::string AssociatedData(std::string_view label) {
  return std::string(kSealedMagic) + std::string(label);
}

}  // namespace

std::string NewStoreSalt() {
  EnsureSodium();
  std::string salt(crypto_pwhash_SALTBYTES, '\0');
  randombytes_buf(salt.data(), salt.size());
  return salt;
}

Result<StoreKeys> StoreKeys::Derive(const SecretBytes& passphrase, std::string_view salt,
                                    const KdfParams& params) {
  EnsureSodium();
  if (passphrase.empty()) return Status::InvalidArgument("empty passphrase");
  if (salt.size() != crypto_pwhash_SALTBYTES)
    return Status::InvalidArgument("store salt must be " + std::to_string(crypto_pwhash_SALTBYTES) + " bytes");
  PSL_ASSIGN_OR_RETURN(SecretBytes master, SecretBytes::Allocate(crypto_kdf_KEYBYTES));
  if (crypto_pwhash(RevealSecret(master), master.size(),
                    reinterpret_cast<const char*>(RevealSecret(passphrase)), passphrase.size(),
                    reinterpret_cast<const unsigned char*>(salt.data()), params.opslimit,
                    params.memlimit, crypto_pwhash_ALG_ARGON2ID13) != 0)
    return Status::ResourceExhausted("wallet: key derivation ran out of memory");
  StoreKeys keys;
  PSL_ASSIGN_OR_RETURN(keys.seal_key_, SecretBytes::Allocate(crypto_aead_xchacha20poly1305_ietf_KEYBYTES));
  PSL_ASSIGN_OR_RETURN(keys.name_key_, SecretBytes::Allocate(crypto_generichash_KEYBYTES));
  crypto_kdf_derive_from_key(RevealSecret(keys.seal_key_), keys.seal_key_.size(), kSealSubkeyId,
                             kKdfContext, RevealSecret(master));
  crypto_kdf_derive_from_key(RevealSecret(keys.name_key_), keys.name_key_.size(), kNameSubkeyId,
                             kKdfContext, RevealSecret(master));
  return keys;
}

std::string StoreKeys::Seal(std::string_view label, std::string_view plaintext) const {
  std::string ad = AssociatedData(label);
  std::string out(kSealedMagic);
  std::string nonce(kNonceBytes, '\0');
  randombytes_buf(nonce.data(), nonce.size());
  out += nonce;
  std::size_t header = out.size();
  out.resize(header + plaintext.size() + crypto_aead_xchacha20poly1305_ietf_ABYTES);
  unsigned long long clen = 0;
  crypto_aead_xchacha20poly1305_ietf_encrypt(
      reinterpret_cast<unsigned char*>(out.data() + header), &clen,
      reinterpret_cast<const unsigned char*>(plaintext.data()), plaintext.size(),
      reinterpret_cast<const unsigned char*>(ad.data()), ad.size(), nullptr,
      reinterpret_cast<const unsigned char*>(nonce.data()), RevealSecret(seal_key_));
  out.resize(header + clen);
  return out;
}

Result<std::string> StoreKeys::Open(std::string_view label, std::string_view sealed) const {
  std::size_t header = kSealedMagic.size() + kNonceBytes;
  if (sealed.size() < header + crypto_aead_xchacha20poly1305_ietf_ABYTES ||
      sealed.substr(0, kSealedMagic.size()) != kSealedMagic)
    return Status::Malformed("not a sealed wallet file");
  std::string ad = AssociatedData(label);
  std::string_view nonce = sealed.substr(kSealedMagic.size(), kNonceBytes);
  std::string_view ct = sealed.substr(header);
  std::string out(ct.size() - crypto_aead_xchacha20poly1305_ietf_ABYTES, '\0');
  unsigned long long mlen = 0;
  if (crypto_aead_xchacha20poly1305_ietf_decrypt(
          reinterpret_cast<unsigned char*>(out.data()), &mlen, nullptr,
          reinterpret_cast<const unsigned char*>(ct.data()), ct.size(),
          reinterpret_cast<const unsigned char*>(ad.data()), ad.size(),
          reinterpret_cast<const unsigned char*>(nonce.data()), RevealSecret(seal_key_)) != 0)
    return Status::PermissionDenied("cannot decrypt (wrong passphrase, or the file was modified or moved)");
  out.resize(mlen);
  return out;
}

std::string StoreKeys::RecordName(std::string_view identity) const {
  unsigned char digest[16];
  crypto_generichash(digest, sizeof digest, reinterpret_cast<const unsigned char*>(identity.data()),
                     identity.size(), RevealSecret(name_key_), name_key_.size());
  return HexEncode(std::string_view(reinterpret_cast<const char*>(digest), sizeof digest));
}

}  // namespace passerelle::wallet
