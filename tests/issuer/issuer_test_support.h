// Passerelle tests — helpers for issuer tests: a quick issuer folder (fast
// KDF), a signing identity over it, and the issuer service over it.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "issuer/issuer_dir.h"
#include "issuer/service/issuer.h"
#include "issuer/service/signing_identity.h"
#include "keys/secret_bytes.h"
#include "tests/testing/temp_dir.h"

namespace passerelle::testing {

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

// The issuer service over `dir` (made by MakeIssuerDir), its store created,
// unlocked with TestPassphrase(); a rotation is picked up at once.
inline std::unique_ptr<Issuer> MakeIssuer(const std::filesystem::path& dir, std::string public_url,
                                          std::size_t slot_chunk = 256, Env& env = Env::Default()) {
  IssuerOptions options;
  options.dir = dir;
  options.passphrase = TestPassphrase();
  options.public_url = std::move(public_url);
  options.slot_chunk = slot_chunk;
  options.env = &env;
  options.key_recheck = std::chrono::milliseconds(0);
  return std::move(OpenIssuer(std::move(options)).value());
}

}  // namespace passerelle::testing
