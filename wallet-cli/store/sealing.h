// Passerelle wallet — the store's keys and its sealed (encrypted) blobs.
//
// One Argon2id derivation turns the passphrase into a master key; libsodium's
// crypto_kdf derives two independent subkeys from it: one seals files with
// XChaCha20-Poly1305, one names records with keyed BLAKE2b (so a file name
// says nothing about the credential inside). A sealed blob is
//   "PWS1" | nonce[24] | XChaCha20-Poly1305(plaintext, ad = "PWS1" | label)
// where the label binds it to its place ("index", "credential/<record id>"):
// a blob moved to another place does not open. Thread-compatible.
#pragma once

#include <string>
#include <string_view>

#include "formats/status.h"
#include "keys/key_file.h"
#include "keys/secret_bytes.h"

namespace passerelle::wallet {

inline constexpr std::string_view kSealedMagic = "PWS1";

class StoreKeys {
 public:
  // Derives the keys from `passphrase` and a 16-byte `salt`.
  // Errors: kInvalidArgument (empty passphrase, bad salt size),
  // kResourceExhausted (the KDF ran out of memory).
  static Result<StoreKeys> Derive(const SecretBytes& passphrase, std::string_view salt,
                                  const KdfParams& params);

  // Returns the sealed form of `plaintext` under a fresh random nonce.
  std::string Seal(std::string_view label, std::string_view plaintext) const;
  // Returns the plaintext. Errors: kMalformed (too short, wrong magic),
  // kPermissionDenied (authentication failed: wrong key, another label, or
  // a modified blob).
  Result<std::string> Open(std::string_view label, std::string_view sealed) const;

  // A record's file name for a credential identity: 32 lowercase hex digits
  // of keyed BLAKE2b. The same identity always maps to the same name.
  std::string RecordName(std::string_view identity) const;

 private:
  StoreKeys() = default;
  SecretBytes seal_key_;
  SecretBytes name_key_;
};

// A fresh random salt for Derive.
std::string NewStoreSalt();

}  // namespace passerelle::wallet
