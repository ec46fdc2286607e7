// Tests for issuer/store/audit_log.cc: reading and checking the hash-chained audit log.
#include "issuer/store/store.h"

#include <set>

#include <catch2/catch.hpp>

#include "formats/digest.h"
#include "formats/status_list.h"
#include "tests/issuer/store/store_test_support.h"

namespace passerelle::store {
namespace {

using passerelle::testing::TempDir;
using testing::OpenStore;
using testing::Pending;

TEST_CASE("store: a tampered audit entry breaks the chain", "[issuer][store]") {
  TempDir dir;
  auto store = OpenStore(dir);
  for (int i = 0; i < 3; ++i) REQUIRE(store->CreateToken({"issue"}, "", "cli", Now()).ok());
  REQUIRE(store->VerifyAuditChain().ok());
  {
    auto txn = store->env().BeginWrite();
    REQUIRE(txn.ok());
    auto v = txn->Get(store->env().Db(db::kAudit), EncodeU64(2));
    REQUIRE(v.ok());
    std::string changed(**v);
    changed.replace(changed.find("cli"), 3, "eve");
    REQUIRE(txn->Put(store->env().Db(db::kAudit), EncodeU64(2), changed).ok());
    REQUIRE(txn->Commit().ok());
  }
  CHECK(store->VerifyAuditChain().code() == Code::kVerificationFailed);
}

TEST_CASE("store: the audit head commits to every entry before it, and a rewrite changes it", "[issuer][store]") {
  TempDir dir;
  auto store = OpenStore(dir);
  auto empty = store->AuditHeadAt();
  REQUIRE(empty.ok());
  CHECK(empty->entries == 0);
  for (int i = 0; i < 3; ++i) REQUIRE(store->CreateToken({"issue"}, "", "cli", Now()).ok());
  auto at2 = store->AuditHeadAt(2);
  auto last = store->AuditHeadAt();
  REQUIRE(at2.ok());
  REQUIRE(last.ok());
  CHECK(at2->entries == 2);
  CHECK(last->entries == 3);
  CHECK(at2->hash.size() == 64);
  CHECK(at2->hash != last->hash);
  CHECK(store->AuditHeadAt(4).status().code() == Code::kNotFound);
  // Later entries leave an earlier head as it was.
  REQUIRE(store->CreateToken({"issue"}, "", "cli", Now()).ok());
  CHECK(store->AuditHeadAt(2)->hash == at2->hash);
  // Rewriting entry 1 and re-chaining everything after it (what an intruder
  // with the database would do) still changes the head at 2.
  {
    auto txn = store->env().BeginWrite();
    REQUIRE(txn.ok());
    std::string prev;
    for (std::uint64_t seq = 1; seq <= 4; ++seq) {
      auto v = txn->Get(store->env().Db(db::kAudit), EncodeU64(seq));
      REQUIRE(v.ok());
      auto e = DecodeAuditEvent(**v);
      REQUIRE(e.ok());
      if (seq == 1) e->actor = "eve";
      e->prev = prev;
      std::string bytes = EncodeAuditEvent(*e);
      prev = Sha256Hex(bytes);
      REQUIRE(txn->Put(store->env().Db(db::kAudit), EncodeU64(seq), bytes).ok());
    }
    REQUIRE(txn->Commit().ok());
  }
  REQUIRE(store->VerifyAuditChain().ok());  // a consistent chain again…
  CHECK(store->AuditHeadAt(2)->hash != at2->hash);  // …but not the one checkpointed
}

}  // namespace
}  // namespace passerelle::store
