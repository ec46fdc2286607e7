// Passerelle — the register of issued credentials: group commit, lookups.
#include <nlohmann/json.hpp>

#include "formats/digest.h"
#include "formats/json.h"
#include "issuer/store/store.h"

namespace passerelle::store {

namespace {

// Keys of the idempotency database: SHA-256 of the caller's key, so any
// key fits LMDB's 511-byte key limit.
std::string IdempotencyDbKey(std::string_view key) { return Sha256(key); }

constexpr std::size_t kMaxIdBytes = 400;

// Checks that one issuance can enter the register: a new id, a new
// idempotency key, and status slots reserved but unused. Runs inside the
// group's write transaction, so the answer holds until it commits (and sees
// the group's earlier items).
Status CheckOne(LmdbEnv& env, const Txn& txn, const PendingIssuance& item) {
  const CredentialRecord& r = item.record;
  if (r.id.empty() || r.id.size() > kMaxIdBytes)
    return Status::InvalidArgument("credential id must be 1 to 400 bytes");
  PSL_ASSIGN_OR_RETURN(auto known, txn.Get(env.Db(db::kCredentials), r.id));
  if (known) return Status::AlreadyExists("credential \"" + r.id + "\" was already issued");
  if (!r.idempotency_key.empty()) {
    PSL_ASSIGN_OR_RETURN(auto seen, txn.Get(env.Db(db::kIdempotency), IdempotencyDbKey(r.idempotency_key)));
    if (seen) return Status::AlreadyExists("\"" + r.idempotency_key + "\" was already issued");
  }
  for (const auto& slot : r.status) {
    PSL_ASSIGN_OR_RETURN(auto current, txn.Get(env.Db(db::kStatusIndex), StatusIndexKey(slot.list_id, slot.index)));
    if (!current || !current->empty())
      return Status::Internal("status index " + slot.list_id + "/" + std::to_string(slot.index) +
                              (current ? " is already used" : " was never reserved"));
  }
  return Status::Ok();
}

// Writes one checked issuance. Any failure here is the store's (map full,
// I/O) and dooms the group.
Status WriteOne(LmdbEnv& env, Txn& txn, AuditAppender& audit, const PendingIssuance& item) {
  const CredentialRecord& r = item.record;
  PSL_RETURN_IF_ERROR(txn.Put(env.Db(db::kCredentials), r.id, EncodeCredentialRecord(r)));
  if (!r.idempotency_key.empty()) {
    nlohmann::json v = {{"key", r.idempotency_key}, {"credential", r.id}};
    PSL_RETURN_IF_ERROR(txn.Put(env.Db(db::kIdempotency), IdempotencyDbKey(r.idempotency_key), DumpJson(v)));
  }
  PSL_RETURN_IF_ERROR(txn.Put(env.Db(db::kDocuments), r.id, item.document));
  for (const auto& slot : r.status)
    PSL_RETURN_IF_ERROR(txn.Put(env.Db(db::kStatusIndex), StatusIndexKey(slot.list_id, slot.index), r.id));
  AuditEvent e;
  e.at = r.issued_at;
  e.action = "issue";
  e.credential = r.id;
  e.actor = r.actor;
  e.detail = r.kind + (r.module.empty() ? std::string() : " " + r.module) +
             (r.trainee.empty() ? std::string() : " trainee " + r.trainee);
  return audit.Append(txn, std::move(e));
}

}  // namespace

Status IssuerStore::CommitIssuances(std::vector<PendingIssuance*>& items) {
  if (items.empty()) return Status::Ok();
  auto fail_all = [&](const Status& s) {
    for (PendingIssuance* each : items) each->outcome = s;
    return s;
  };
  auto txn = env_->BeginWrite();
  if (!txn.ok()) return fail_all(txn.status());
  auto audit = AuditAppender::Start(*txn, env_->Db(db::kAudit));
  if (!audit.ok()) return fail_all(audit.status());
  for (PendingIssuance* item : items) {
    item->outcome = CheckOne(*env_, *txn, *item);
    if (!item->outcome.ok()) {
      if (item->outcome.code() == Code::kIOError) return fail_all(item->outcome);
      continue;
    }
    Status written = WriteOne(*env_, *txn, *audit, *item);
    if (!written.ok()) return fail_all(written);
  }
  Status committed = txn->Commit();
  if (!committed.ok()) return fail_all(committed);
  return committed;
}

Result<CredentialRecord> IssuerStore::FindCredential(std::string_view id) const {
  PSL_ASSIGN_OR_RETURN(Txn txn, env_->BeginRead());
  PSL_ASSIGN_OR_RETURN(auto value, txn.Get(env_->Db(db::kCredentials), id));
  if (!value) return Status::NotFound("credential \"" + std::string(id.substr(0, 200)) + "\" is not in the register");
  return DecodeCredentialRecord(*value);
}

Result<std::string> IssuerStore::FindDocument(std::string_view id) const {
  PSL_ASSIGN_OR_RETURN(Txn txn, env_->BeginRead());
  PSL_ASSIGN_OR_RETURN(auto value, txn.Get(env_->Db(db::kDocuments), id));
  if (!value) return Status::NotFound("credential \"" + std::string(id.substr(0, 200)) + "\" is not in the register");
  return std::string(*value);
}

Result<std::optional<std::string>> IssuerStore::FindByIdempotencyKey(std::string_view key) const {
  PSL_ASSIGN_OR_RETURN(Txn txn, env_->BeginRead());
  PSL_ASSIGN_OR_RETURN(auto value, txn.Get(env_->Db(db::kIdempotency), IdempotencyDbKey(key)));
  if (!value) return std::optional<std::string>();
  auto parsed = ParseJson(*value);
  if (!parsed.ok()) return parsed.status().Annotate("store idempotency record");
  auto id = GetString(*parsed, "credential", "");
  if (!id.ok()) return id.status().Annotate("store idempotency record");
  return std::optional<std::string>(*id);
}

Status IssuerStore::ForEachCredential(const std::function<bool(const CredentialRecord&)>& fn) const {
  PSL_ASSIGN_OR_RETURN(Txn txn, env_->BeginRead());
  Status inner;
  PSL_RETURN_IF_ERROR(txn.ForEach(env_->Db(db::kCredentials), "", [&](std::string_view, std::string_view v) {
    auto r = DecodeCredentialRecord(v);
    if (!r.ok()) {
      inner = r.status();
      return false;
    }
    return fn(*r);
  }));
  return inner;
}

Result<std::uint64_t> IssuerStore::CountCredentials() const {
  PSL_ASSIGN_OR_RETURN(Txn txn, env_->BeginRead());
  MDB_stat st{};
  int rc = mdb_stat(txn.raw(), env_->Db(db::kCredentials), &st);
  if (rc != MDB_SUCCESS) return LmdbStatus(rc, "store stat");
  return static_cast<std::uint64_t>(st.ms_entries);
}

}  // namespace passerelle::store
