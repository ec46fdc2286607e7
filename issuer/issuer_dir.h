// Passerelle — an issuer's data folder: identity, keys and their history.
//
// Layout (docs/formats/issuer-dir.md):
//   DIR/issuer.json      public configuration: DID, name, country, key history
//   DIR/keys/key-N.key   encrypted Ed25519 keys (docs/formats/key-file.md)
// An IssuerDir is a value loaded from disk; writing goes through the
// functions below, which write through an Env (env/env.h): key files are
// created exclusively, issuer.json is replaced atomically and durably, so a
// failure leaves the previous issuer.json (and every key it names) intact.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "env/env.h"
#include "formats/datetime.h"
#include "formats/status.h"
#include "keys/did_document.h"
#include "keys/key_file.h"
#include "keys/secret_bytes.h"
#include "keys/signing_key.h"

namespace passerelle {

inline constexpr std::string_view kIssuerDirFormat = "passerelle-issuer/v1";

struct IssuerKeyRecord {
  std::string method_id;     // "did:web:uni.example#key-1" or the did:key method
  std::string file;          // relative to the folder: "keys/key-1.key"
  Ed25519PublicKey public_key;
  Timestamp created;
  std::optional<Timestamp> retired;  // set when rotated out
};

struct IssuerDir {
  std::filesystem::path dir;
  std::string did;
  std::string name;
  std::string country;  // ISO 3166-1 alpha-2, may be empty
  std::vector<IssuerKeyRecord> keys;  // oldest first; the last is current

  const IssuerKeyRecord& current_key() const { return keys.back(); }
  // The DID document listing every key; retired keys carry `revoked`.
  DidDocument Document() const;
};

struct InitOptions {
  std::optional<std::string> did_web;  // "did:web:host[:path]"; otherwise did:key
  std::string name;
  std::string country;
  KdfParams kdf;
};

// Creates a new issuer folder with one fresh key encrypted under
// `passphrase`, dated env.Now().
// Errors: kAlreadyExists (never overwrites), kInvalidArgument (bad did:web),
// kIOError (naming the file and the failing step).
Result<IssuerDir> InitIssuerDir(const std::filesystem::path& dir, const InitOptions& options,
                                const SecretBytes& passphrase, Env& env = Env::Default());

// Checks an awarding body's name as it will be signed into every
// credential: at most 200 bytes of valid UTF-8, no control characters.
// Errors: kInvalidArgument saying what is wrong.
Status CheckIssuerName(std::string_view name);

// Changes the name and/or country (normalised, ISO 3166-1) recorded in
// issuer.json, replacing it atomically. Credentials issued earlier keep what
// they were signed with; new ones carry the new values.
// Errors: kInvalidArgument (a bad name or country), kIOError.
Result<IssuerDir> UpdateIssuerProfile(const IssuerDir& issuer, const std::optional<std::string>& name,
                                      const std::optional<std::string>& country, Env& env = Env::Default());

// Loads issuer.json (at most 1 MiB). Errors: kNotFound (with a hint to run
// init), kMalformed, kResourceExhausted, kIOError.
Result<IssuerDir> OpenIssuerDir(const std::filesystem::path& dir, Env& env = Env::Default());

// Decrypts the current signing key. Errors: kPermissionDenied, kIOError.
Result<Ed25519SigningKey> LoadCurrentKey(const IssuerDir& issuer, const SecretBytes& passphrase,
                                         Env& env = Env::Default());

// How long a rotated-out key still vouches for new signatures.
inline constexpr std::int64_t kRotationGraceSeconds = 10;

// Adds a new key (did:web only: a did:key cannot rotate), retiring the
// current one at `now` + kRotationGraceSeconds (a compromised key is not
// rotated but removed from the DID document). On failure issuer.json is
// unchanged, so the current key stays current.
// The new key takes the first free number: a key file a killed rotation
// wrote before issuer.json named it is never overwritten nor used.
// Errors: kInvalidArgument for did:key, kPermissionDenied, kIOError.
Result<IssuerDir> RotateKey(const IssuerDir& issuer, const SecretBytes& passphrase, Timestamp now,
                            const KdfParams& kdf = {}, Env& env = Env::Default());

// Tidies what a process killed mid-write left in the folder: removes the
// temporary files of interrupted writes of issuer.json and key files (of
// processes no longer running), and names key files under keys/ that
// issuer.json does not list (a rotation killed between writing the key and
// naming it: never used to sign, left in place, their number skipped).
// Returns one sentence per finding, for the user. Errors: kIOError.
Result<std::vector<std::string>> RepairIssuerDir(const IssuerDir& issuer, Env& env = Env::Default());

}  // namespace passerelle
