// Passerelle wallet — the holder's encrypted store (docs/cli/wallet.md, "Store").
//
// Layout of the data folder (0700; every file 0600):
//   wallet.json          public header: format, KDF parameters and salt, a
//                        sealed check value that tells a wrong passphrase apart
//   holder.key           the holder's Ed25519 key (docs/formats/key-file.md)
//   index.pws            sealed index: one summary per credential
//   credentials/<r>.pws  one sealed file per credential, named by keyed hash
//   issuers.pws          sealed DID documents of did:web issuers, as the
//                        holder gave them (import --did-document/--trust-list)
// No credential byte, id or name is ever written in the clear. Each write is
// tmp + fsync + rename (+ fsync of the folder), a credential file before the
// index that lists it; Open re-indexes credential files the index misses (and
// rebuilds a damaged or missing index from them), so a crash mid-import
// loses nothing already stored. Every file operation (and the import
// clock) goes through the Env given to Create or Open (env/env.h), so tests
// can run the store on a failing disk. A store object holds an
// advisory lock on the folder (shared to read, exclusive to write) for its
// lifetime. ChangePassphrase re-encrypts everything under a new passphrase,
// crash-safely (passphrase_change.h): Open finishes or undoes an interrupted
// change before reading anything. Thread-compatible.
#pragma once

#include <chrono>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "env/env.h"
#include "formats/status.h"
#include "keys/key_file.h"
#include "keys/secret_bytes.h"
#include "keys/signing_key.h"
#include "wallet-cli/store/index_entry.h"
#include "wallet-cli/store/sealing.h"
#include "wallet-cli/store/wallet_header.h"

namespace passerelle::wallet {

// Size caps when reading the store back.
inline constexpr std::size_t kMaxStoredCredentialBytes = 512 * 1024;
inline constexpr std::size_t kMaxIndexBytes = 16 * 1024 * 1024;

struct StoredCredential {
  IndexEntry entry;
  std::string credential_json;  // the bytes that were imported, unchanged
};

enum class LockMode { kShared, kExclusive };

// How long opening a wallet waits for another wallet command holding its
// folder (an import, a passphrase change) before saying so.
inline constexpr std::chrono::milliseconds kDefaultLockWait{30000};

class WalletStore {
 public:
  // Creates a wallet in `dir` (created 0700 when missing): a new holder key
  // and an empty index, both under `passphrase`. `env` must outlive the store.
  // Errors: kAlreadyExists (a wallet, or part of one, is there: never
  // overwritten), kInvalidArgument (empty passphrase), kIOError.
  static Result<WalletStore> Create(const std::filesystem::path& dir, const SecretBytes& passphrase,
                                    const KdfParams& kdf = {}, Env& env = Env::Default());

  // Opens the wallet in `dir`, checking the passphrase, and re-indexes
  // credential files a crash left out of the index (rebuilding the index
  // when it is missing or damaged; notes() says so). The repaired index is
  // written back unless another process holds the folder.
  // An interrupted passphrase change is finished or undone first, whatever
  // the passphrase (notes() says which; so does a wrong-passphrase error).
  // Errors: kNotFound (no wallet; the message says to run wallet init),
  // kPermissionDenied (wrong passphrase), kMalformed, kResourceExhausted
  // (KDF parameters over the caps), kIOError (also when another wallet
  // command still holds the folder after `lock_wait`).
  // `while_waiting`, when set, is called once if the folder is busy, before
  // the wait begins (so a command can say why it pauses).
  // `env` must outlive the store.
  static Result<WalletStore> Open(const std::filesystem::path& dir, const SecretBytes& passphrase,
                                  LockMode mode = LockMode::kShared, Env& env = Env::Default(),
                                  std::chrono::milliseconds lock_wait = kDefaultLockWait,
                                  const std::function<void()>& while_waiting = {});

  // The holder's DID, read from holder.key's public header (no passphrase).
  // Errors: kNotFound, kMalformed, kIOError.
  static Result<std::string> ReadHolderDid(const std::filesystem::path& dir, Env& env = Env::Default());

  WalletStore(WalletStore&&) noexcept;
  WalletStore& operator=(WalletStore&&) noexcept;
  ~WalletStore();

  const std::filesystem::path& dir() const { return dir_; }
  const std::string& holder_did() const { return holder_did_; }
  // Oldest first.
  const std::vector<IndexEntry>& entries() const { return entries_; }
  // What Open repaired, for the user ("the index was damaged: rebuilt …").
  const std::vector<std::string>& notes() const { return notes_; }

  // The stable identity of a credential: its `id`, else a digest of its JCS form.
  static Result<std::string> IdentityOf(std::string_view credential_json);

  // The entry for `credential_json` when the store already holds a
  // credential with the same identity; nullptr otherwise.
  Result<const IndexEntry*> FindDuplicate(std::string_view credential_json) const;

  // Stores a credential (REQUIRES: verified by the caller; LockMode::kExclusive),
  // dated env.Now(): its sealed file first (created exclusively, never
  // visible half-written), then the index. On a kIOError before the file is
  // in place nothing changed; after it, the credential is stored and the
  // next Open re-indexes it (the message says so).
  // Errors: kAlreadyExists (same identity already stored), kIOError,
  // kInvalidArgument (store opened shared).
  Result<IndexEntry> Add(std::string_view credential_json, const CredentialSummary& summary,
                         std::string_view source);

  // Finds an entry by record prefix (at least 4 hex digits) or by credential id.
  // Errors: kNotFound, kInvalidArgument (ambiguous or too short a prefix).
  Result<IndexEntry> Find(std::string_view id) const;

  // Reads and decrypts a stored credential.
  // Errors: kNotFound, kPermissionDenied (modified file), kIOError.
  Result<StoredCredential> Load(const IndexEntry& entry) const;

  // The DID documents kept for issuers that cannot be resolved offline
  // (did:web), as JSON objects; empty when none were kept.
  // Errors: kPermissionDenied (modified file), kMalformed, kIOError.
  Result<std::vector<std::string>> IssuerDocuments() const;
  // Keeps `did_document_json` (a DID document, JSON), replacing a kept
  // document of the same DID (REQUIRES: LockMode::kExclusive).
  // Errors: kMalformed (not a DID document), kInvalidArgument (store opened
  // shared), kIOError (nothing changed).
  Status KeepIssuerDocument(std::string_view did_document_json);

  // Re-encrypts the whole wallet under `new_passphrase` (REQUIRES:
  // LockMode::kExclusive; `old_passphrase` is the one it was opened with):
  // the holder key, the index, the issuers' documents and every credential,
  // under a new salt and the wallet's KDF parameters. A crash at any point
  // leaves a wallet that exactly one of the two passphrases opens, holding
  // every credential (passphrase_change.h); Open repairs what is left.
  // Returns the number of credentials re-encrypted; the store then uses the
  // new keys. Errors: kInvalidArgument (opened shared, empty new
  // passphrase), kPermissionDenied (`old_passphrase` does not open the
  // holder key), kPermissionDenied/kMalformed (a stored credential no longer
  // opens: nothing is changed), kIOError (the message says which passphrase
  // opens the wallet).
  Result<std::size_t> ChangePassphrase(const SecretBytes& old_passphrase, const SecretBytes& new_passphrase);

  // Decrypts the holder's signing key (the same passphrase).
  // Errors: kPermissionDenied, kIOError, kMalformed.
  Result<Ed25519SigningKey> HolderKey(const SecretBytes& passphrase) const;

 private:
  WalletStore(std::filesystem::path dir, StoreKeys keys, Env& env)
      : dir_(std::move(dir)), keys_(std::move(keys)), env_(&env) {}
  Status LoadIndex();
  Status RecoverOrphans();
  Status WriteIndex() const;
  std::filesystem::path RecordPath(std::string_view record) const;

  std::filesystem::path dir_;
  StoreKeys keys_;
  Env* env_;
  std::string holder_did_;
  std::vector<IndexEntry> entries_;
  std::vector<std::string> notes_;
  bool index_stale_ = false;  // rewrite the index at the next chance
  int lock_fd_ = -1;
  LockMode mode_ = LockMode::kShared;
};

}  // namespace passerelle::wallet
