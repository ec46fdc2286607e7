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

// Writes one issuance into `txn` (a child of the group's transaction).
Status WriteOne(LmdbEnv& env, Txn& txn, AuditAppender& audit, const PendingIssuance& item) {
  const CredentialRecord& r = item.record;
  if (r.id.empty() || r.id.size() > kMaxIdBytes)
    return Status::InvalidArgument("credential id must be 1 to 400 bytes");
  Status s = txn.Put(env.Db(db::kCredentials), r.id, EncodeCredentialRecord(r), MDB_NOOVERWRITE);
  if (s.code() == Code::kAlreadyExists)
    return Status::AlreadyExists("credential \"" + r.id + "\" was already issued");
  PSL_RETURN_IF_ERROR(s);
  if (!r.idempotency_key.empty()) {
    nlohmann::json v = {{"key", r.idempotency_key}, {"credential", r.id}};
    s = txn.Put(env.Db(db::kIdempotency), IdempotencyDbKey(r.idempotency_key), DumpJson(v), MDB_NOOVERWRITE);
    if (s.code() == Code::kAlreadyExists)
      return Status::AlreadyExists("\"" + r.idempotency_key + "\" was already issued");
    PSL_RETURN_IF_ERROR(s);
  }
  PSL_RETURN_IF_ERROR(txn.Put(env.Db(db::kDocuments), r.id, item.document));
  for (const auto& slot : r.status) {
    std::string key = StatusIndexKey(slot.list_id, slot.index);
    PSL_ASSIGN_OR_RETURN(auto current, txn.Get(env.Db(db::kStatusIndex), key));
    if (!current || !current->empty())
      return Status::Internal("status index " + slot.list_id + "/" + std::to_string(slot.index) +
                              (current ? " is already used" : " was never reserved"));
    PSL_RETURN_IF_ERROR(txn.Put(env.Db(db::kStatusIndex), key, r.id));
  }
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
    auto child = txn->Child();
    if (!child.ok()) return fail_all(child.status());
    Status s = WriteOne(*env_, *child, *audit, *item);
    if (s.ok()) s = child->Commit();
    if (s.ok()) {
      audit->Accept();
    } else {
      child->Abort();
      audit->Discard();
      // A full map or an I/O error dooms the whole group.
      if (s.code() == Code::kResourceExhausted || s.code() == Code::kIOError) return fail_all(s);
    }
    item->outcome = s;
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
