// Tests for issuer/store/lmdb.h: the RAII layer over LMDB (transactions, lookups, errors as Status).
#include "issuer/store/lmdb.h"

#include <catch2/catch.hpp>

#include <lmdb.h>

#include <string>
#include <vector>

#include "tests/testing/temp_dir.h"

namespace passerelle::store {
namespace {

using passerelle::testing::TempDir;

std::unique_ptr<LmdbEnv> Open(const TempDir& dir, LmdbOptions options = {}) {
  options.map_size = std::size_t{16} << 20;
  auto env = LmdbEnv::Open(dir.path() / "db", {"a", "b"}, options);
  INFO(env.status().ToString());
  REQUIRE(env.ok());
  return std::move(*env);
}

TEST_CASE("lmdb: a committed write is read back, in its own database only", "[issuer][store]") {
  TempDir dir;
  auto env = Open(dir);
  {
    auto txn = env->BeginWrite().value();
    REQUIRE(txn.Put(env->Db("a"), "k", "value").ok());
    REQUIRE(txn.Commit().ok());
  }
  auto read = env->BeginRead().value();
  auto got = read.Get(env->Db("a"), "k");
  REQUIRE(got.ok());
  REQUIRE(got->has_value());
  CHECK(**got == "value");
  CHECK_FALSE(read.Get(env->Db("b"), "k").value().has_value());
  CHECK_FALSE(read.Get(env->Db("a"), "missing").value().has_value());
}

TEST_CASE("lmdb: a transaction not committed leaves nothing", "[issuer][store]") {
  TempDir dir;
  auto env = Open(dir);
  {
    auto txn = env->BeginWrite().value();
    REQUIRE(txn.Put(env->Db("a"), "k", "v").ok());
  }  // destroyed: aborted
  {
    auto txn = env->BeginWrite().value();
    REQUIRE(txn.Put(env->Db("a"), "j", "v").ok());
    txn.Abort();
  }
  auto read = env->BeginRead().value();
  CHECK_FALSE(read.Get(env->Db("a"), "k").value().has_value());
  CHECK_FALSE(read.Get(env->Db("a"), "j").value().has_value());
}

TEST_CASE("lmdb: NOOVERWRITE refuses an existing key, Delete ignores an absent one", "[issuer][store]") {
  TempDir dir;
  auto env = Open(dir);
  auto txn = env->BeginWrite().value();
  REQUIRE(txn.Put(env->Db("a"), "k", "1", MDB_NOOVERWRITE).ok());
  CHECK(txn.Put(env->Db("a"), "k", "2", MDB_NOOVERWRITE).code() == Code::kAlreadyExists);
  REQUIRE(txn.Put(env->Db("a"), "k", "3").ok());  // plain Put replaces
  CHECK(*txn.Get(env->Db("a"), "k").value() == "3");
  REQUIRE(txn.Delete(env->Db("a"), "k").ok());
  CHECK(txn.Delete(env->Db("a"), "never").ok());
  CHECK_FALSE(txn.Get(env->Db("a"), "k").value().has_value());
  REQUIRE(txn.Commit().ok());
}

TEST_CASE("lmdb: ForEach walks in key order from a key, and Last is the greatest", "[issuer][store]") {
  TempDir dir;
  auto env = Open(dir);
  auto empty = env->BeginRead().value();
  CHECK_FALSE(empty.Last(env->Db("b")).value().has_value());
  empty.Abort();
  {
    auto txn = env->BeginWrite().value();
    for (const char* k : {"c", "a", "d", "b"}) REQUIRE(txn.Put(env->Db("b"), k, std::string("v") + k).ok());
    REQUIRE(txn.Commit().ok());
  }
  auto read = env->BeginRead().value();
  std::vector<std::string> keys;
  REQUIRE(read.ForEach(env->Db("b"), "", [&](std::string_view k, std::string_view v) {
                  keys.emplace_back(k);
                  CHECK(v == "v" + std::string(k));
                  return true;
                }).ok());
  CHECK(keys == std::vector<std::string>{"a", "b", "c", "d"});
  keys.clear();
  REQUIRE(read.ForEach(env->Db("b"), "b", [&](std::string_view k, std::string_view) {
                  keys.emplace_back(k);
                  return keys.size() < 2;  // stop after two
                }).ok());
  CHECK(keys == std::vector<std::string>{"b", "c"});
  auto last = read.Last(env->Db("b"));
  REQUIRE(last.ok());
  REQUIRE(last->has_value());
  CHECK((*last)->first == "d");
  CHECK((*last)->second == "vd");
}

TEST_CASE("lmdb: a full map is resource exhausted, and codes map as documented", "[issuer][store]") {
  TempDir dir;
  auto opened = LmdbEnv::Open(dir.path() / "db", {"a"}, LmdbOptions{256 * 1024, 4, 16, false});
  REQUIRE(opened.ok());
  auto& env = **opened;
  Status s;
  for (int i = 0; i < 1000 && s.ok(); ++i) {
    auto txn = env.BeginWrite().value();
    s = txn.Put(env.Db("a"), "key" + std::to_string(i), std::string(4000, 'x'));
    if (s.ok()) s = txn.Commit();
  }
  CHECK(s.code() == Code::kResourceExhausted);
  CHECK(LmdbStatus(MDB_SUCCESS, "x").ok());
  CHECK(LmdbStatus(MDB_MAP_FULL, "put").code() == Code::kResourceExhausted);
  CHECK(LmdbStatus(MDB_KEYEXIST, "put").code() == Code::kAlreadyExists);
  Status io = LmdbStatus(MDB_CORRUPTED, "read credential");
  CHECK(io.code() == Code::kIOError);
  CHECK_THAT(io.message(), Catch::Contains("read credential"));
}

TEST_CASE("lmdb: a read-only environment refuses writes", "[issuer][store]") {
  TempDir dir;
  { Open(dir); }
  LmdbOptions ro;
  ro.read_only = true;
  ro.map_size = std::size_t{16} << 20;
  auto env = LmdbEnv::Open(dir.path() / "db", {"a", "b"}, ro);
  REQUIRE(env.ok());
  CHECK_FALSE((*env)->BeginWrite().ok());
  CHECK((*env)->BeginRead().ok());
}

}  // namespace
}  // namespace passerelle::store
