// Passerelle tests — helpers for issuer tests: temporary folders, a quick
// issuer folder (fast KDF), a signing identity over it.
#pragma once

#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <memory>
#include <string>

#include "issuer/issuer_dir.h"
#include "issuer/store/signing_identity.h"
#include "keys/secret_bytes.h"

namespace passerelle::testing {

// A fresh folder under /tmp, removed when the object goes away.
class TempDir {
 public:
  TempDir() {
    static std::atomic<int> counter{0};
    path_ = std::filesystem::temp_directory_path() /
            ("psl-issuer-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

inline SecretBytes TestPassphrase() { return std::move(SecretBytes::CopyFrom("test passphrase").value()); }

// KDF parameters that keep tests fast (the file format allows them).
inline KdfParams FastKdf() { return KdfParams{1, 8192}; }

// An issuer folder: did:web when `did_web` is set, else did:key; country FR.
inline IssuerDir MakeIssuerDir(const std::filesystem::path& dir, std::optional<std::string> did_web = std::nullopt) {
  InitOptions options;
  options.did_web = std::move(did_web);
  options.name = "Test University";
  options.country = "FR";
  options.kdf = FastKdf();
  return std::move(InitIssuerDir(dir, options, TestPassphrase()).value());
}

inline std::unique_ptr<SigningIdentity> MakeSigner(const std::filesystem::path& dir) {
  return std::move(SigningIdentity::Open(dir, TestPassphrase(), std::chrono::milliseconds(0)).value());
}

}  // namespace passerelle::testing
