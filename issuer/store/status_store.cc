// Passerelle — status lists in the store: random allocation that never
// hands an index out twice, and status changes.
#include <sodium.h>

#include <algorithm>
#include <charconv>
#include <cmath>

#include "formats/status_list.h"
#include "issuer/store/store.h"

namespace passerelle::store {

namespace {

std::string CurrentListKey(StatusPurpose p) { return std::string("current-list/") + StatusPurposeName(p); }
std::string ListCounterKey(StatusPurpose p) { return std::string("list-counter/") + StatusPurposeName(p); }

// Opens a new, empty list of `purpose` inside `txn` and makes it current.
Result<StatusListMeta> OpenNewList(LmdbEnv& env, Txn& txn, StatusPurpose purpose, std::uint64_t length) {
  MDB_dbi meta = env.Db(db::kMeta);
  PSL_ASSIGN_OR_RETURN(auto counter, txn.Get(meta, ListCounterKey(purpose)));
  std::uint64_t n = 1;
  if (counter) {
    std::uint64_t last = 0;
    auto [ptr, ec] = std::from_chars(counter->data(), counter->data() + counter->size(), last);
    if (ec != std::errc() || ptr != counter->data() + counter->size())
      return Status::Malformed("store meta " + ListCounterKey(purpose) + ": not a number");
    n = last + 1;
  }
  StatusListMeta m;
  m.id = std::string(StatusPurposeName(purpose)) + "-" + std::to_string(n);
  m.purpose = purpose;
  m.length = length;
  m.created = Now();
  m.created.nanos = 0;
  PSL_RETURN_IF_ERROR(txn.Put(env.Db(db::kStatusLists), m.id, EncodeStatusListMeta(m), MDB_NOOVERWRITE));
  PSL_RETURN_IF_ERROR(txn.Put(env.Db(db::kStatusBits), m.id, std::string(length / 8, '\0')));
  PSL_RETURN_IF_ERROR(txn.Put(meta, ListCounterKey(purpose), std::to_string(n)));
  PSL_RETURN_IF_ERROR(txn.Put(meta, CurrentListKey(purpose), m.id));
  return m;
}

Result<StatusListMeta> LoadMeta(LmdbEnv& env, const Txn& txn, std::string_view list_id) {
  PSL_ASSIGN_OR_RETURN(auto v, txn.Get(env.Db(db::kStatusLists), list_id));
  if (!v) return Status::NotFound("status list \"" + std::string(list_id.substr(0, 100)) + "\" does not exist");
  return DecodeStatusListMeta(*v);
}

}  // namespace

Result<std::vector<StatusSlot>> IssuerStore::ReserveSlots(StatusPurpose purpose, std::size_t n) {
  if (sodium_init() < 0) return Status::Internal("libsodium failed to initialise");
  PSL_ASSIGN_OR_RETURN(Txn txn, env_->BeginWrite());
  PSL_ASSIGN_OR_RETURN(auto current, txn.Get(env_->Db(db::kMeta), CurrentListKey(purpose)));
  StatusListMeta list;
  if (current) {
    PSL_ASSIGN_OR_RETURN(list, LoadMeta(*env_, txn, *current));
  } else {
    PSL_ASSIGN_OR_RETURN(list, OpenNewList(*env_, txn, purpose, options_.list_length));
  }
  std::vector<StatusSlot> out;
  out.reserve(n);
  MDB_dbi index_db = env_->Db(db::kStatusIndex);
  while (out.size() < n) {
    auto limit = static_cast<std::uint64_t>(std::floor(static_cast<double>(list.length) * options_.list_fill_limit));
    if (list.reserved >= limit) {
      PSL_RETURN_IF_ERROR(txn.Put(env_->Db(db::kStatusLists), list.id, EncodeStatusListMeta(list)));
      PSL_ASSIGN_OR_RETURN(list, OpenNewList(*env_, txn, purpose, options_.list_length));
    }
    auto index = static_cast<std::uint64_t>(randombytes_uniform(static_cast<std::uint32_t>(
        std::min<std::uint64_t>(list.length, 0xffffffffull))));
    Status s = txn.Put(index_db, StatusIndexKey(list.id, index), "", MDB_NOOVERWRITE);
    if (s.code() == Code::kAlreadyExists) continue;  // taken: draw again
    PSL_RETURN_IF_ERROR(s);
    ++list.reserved;
    out.push_back({purpose, list.id, index});
  }
  PSL_RETURN_IF_ERROR(txn.Put(env_->Db(db::kStatusLists), list.id, EncodeStatusListMeta(list)));
  PSL_RETURN_IF_ERROR(txn.Commit());
  return out;
}

Result<StatusChangeOutcome> IssuerStore::ApplyStatusChange(std::string_view credential_id,
                                                           StatusChange change, std::string_view actor,
                                                           Timestamp now) {
  PSL_ASSIGN_OR_RETURN(Txn txn, env_->BeginWrite());
  PSL_ASSIGN_OR_RETURN(auto rec_bytes, txn.Get(env_->Db(db::kCredentials), credential_id));
  if (!rec_bytes)
    return Status::NotFound("credential \"" + std::string(credential_id.substr(0, 200)) + "\" is not in the register");
  PSL_ASSIGN_OR_RETURN(CredentialRecord record, DecodeCredentialRecord(*rec_bytes));
  const StatusSlot* slot = nullptr;
  for (const auto& s : record.status)
    if (s.purpose == change.purpose) slot = &s;
  if (slot == nullptr)
    return Status::NotFound("credential \"" + record.id + "\" has no " + StatusPurposeName(change.purpose) +
                            " entry (it was issued without status)");
  StatusChangeOutcome out;
  out.slot = *slot;
  bool& flag = change.purpose == StatusPurpose::kRevocation ? record.revoked : record.suspended;
  if (flag == change.set) {
    out.record = record;
    return out;  // nothing to do; the transaction is aborted
  }
  PSL_ASSIGN_OR_RETURN(StatusListMeta list, LoadMeta(*env_, txn, slot->list_id));
  PSL_ASSIGN_OR_RETURN(auto bits_view, txn.Get(env_->Db(db::kStatusBits), list.id));
  if (!bits_view || bits_view->size() * 8 != list.length || slot->index >= list.length)
    return Status::Internal("status list " + list.id + " is damaged");
  std::string bits(*bits_view);
  WriteStatus(bits, slot->index, 1, change.set ? 1 : 0);
  ++list.version;
  flag = change.set;
  PSL_RETURN_IF_ERROR(txn.Put(env_->Db(db::kStatusBits), list.id, bits));
  PSL_RETURN_IF_ERROR(txn.Put(env_->Db(db::kStatusLists), list.id, EncodeStatusListMeta(list)));
  PSL_RETURN_IF_ERROR(txn.Put(env_->Db(db::kCredentials), record.id, EncodeCredentialRecord(record)));
  PSL_ASSIGN_OR_RETURN(AuditAppender audit, AuditAppender::Start(txn, env_->Db(db::kAudit)));
  AuditEvent e;
  e.at = now;
  e.action = change.purpose == StatusPurpose::kRevocation ? "revoke" : (change.set ? "suspend" : "unsuspend");
  e.credential = record.id;
  e.actor = std::string(actor);
  e.detail = list.id + "/" + std::to_string(slot->index);
  PSL_RETURN_IF_ERROR(audit.Append(txn, std::move(e)));
  PSL_RETURN_IF_ERROR(txn.Commit());
  out.changed = true;
  out.record = std::move(record);
  return out;
}

Result<std::vector<StatusListMeta>> IssuerStore::ListStatusLists() const {
  PSL_ASSIGN_OR_RETURN(Txn txn, env_->BeginRead());
  std::vector<StatusListMeta> out;
  Status inner;
  PSL_RETURN_IF_ERROR(txn.ForEach(env_->Db(db::kStatusLists), "", [&](std::string_view, std::string_view v) {
    auto m = DecodeStatusListMeta(v);
    if (!m.ok()) {
      inner = m.status();
      return false;
    }
    out.push_back(std::move(*m));
    return true;
  }));
  PSL_RETURN_IF_ERROR(inner);
  std::sort(out.begin(), out.end(), [](const StatusListMeta& a, const StatusListMeta& b) {
    return a.created < b.created || (a.created == b.created && a.id < b.id);
  });
  return out;
}

Result<StatusListState> IssuerStore::LoadStatusList(std::string_view list_id) const {
  PSL_ASSIGN_OR_RETURN(Txn txn, env_->BeginRead());
  StatusListState st;
  PSL_ASSIGN_OR_RETURN(st.meta, LoadMeta(*env_, txn, list_id));
  PSL_ASSIGN_OR_RETURN(auto bits, txn.Get(env_->Db(db::kStatusBits), list_id));
  if (!bits || bits->size() * 8 != st.meta.length)
    return Status::Internal("status list " + st.meta.id + " is damaged");
  st.bits = std::string(*bits);
  return st;
}

Result<std::optional<PublishedList>> IssuerStore::FindPublishedList(std::string_view list_id) const {
  PSL_ASSIGN_OR_RETURN(Txn txn, env_->BeginRead());
  PSL_ASSIGN_OR_RETURN(auto v, txn.Get(env_->Db(db::kPublishedLists), list_id));
  if (!v) return std::optional<PublishedList>();
  PSL_ASSIGN_OR_RETURN(PublishedList p, DecodePublishedList(*v));
  return std::optional<PublishedList>(std::move(p));
}

Status IssuerStore::PutPublishedList(std::string_view list_id, const PublishedList& published) {
  PSL_ASSIGN_OR_RETURN(Txn txn, env_->BeginWrite());
  PSL_RETURN_IF_ERROR(txn.Put(env_->Db(db::kPublishedLists), list_id, EncodePublishedList(published)));
  return txn.Commit();
}

}  // namespace passerelle::store
