// Passerelle — the key a running node signs with, and the folder it belongs to.
//
// A long-running node (issuer serve) reads the passphrase once at start and
// keeps it, like the decrypted key, in guarded memory (sodium_malloc). When
// issuer.json changes (issuer key rotate), the next Current() after at most
// `recheck` picks up the new current key, so a rotation needs no restart;
// Rotate() switches at once. Thread-safe.
#pragma once

#include <chrono>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>

#include "env/env.h"
#include "formats/datetime.h"
#include "formats/status.h"
#include "issuer/issuer_dir.h"
#include "keys/secret_bytes.h"
#include "keys/signing_key.h"

namespace passerelle {

struct SigningSnapshot {
  IssuerDir issuer;
  Ed25519SigningKey key;
};

class SigningIdentity {
 public:
  // Loads DIR/issuer.json and decrypts its current key.
  // Errors: those of OpenIssuerDir and LoadCurrentKey (kPermissionDenied
  // for a wrong passphrase).
  static Result<std::unique_ptr<SigningIdentity>> Open(const std::filesystem::path& dir, SecretBytes passphrase,
                                                       std::chrono::milliseconds recheck = std::chrono::seconds(1));

  // The folder and key to sign with now. Never null. When a reload fails
  // the previous snapshot stays in use and last_error() says why.
  std::shared_ptr<const SigningSnapshot> Current();
  std::string last_error();

  // Adds a new key to the folder with the held passphrase (RotateKey on
  // issuer.json as it is now) and signs with it from the next Current().
  // Returns the folder after rotation. Errors: those of OpenIssuerDir and
  // RotateKey (kInvalidArgument for did:key, kIOError); on failure the
  // current key stays current.
  Result<IssuerDir> Rotate(Timestamp now, const KdfParams& kdf, Env& env);

 private:
  SigningIdentity() = default;
  std::mutex mu_;
  std::filesystem::path dir_;
  SecretBytes passphrase_;
  std::shared_ptr<const SigningSnapshot> current_;
  std::filesystem::file_time_type mtime_;
  std::chrono::steady_clock::time_point next_check_;
  std::chrono::milliseconds recheck_{1000};
  std::string last_error_;
};

}  // namespace passerelle
