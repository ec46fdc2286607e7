// Passerelle — RAII over LMDB.
#include "issuer/store/lmdb.h"

#include <cstdlib>

namespace passerelle::store {

namespace {

MDB_val Val(std::string_view s) {
  return MDB_val{s.size(), const_cast<char*>(s.data())};
}

std::string_view View(const MDB_val& v) { return {static_cast<const char*>(v.mv_data), v.mv_size}; }

}  // namespace

Status LmdbStatus(int rc, std::string_view what) {
  if (rc == MDB_SUCCESS) return Status::Ok();
  std::string msg = std::string(what) + ": " + mdb_strerror(rc);
  switch (rc) {
    case MDB_MAP_FULL:
      return Status::ResourceExhausted(msg + " (the store is full: raise its map size)");
    case MDB_KEYEXIST:
      return Status::AlreadyExists(msg);
    case MDB_NOTFOUND:
      return Status::NotFound(msg);
    default:
      return Status::IOError(msg);
  }
}

Txn& Txn::operator=(Txn&& other) noexcept {
  if (this != &other) {
    Abort();
    txn_ = other.txn_;
    env_ = other.env_;
    other.txn_ = nullptr;
  }
  return *this;
}

Result<std::optional<std::string_view>> Txn::Get(MDB_dbi dbi, std::string_view key) const {
  MDB_val k = Val(key), v{};
  int rc = mdb_get(txn_, dbi, &k, &v);
  if (rc == MDB_NOTFOUND) return std::optional<std::string_view>();
  if (rc != MDB_SUCCESS) return LmdbStatus(rc, "store read");
  return std::optional<std::string_view>(View(v));
}

Status Txn::Put(MDB_dbi dbi, std::string_view key, std::string_view value, unsigned flags) {
  MDB_val k = Val(key), v = Val(value);
  return LmdbStatus(mdb_put(txn_, dbi, &k, &v, flags), "store write");
}

Status Txn::Delete(MDB_dbi dbi, std::string_view key) {
  MDB_val k = Val(key);
  int rc = mdb_del(txn_, dbi, &k, nullptr);
  if (rc == MDB_NOTFOUND) return Status::Ok();
  return LmdbStatus(rc, "store delete");
}

Status Txn::ForEach(MDB_dbi dbi, std::string_view from,
                    const std::function<bool(std::string_view, std::string_view)>& fn) const {
  MDB_cursor* cursor = nullptr;
  int rc = mdb_cursor_open(txn_, dbi, &cursor);
  if (rc != MDB_SUCCESS) return LmdbStatus(rc, "store cursor");
  MDB_val k = Val(from), v{};
  rc = mdb_cursor_get(cursor, &k, &v, from.empty() ? MDB_FIRST : MDB_SET_RANGE);
  while (rc == MDB_SUCCESS) {
    if (!fn(View(k), View(v))) break;
    rc = mdb_cursor_get(cursor, &k, &v, MDB_NEXT);
  }
  mdb_cursor_close(cursor);
  if (rc != MDB_SUCCESS && rc != MDB_NOTFOUND) return LmdbStatus(rc, "store scan");
  return Status::Ok();
}

Result<std::optional<std::pair<std::string, std::string>>> Txn::Last(MDB_dbi dbi) const {
  MDB_cursor* cursor = nullptr;
  int rc = mdb_cursor_open(txn_, dbi, &cursor);
  if (rc != MDB_SUCCESS) return LmdbStatus(rc, "store cursor");
  MDB_val k{}, v{};
  rc = mdb_cursor_get(cursor, &k, &v, MDB_LAST);
  std::optional<std::pair<std::string, std::string>> out;
  if (rc == MDB_SUCCESS) out.emplace(std::string(View(k)), std::string(View(v)));
  mdb_cursor_close(cursor);
  if (rc != MDB_SUCCESS && rc != MDB_NOTFOUND) return LmdbStatus(rc, "store scan");
  return out;
}

Status Txn::Commit() {
  if (txn_ == nullptr) return Status::Internal("commit of a finished transaction");
  int rc = mdb_txn_commit(txn_);
  txn_ = nullptr;
  return LmdbStatus(rc, "store commit");
}

void Txn::Abort() {
  if (txn_ != nullptr) mdb_txn_abort(txn_);
  txn_ = nullptr;
}

Result<std::unique_ptr<LmdbEnv>> LmdbEnv::Open(const std::filesystem::path& dir,
                                               const std::vector<std::string>& dbs,
                                               const LmdbOptions& options) {
  std::error_code ec;
  if (!options.read_only) std::filesystem::create_directories(dir, ec);
  if (ec) return Status::IOError("store \"" + dir.string() + "\": " + ec.message());
  std::unique_ptr<LmdbEnv> env(new LmdbEnv());
  env->dir_ = dir;
  int rc = mdb_env_create(&env->env_);
  if (rc != MDB_SUCCESS) return LmdbStatus(rc, "store \"" + dir.string() + "\"");
  mdb_env_set_mapsize(env->env_, options.map_size);
  mdb_env_set_maxdbs(env->env_, options.max_dbs);
  mdb_env_set_maxreaders(env->env_, options.max_readers);
  unsigned flags = MDB_NOTLS | (options.read_only ? MDB_RDONLY : 0u);
  rc = mdb_env_open(env->env_, dir.c_str(), flags, 0600);
  if (rc != MDB_SUCCESS) return LmdbStatus(rc, "store \"" + dir.string() + "\"");
  MDB_txn* txn = nullptr;
  rc = mdb_txn_begin(env->env_, nullptr, options.read_only ? MDB_RDONLY : 0u, &txn);
  if (rc != MDB_SUCCESS) return LmdbStatus(rc, "store \"" + dir.string() + "\"");
  for (const auto& name : dbs) {
    MDB_dbi dbi = 0;
    rc = mdb_dbi_open(txn, name.c_str(), options.read_only ? 0u : MDB_CREATE, &dbi);
    // Read-only, a store written before a database was added lacks it:
    // what reads it must not be called (the claiming databases).
    if (rc == MDB_NOTFOUND && options.read_only) continue;
    if (rc != MDB_SUCCESS) {
      mdb_txn_abort(txn);
      return LmdbStatus(rc, "store \"" + dir.string() + "\": database " + name);
    }
    env->dbs_.emplace(name, dbi);
  }
  rc = mdb_txn_commit(txn);
  if (rc != MDB_SUCCESS) return LmdbStatus(rc, "store \"" + dir.string() + "\"");
  return env;
}

LmdbEnv::~LmdbEnv() {
  if (env_ != nullptr) mdb_env_close(env_);
}

Result<Txn> LmdbEnv::BeginRead() const {
  MDB_txn* txn = nullptr;
  int rc = mdb_txn_begin(env_, nullptr, MDB_RDONLY, &txn);
  if (rc != MDB_SUCCESS) return LmdbStatus(rc, "store read transaction");
  return Txn(txn, this);
}

Result<Txn> LmdbEnv::BeginWrite() {
  MDB_txn* txn = nullptr;
  int rc = mdb_txn_begin(env_, nullptr, 0, &txn);
  if (rc != MDB_SUCCESS) return LmdbStatus(rc, "store write transaction");
  return Txn(txn, this);
}

MDB_dbi LmdbEnv::Db(std::string_view name) const {
  auto it = dbs_.find(name);
  if (it == dbs_.end()) std::abort();  // a programming error: the schema names every db
  return it->second;
}

std::string EncodeU64(std::uint64_t v) {
  std::string out(8, '\0');
  for (int i = 7; i >= 0; --i) {
    out[static_cast<std::size_t>(i)] = static_cast<char>(v & 0xff);
    v >>= 8;
  }
  return out;
}

std::uint64_t DecodeU64(std::string_view b) {
  std::uint64_t v = 0;
  for (std::size_t i = 0; i < 8 && i < b.size(); ++i) v = (v << 8) | static_cast<unsigned char>(b[i]);
  return v;
}

}  // namespace passerelle::store
