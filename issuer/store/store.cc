// Passerelle — opening the issuer store; node settings; the audit chain head.
#include "issuer/store/store.h"

#include "formats/digest.h"

namespace passerelle::store {

namespace {

const std::vector<std::string>& AllDatabases() {
  static const std::vector<std::string> kAll = {
      db::kMeta,       db::kCredentials,  db::kDocuments,      db::kIdempotency, db::kStatusLists,
      db::kStatusBits, db::kStatusIndex,  db::kPublishedLists, db::kTokens,      db::kAudit,
      db::kOffers,     db::kOfferKeys,    db::kAccessTokens,   db::kNonces};
  return kAll;
}

}  // namespace

std::string StatusIndexKey(std::string_view list_id, std::uint64_t index) {
  std::string key(list_id);
  key.push_back('\0');
  key += EncodeU64(index);
  return key;
}

bool IssuerStore::Exists(const std::filesystem::path& dir) {
  std::error_code ec;
  return std::filesystem::exists(dir / "data.mdb", ec);
}

Result<std::unique_ptr<IssuerStore>> IssuerStore::Open(const std::filesystem::path& dir,
                                                       const StoreOptions& options) {
  if (options.list_length == 0 || options.list_length % 8 != 0 || options.list_length > (1ull << 32))
    return Status::InvalidArgument("store: status list length must be a multiple of 8 up to 2^32");
  if (options.lmdb.read_only && !Exists(dir))
    return Status::NotFound("\"" + dir.string() + "\" holds no issuer store");
  PSL_ASSIGN_OR_RETURN(auto env, LmdbEnv::Open(dir, AllDatabases(), options.lmdb));
  std::unique_ptr<IssuerStore> store(new IssuerStore(std::move(env), options));
  PSL_ASSIGN_OR_RETURN(std::string format, store->GetSetting("format"));
  if (format.empty() && !options.lmdb.read_only) {
    PSL_RETURN_IF_ERROR(store->PutSetting("format", kStoreFormat));
  } else if (format != kStoreFormat) {
    return Status::Malformed("store \"" + dir.string() + "\" has format \"" + format + "\", not " +
                             std::string(kStoreFormat));
  }
  return store;
}

Result<std::string> IssuerStore::GetSetting(std::string_view name) const {
  PSL_ASSIGN_OR_RETURN(Txn txn, env_->BeginRead());
  PSL_ASSIGN_OR_RETURN(auto value, txn.Get(env_->Db(db::kMeta), name));
  return value ? std::string(*value) : std::string();
}

Status IssuerStore::PutSetting(std::string_view name, std::string_view value) {
  PSL_ASSIGN_OR_RETURN(Txn txn, env_->BeginWrite());
  PSL_RETURN_IF_ERROR(txn.Put(env_->Db(db::kMeta), name, value));
  return txn.Commit();
}

Result<AuditAppender> AuditAppender::Start(const Txn& txn, MDB_dbi audit_db) {
  AuditAppender a;
  a.db_ = audit_db;
  PSL_ASSIGN_OR_RETURN(auto last, txn.Last(audit_db));
  if (last) {
    a.seq_ = DecodeU64(last->first);
    a.hash_ = Sha256Hex(last->second);
  }
  return a;
}

Status AuditAppender::Append(Txn& txn, AuditEvent event) {
  event.seq = seq_ + 1;
  event.prev = hash_;
  std::string bytes = EncodeAuditEvent(event);
  PSL_RETURN_IF_ERROR(txn.Put(db_, EncodeU64(event.seq), bytes, MDB_NOOVERWRITE | MDB_APPEND));
  seq_ = event.seq;
  hash_ = Sha256Hex(bytes);
  return Status::Ok();
}

}  // namespace passerelle::store
