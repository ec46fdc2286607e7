// Passerelle — a thin RAII layer over LMDB: one environment, named
// databases, read and write transactions that abort unless committed.
//
// LMDB error codes become Status here and nowhere else (kIOError, or
// kResourceExhausted for MDB_MAP_FULL; kAlreadyExists for MDB_KEYEXIST).
// An LmdbEnv is opened with MDB_NOTLS: read transactions may be used from
// any thread, one thread at a time. Write transactions are serialized by
// LMDB itself (across processes too) and must stay on the thread that began
// them. Every commit is synced to disk before Commit() returns.
#pragma once

#include <lmdb.h>

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "formats/status.h"

namespace passerelle::store {

struct LmdbOptions {
  // Upper bound of the memory map (the file grows as needed up to it).
  std::size_t map_size = std::size_t{8} << 30;  // 8 GiB
  unsigned max_dbs = 16;
  unsigned max_readers = 256;
  bool read_only = false;
};

// Converts an LMDB return code. `what` names the operation ("put credential").
Status LmdbStatus(int rc, std::string_view what);

class LmdbEnv;

// A transaction; aborted on destruction unless Commit() succeeded. Views
// returned by Get() stay valid until the transaction ends. Move-only.
class Txn {
 public:
  Txn(Txn&& other) noexcept : txn_(other.txn_), env_(other.env_) { other.txn_ = nullptr; }
  Txn& operator=(Txn&& other) noexcept;
  Txn(const Txn&) = delete;
  Txn& operator=(const Txn&) = delete;
  ~Txn() { Abort(); }

  // Returns the value of `key`, or nullopt when absent. Errors: kIOError.
  Result<std::optional<std::string_view>> Get(MDB_dbi dbi, std::string_view key) const;
  // Stores `value` under `key`. With MDB_NOOVERWRITE, an existing key fails
  // with kAlreadyExists. Errors: kResourceExhausted (map full), kIOError.
  Status Put(MDB_dbi dbi, std::string_view key, std::string_view value, unsigned flags = 0);
  // Removes `key`; absent keys are not an error.
  Status Delete(MDB_dbi dbi, std::string_view key);
  // Calls `fn(key, value)` for each entry from `from` (inclusive; empty: the
  // first) in key order until it returns false.
  Status ForEach(MDB_dbi dbi, std::string_view from,
                 const std::function<bool(std::string_view, std::string_view)>& fn) const;
  // The last entry of `dbi`, or nullopt when empty.
  Result<std::optional<std::pair<std::string, std::string>>> Last(MDB_dbi dbi) const;

  // Commits (and syncs). The transaction is finished either way.
  Status Commit();
  void Abort();
  MDB_txn* raw() const { return txn_; }

 private:
  friend class LmdbEnv;
  Txn(MDB_txn* txn, const LmdbEnv* env) : txn_(txn), env_(env) {}
  MDB_txn* txn_;
  const LmdbEnv* env_;
};

class LmdbEnv {
 public:
  // Opens (creating the folder and files when missing) the environment in
  // `dir` and the named databases `dbs`. Errors: kIOError.
  static Result<std::unique_ptr<LmdbEnv>> Open(const std::filesystem::path& dir,
                                               const std::vector<std::string>& dbs,
                                               const LmdbOptions& options = {});
  ~LmdbEnv();
  LmdbEnv(const LmdbEnv&) = delete;
  LmdbEnv& operator=(const LmdbEnv&) = delete;

  Result<Txn> BeginRead() const;
  Result<Txn> BeginWrite();
  // The handle of a database named at Open. REQUIRES: it was named.
  MDB_dbi Db(std::string_view name) const;
  const std::filesystem::path& dir() const { return dir_; }

 private:
  LmdbEnv() = default;
  MDB_env* env_ = nullptr;
  std::filesystem::path dir_;
  std::map<std::string, MDB_dbi, std::less<>> dbs_;
};

// Big-endian fixed-width integers, so integer keys sort numerically.
std::string EncodeU64(std::uint64_t v);
std::uint64_t DecodeU64(std::string_view bytes);  // REQUIRES: 8 bytes

}  // namespace passerelle::store
