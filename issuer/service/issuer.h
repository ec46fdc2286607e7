// Passerelle — the issuer service: the one object through which a node
// issues, issues in batches, revokes or suspends, and rotates its key.
//
// The CLI verbs, the HTTP handlers and the batch runner all hold an Issuer
// instead of assembling the store, the signing identity, the status-list
// slot pool, the group committer and the status-list publisher themselves.
// OpenIssuer() builds and checks it once; storage stays in issuer/store/,
// the signing workflow in issuance.h, the held key in signing_identity.h.
//
// Thread-safe: every method may be called from any thread (the HTTP server
// calls Issue() and SetStatus() concurrently; the batch runner signs on
// several threads). Several processes may hold an Issuer over one folder:
// the store settles who writes.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "env/env.h"
#include "formats/data_integrity.h"
#include "formats/status.h"
#include "issuer/issuer_dir.h"
#include "issuer/service/issuance.h"
#include "issuer/status/publisher.h"
#include "issuer/store/store.h"
#include "keys/secret_bytes.h"

namespace passerelle {

class GroupCommitter;
class SigningIdentity;
class SlotPool;

// Whether OpenIssuer opens the folder's LMDB store (DIR/store).
enum class StoreUse {
  kOpenOrCreate,  // open it, creating it when missing (serve, batch)
  kOpenIfExists,  // open it when present; without it the register verbs fail
  kNone,          // never touch it (key rotation, which needs no register)
};

struct IssuerOptions {
  // The issuer folder made by InitIssuerDir (issuer.json, key files, store/).
  std::filesystem::path dir;

  // Unlocks the folder's current key. Moved into guarded memory held by the
  // Issuer (a rotation made elsewhere is picked up with it); never logged.
  // Absent: the Issuer holds no key. It can still change statuses and read
  // the register (`issuer revoke` asks for no passphrase: the serving node
  // re-signs the list), but Issue(), SignForBatch(), StatusList(),
  // PublishStatusList() and RotateKey() fail with kPermissionDenied.
  std::optional<SecretBytes> passphrase;

  // Where status lists are published, e.g. "https://issuer.example"
  // (trailing '/' dropped): new status entries point under
  // PUBLIC_URL/status-lists/. Needed to issue with status entries; when
  // given it must be an http(s) URL. Default: none.
  std::string public_url;

  // The clock (proof and record dates, status changes) and the file system
  // a key rotation writes through. Never null; it must outlive the Issuer.
  Env* env = &Env::Default();

  // Whether the store is opened. Default: kOpenOrCreate.
  StoreUse store = StoreUse::kOpenOrCreate;

  // Status-list indexes reserved per purpose in one synced transaction.
  // Larger is cheaper per credential; indexes left when the process ends
  // are never used. Default: 256 (one CLI issuance uses 1, a batch 2048).
  std::size_t slot_chunk = 256;

  // Credentials committed in one synced transaction at most, when
  // concurrent Issue() calls queue up (a committer thread started by the
  // first Issue()). Default: 512.
  std::size_t max_group = 512;

  // The suite status lists are signed with. Default: eddsa-rdfc-2022.
  Cryptosuite list_suite = Cryptosuite::kEddsaRdfc2022;

  // How often issuer.json is checked for a key rotated by another process.
  // Default: one second.
  std::chrono::milliseconds key_recheck = std::chrono::seconds(1);
};

// What a credential's status becomes through SetStatus().
enum class CredentialState {
  kRevoked,    // sets its revocation bit (permanent)
  kSuspended,  // sets its suspension bit
  kActive,     // clears its suspension bit; a revoked credential stays revoked
};

// Which step of Issue() refused.
enum class IssueStep {
  kPrepare,  // the credential, its status entries or its signature: nothing entered the register
  kCommit,   // the register refused or failed the durable commit
};

class Issuer {
 public:
  ~Issuer();
  Issuer(const Issuer&) = delete;
  Issuer& operator=(const Issuer&) = delete;

  // --- issuing ---

  // Issues one credential: status entries (one revocation and one
  // suspension index), a proof by the current key, the self-check, then a
  // durable commit in the register with its audit entry (concurrent calls
  // share one synced transaction). A credential id already in the register
  // is refused before any status index is spent. Returns the signed
  // credential, once durable. `failed_at`, when given, is set on failure.
  // Errors: kAlreadyExists (a known id or idempotency key; the message
  // names it), kInvalidCredential, kUnsupported, kInvalidArgument (status
  // wanted but no public URL), kNotFound (no store), kPermissionDenied
  // (opened without the passphrase), kIOError, kResourceExhausted,
  // kInternal (self-check).
  Result<nlohmann::json> Issue(IssueRequest request, IssueStep* failed_at = nullptr);

  // The batch entry, in two halves so the batch runner can sign on several
  // threads and commit in groups. SignForBatch signs like Issue() but
  // commits nothing (the status indexes it takes are spent either way).
  // Errors: those of Issue()'s kPrepare step. Thread-safe.
  Result<std::unique_ptr<SignedIssuance>> SignForBatch(IssueRequest request);
  // Commits `items` in one synced transaction and sets each item's outcome
  // (IssuerStore::CommitIssuances). Errors, when nothing was committed:
  // kNotFound (no store), kIOError, kResourceExhausted.
  Status CommitBatch(std::vector<store::PendingIssuance*>& items);
  // Reserves ahead so `credentials` issuances need no further reservation.
  // Errors: kNotFound (no store), kIOError, kResourceExhausted.
  Status PrefetchSlots(std::size_t credentials);

  // --- status ---

  // Revokes, suspends or reactivates a credential of the register; the
  // node re-signs the affected list on its next fetch. Changing nothing
  // (already in that state) is not an error: outcome.changed is false.
  // Errors: kNotFound (no store, unknown credential, or no entry of that
  // purpose), kIOError.
  Result<store::StatusChangeOutcome> SetStatus(std::string_view credential_id, CredentialState state,
                                               std::string_view actor);

  // The signed BitstringStatusListCredential of `list_id`, re-signed when
  // it changed or half its validity passed. Errors: kNotFound, kIOError,
  // kInternal (its self-check failed).
  Result<SignedList> StatusList(std::string_view list_id);
  // Signs the list again now. Errors: those of StatusList().
  Result<SignedList> PublishStatusList(std::string_view list_id);
  // The ids of the node's status lists, oldest first (what GET
  // /status-lists/{id} and `issuer publish` serve). Errors: kNotFound (no
  // store), kIOError.
  Result<std::vector<std::string>> StatusListIds() const;

  // --- keys ---

  // Adds a new current key (did:web only) with the held passphrase,
  // retiring the old one after kRotationGraceSeconds; credentials it signed
  // keep verifying. The next signature uses the new key. Returns the
  // folder after rotation. Errors: kInvalidArgument (did:key),
  // kPermissionDenied, kIOError; on failure the old key stays current.
  Result<IssuerDir> RotateKey(const KdfParams& kdf = {});

  // --- reading ---

  // The folder as of the current key (DID, name, country, keys): its
  // Document() is the DID document to publish. Never fails.
  IssuerDir folder() const;
  // The DID document to publish (GET /.well-known/did.json, `issuer
  // publish`): folder().Document() as JSON.
  nlohmann::json DidDocumentJson() const;
  // True when the Issuer holds the key (opened with a passphrase).
  bool can_sign() const { return signer_ != nullptr; }
  // The public URL status lists are served under ("" when none); also the
  // node's OID4VCI credential issuer identifier.
  const std::string& public_url() const { return public_url_; }
  // The environment (clock) the Issuer was opened with.
  Env& env() const { return *env_; }
  // True when the store is open.
  bool has_store() const { return store_ != nullptr; }
  // The register and the rest of the storage (tokens, audit log) for what
  // the service does not wrap: listing, lookups, access checks. Null
  // without a store.
  store::IssuerStore* store() const { return store_.get(); }
  // Errors: kNotFound (no store, or no such credential).
  Result<store::CredentialRecord> FindCredential(std::string_view id) const;
  // The credential id recorded for an idempotency key, or nullopt.
  // Errors: kNotFound (no store), kIOError.
  Result<std::optional<std::string>> FindByIdempotencyKey(std::string_view key) const;
  // The signed credential as committed. Errors: kNotFound, kIOError.
  Result<std::string> FindDocument(std::string_view id) const;

 private:
  friend Result<std::unique_ptr<Issuer>> OpenIssuer(IssuerOptions options);
  Issuer() = default;
  Status NeedStore() const;
  Status NeedKey() const;
  IssuanceContext Context() const;

  Env* env_ = &Env::Default();
  std::string public_url_;
  IssuerDir folder_;                           // as opened; the signer's is newer when there is one
  std::unique_ptr<store::IssuerStore> store_;  // null: StoreUse::kNone, or kOpenIfExists without one
  std::unique_ptr<SigningIdentity> signer_;   // null: opened without a passphrase
  std::unique_ptr<SlotPool> slots_;
  std::size_t max_group_ = 512;
  // Started by the first Issue(), so its thread is born where issuing
  // happens (`issuer serve` blocks its stop signals before that).
  std::once_flag committer_once_;
  std::unique_ptr<GroupCommitter> committer_;
  std::unique_ptr<StatusListPublisher> publisher_;  // with a store and a key only
};

// Opens the issuer in `options.dir`: reads issuer.json, decrypts the
// current key with the passphrase (when given), opens the store as
// options.store says, and wires the slot pool, the group committer and the
// publisher over them.
// Takes the options by value: the passphrase moves into the Issuer, never
// copied. Errors: kNotFound (no issuer folder), kPermissionDenied (wrong
// passphrase), kInvalidArgument (public URL not http(s)), kMalformed
// (issuer.json or a store of another format), kIOError.
Result<std::unique_ptr<Issuer>> OpenIssuer(IssuerOptions options);

}  // namespace passerelle
