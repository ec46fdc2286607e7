// Passerelle — the issuer node's durable state: one LMDB environment in
// DIR/store/ (schema: docs/formats/issuer-store.md).
//
// It holds the register of issued credentials (and their signed bytes),
// idempotency keys, status lists (allocation that never hands an index out
// twice, and the bits), API tokens (hashes only) and an append-only,
// hash-chained audit log of every issuance, status change and token change.
// Every method that changes state commits a synced transaction before it
// returns: what it reports as done survives a crash.
//
// Thread-safe: methods may be called from any thread; LMDB serializes the
// writers (across processes too: a CLI verb may run next to `issuer serve`).
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "formats/datetime.h"
#include "formats/status.h"
#include "issuer/store/lmdb.h"
#include "issuer/store/records.h"

namespace passerelle::store {

inline constexpr std::string_view kStoreFormat = "passerelle-issuer-store/v1";
// Entries per status list: the Bitstring Status List minimum (herd privacy).
inline constexpr std::uint64_t kDefaultListLength = 131072;

struct StoreOptions {
  LmdbOptions lmdb;
  std::uint64_t list_length = kDefaultListLength;  // REQUIRES: a multiple of 8, ≥ 131072 in production
  // A list stops handing out indexes when this share of it is used, so
  // random allocation stays cheap; a new list is then opened.
  double list_fill_limit = 0.75;
};

// A credential ready to enter the register.
struct PendingIssuance {
  CredentialRecord record;
  std::string document;  // the signed credential, JSON
  Status outcome;        // set by CommitIssuances
};

struct StatusChange {
  StatusPurpose purpose = StatusPurpose::kRevocation;
  bool set = true;  // true: revoke/suspend; false: unsuspend
};

struct StatusChangeOutcome {
  bool changed = false;  // false: the credential already had that status
  CredentialRecord record;
  StatusSlot slot;
};

struct StatusListState {
  StatusListMeta meta;
  std::string bits;
};

class IssuerStore {
 public:
  // Opens the store in `dir` (normally ISSUER_DIR/store), creating it when
  // missing unless options.lmdb.read_only. Errors: kIOError, kMalformed (a
  // store of another format version).
  static Result<std::unique_ptr<IssuerStore>> Open(const std::filesystem::path& dir,
                                                   const StoreOptions& options = {});
  // True when `dir` holds a store.
  static bool Exists(const std::filesystem::path& dir);

  // --- node settings (the `meta` database) ---
  // Returns a setting, or "" when unset. Errors: kIOError.
  Result<std::string> GetSetting(std::string_view name) const;
  Status PutSetting(std::string_view name, std::string_view value);

  // --- register (register.cc) ---
  // Commits every item whose id and idempotency key are new, in one synced
  // transaction, with its document, status slots and an audit entry; sets
  // each item's outcome (kAlreadyExists for a known id or idempotency key,
  // kInternal for a slot that was not reserved or is used). Returns an error
  // only when nothing could be committed (kIOError, kResourceExhausted).
  Status CommitIssuances(std::vector<PendingIssuance*>& items);
  // Errors: kNotFound naming the id.
  Result<CredentialRecord> FindCredential(std::string_view id) const;
  // The signed credential. Errors: kNotFound.
  Result<std::string> FindDocument(std::string_view id) const;
  // The credential id recorded for an idempotency key, or nullopt.
  Result<std::optional<std::string>> FindByIdempotencyKey(std::string_view key) const;
  // Calls `fn` for every register entry in id order until it returns false.
  Status ForEachCredential(const std::function<bool(const CredentialRecord&)>& fn) const;
  // Number of credentials in the register.
  Result<std::uint64_t> CountCredentials() const;

  // --- status lists (status_store.cc) ---
  // Reserves `n` fresh random indexes of `purpose` (opening lists as they
  // fill). A reserved index is never reserved again, used or not.
  // Errors: kIOError, kResourceExhausted.
  Result<std::vector<StatusSlot>> ReserveSlots(StatusPurpose purpose, std::size_t n);
  // Sets or clears one status bit of a credential and records the change in
  // the register and the audit log (one synced transaction). Setting a bit
  // that is already set (or clearing a clear one) changes nothing and
  // reports changed = false. Errors: kNotFound (unknown credential, or it
  // has no entry of that purpose), kIOError.
  Result<StatusChangeOutcome> ApplyStatusChange(std::string_view credential_id, StatusChange change,
                                                std::string_view actor, Timestamp now);
  // The ids of every list, oldest first.
  Result<std::vector<StatusListMeta>> ListStatusLists() const;
  // Errors: kNotFound.
  Result<StatusListState> LoadStatusList(std::string_view list_id) const;
  // The last published (signed) form of a list, or nullopt.
  Result<std::optional<PublishedList>> FindPublishedList(std::string_view list_id) const;
  Status PutPublishedList(std::string_view list_id, const PublishedList& published);

  // --- tokens (token_store.cc) ---
  // Creates a token with `scopes`; returns the token text (shown once).
  // Errors: kInvalidArgument (unknown scope), kIOError.
  Result<std::string> CreateToken(const std::vector<std::string>& scopes, std::string_view label,
                                  std::string_view actor, Timestamp now);
  // Checks a bearer token in constant time. Errors: kPermissionDenied.
  Result<TokenRecord> Authenticate(std::string_view token) const;
  Result<std::vector<TokenRecord>> ListTokens() const;
  // Errors: kNotFound.
  Status RevokeToken(std::string_view token_id, std::string_view actor, Timestamp now);

  // --- audit log (audit_log.cc) ---
  Status ForEachAuditEvent(const std::function<bool(const AuditEvent&)>& fn) const;
  // Re-computes the hash chain. Errors: kVerificationFailed naming the
  // first entry that does not follow from the one before.
  Status VerifyAuditChain() const;
  // The chain's head after entry `seq` (the last entry when absent): how
  // many entries, and the SHA-256 (hex) of that entry, which commits to
  // every entry before it. The chain up to there is checked on the way.
  // Errors: kVerificationFailed (a broken link), kNotFound (fewer entries).
  struct AuditHead {
    std::uint64_t entries = 0;
    std::string hash;  // empty when the log is empty
  };
  Result<AuditHead> AuditHeadAt(std::optional<std::uint64_t> seq = std::nullopt) const;

  LmdbEnv& env() { return *env_; }
  const StoreOptions& options() const { return options_; }

 private:
  IssuerStore(std::unique_ptr<LmdbEnv> env, StoreOptions options)
      : env_(std::move(env)), options_(options) {}
  std::unique_ptr<LmdbEnv> env_;
  StoreOptions options_;
};

// Appends audit events inside one write transaction, continuing the chain.
class AuditAppender {
 public:
  // Reads the chain head from `txn`. Errors: kIOError, kMalformed.
  static Result<AuditAppender> Start(const Txn& txn, MDB_dbi audit_db);
  // Writes `event` (seq and prev filled in) into `txn`, the transaction
  // Start() read; if that transaction aborts, drop this appender too.
  Status Append(Txn& txn, AuditEvent event);

 private:
  MDB_dbi db_ = 0;
  std::uint64_t seq_ = 0;
  std::string hash_;
};

// The database names of the schema.
namespace db {
inline constexpr const char* kMeta = "meta";
inline constexpr const char* kCredentials = "credentials";
inline constexpr const char* kDocuments = "documents";
inline constexpr const char* kIdempotency = "idempotency";
inline constexpr const char* kStatusLists = "status_lists";
inline constexpr const char* kStatusBits = "status_bits";
inline constexpr const char* kStatusIndex = "status_index";
inline constexpr const char* kPublishedLists = "published_lists";
inline constexpr const char* kTokens = "tokens";
inline constexpr const char* kAudit = "audit";
// Claiming (offer_store.h): offers by code hash, offer ids by code hash and
// by idempotency key, access tokens by hash, c_nonces.
inline constexpr const char* kOffers = "offers";
inline constexpr const char* kOfferKeys = "offer_keys";
inline constexpr const char* kAccessTokens = "access_tokens";
inline constexpr const char* kNonces = "nonces";
}  // namespace db

// status_index key: list id, NUL, 8-byte big-endian index.
std::string StatusIndexKey(std::string_view list_id, std::uint64_t index);

}  // namespace passerelle::store
