// Passerelle — the records the issuer store keeps, and their encoding.
//
// Every record is a compact JSON object (docs/formats/issuer-store.md lists
// the members); Encode* cannot fail and Decode* rejects anything else with
// kMalformed naming the database. Values; thread-compatible.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "formats/datetime.h"
#include "formats/status.h"

namespace passerelle::store {

// Status purposes this node allocates. Do not renumber: stored by name.
enum class StatusPurpose { kRevocation, kSuspension };
// "revocation" / "suspension".
const char* StatusPurposeName(StatusPurpose purpose);
// Errors: kInvalidArgument naming the purpose.
Result<StatusPurpose> ParseStatusPurpose(std::string_view name);

// One entry of a credential in one status list.
struct StatusSlot {
  StatusPurpose purpose = StatusPurpose::kRevocation;
  std::string list_id;  // "revocation-1"
  std::uint64_t index = 0;
};

// The register entry of an issued credential. The signed bytes live in the
// `documents` database under the same id.
struct CredentialRecord {
  std::string id;
  std::string kind;        // "module", "certification", "diploma", "credential"
  std::string subject;     // credentialSubject.id, else its name
  std::string learner;     // credentialSubject.name (or given and family names); "" when none
  std::string programme;   // programme code, when built from programme data
  std::string module;      // module code (module credentials)
  std::string trainee;     // the batch's trainee_id, when from a batch
  std::vector<StatusSlot> status;
  Timestamp issued_at;
  std::string actor;       // "token:<id>", "cli", "batch"
  std::string idempotency_key;  // empty when none
  std::string suite;       // cryptosuite name
  bool revoked = false;
  bool suspended = false;
};

std::string EncodeCredentialRecord(const CredentialRecord& r);
Result<CredentialRecord> DecodeCredentialRecord(std::string_view bytes);

// A status list's bookkeeping. Its bits live in `status_bits`.
struct StatusListMeta {
  std::string id;
  StatusPurpose purpose = StatusPurpose::kRevocation;
  std::uint64_t length = 0;    // entries (bits: statusSize 1)
  std::uint64_t reserved = 0;  // indexes handed out (never handed out again)
  std::uint64_t version = 0;   // bumped on every bit change
  Timestamp created;
};

std::string EncodeStatusListMeta(const StatusListMeta& m);
Result<StatusListMeta> DecodeStatusListMeta(std::string_view bytes);

// The last signed BitstringStatusListCredential of a list.
struct PublishedList {
  std::uint64_t version = 0;  // the list version it shows
  Timestamp signed_at;
  std::string credential;     // the signed JSON
};

std::string EncodePublishedList(const PublishedList& p);
Result<PublishedList> DecodePublishedList(std::string_view bytes);

// An API token: only the SHA-256 of its secret is kept.
struct TokenRecord {
  std::string id;                   // 16 hex digits, public (logged)
  std::string secret_hash;          // 32 raw bytes: SHA-256 of the secret part
  std::vector<std::string> scopes;  // "issue", "status", "admin"
  std::string label;
  Timestamp created;
  bool revoked = false;
};

std::string EncodeTokenRecord(const TokenRecord& t);
Result<TokenRecord> DecodeTokenRecord(std::string_view bytes);

// One audit-log entry. `prev` chains entries: the SHA-256 (hex) of the
// previous entry's stored bytes, "" for the first.
struct AuditEvent {
  std::uint64_t seq = 0;
  Timestamp at;
  std::string action;      // "issue", "revoke", "suspend", "unsuspend", "token-create", "token-revoke"
  std::string credential;  // credential id (or token id for token actions)
  std::string actor;
  std::string detail;
  std::string prev;
};

std::string EncodeAuditEvent(const AuditEvent& e);
Result<AuditEvent> DecodeAuditEvent(std::string_view bytes);

}  // namespace passerelle::store
