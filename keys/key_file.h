// Passerelle — encrypted secret-key files (format: docs/formats/key-file.md).
//
// A key file holds one Ed25519 seed encrypted with XChaCha20-Poly1305 under
// a key derived from a passphrase with Argon2id; the header (public key, KDF
// parameters) is authenticated as associated data. Files are created 0600
// with O_EXCL and never overwritten, through an Env (env/env.h), so that
// they never appear half-written. Stateless; thread-safe.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

#include "env/env.h"
#include "formats/status.h"
#include "keys/secret_bytes.h"
#include "keys/signing_key.h"

namespace passerelle {

inline constexpr std::string_view kKeyFileFormat = "passerelle-key/v1";

struct KdfParams {
  std::uint64_t opslimit = 2;          // crypto_pwhash_OPSLIMIT_INTERACTIVE
  std::size_t memlimit = 64u << 20;    // crypto_pwhash_MEMLIMIT_INTERACTIVE (64 MiB)
};
// Upper bounds a reader accepts, so a hostile file cannot pin the CPU or
// exhaust memory: opslimit ≤ 16, memlimit ≤ 1 GiB.
inline constexpr std::uint64_t kMaxKdfOpslimit = 16;
inline constexpr std::size_t kMaxKdfMemlimit = std::size_t{1} << 30;

// Encrypts `key` under `passphrase` and writes it to `path` with
// env.CreateFileExclusive (0600, never replacing anything, fsync'd with its
// folder); on failure no file is left at `path`.
// Errors: kAlreadyExists, kIOError (naming the failing step),
// kInvalidArgument (empty passphrase).
Status WriteKeyFile(const std::filesystem::path& path, const Ed25519SigningKey& key,
                    const SecretBytes& passphrase, const KdfParams& params = {},
                    Env& env = Env::Default());

// Reads and decrypts a key file.
// Errors: kPermissionDenied "wrong passphrase" (or a modified file),
// kMalformed (not a key file, unknown version), kResourceExhausted (KDF
// parameters over the caps, or a file over 16 KiB), kIOError (also when
// it is missing).
Result<Ed25519SigningKey> ReadKeyFile(const std::filesystem::path& path,
                                      const SecretBytes& passphrase, Env& env = Env::Default());

// Reads only the public key from a key file's header (no passphrase).
// Errors: as ReadKeyFile, without kPermissionDenied.
Result<Ed25519PublicKey> ReadKeyFilePublicKey(const std::filesystem::path& path, Env& env = Env::Default());

}  // namespace passerelle
