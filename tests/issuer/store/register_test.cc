// Tests for issuer/store/register.cc: the register of issued credentials (group commit, idempotency, lookups).
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

TEST_CASE("store: committed issuances are found again, after reopening too", "[issuer][store]") {
  TempDir dir;
  {
    auto store = OpenStore(dir);
    PendingIssuance a = Pending(*store, "urn:uuid:a", "did:x|T1|M1"), b = Pending(*store, "urn:uuid:b");
    std::vector<PendingIssuance*> items = {&a, &b};
    REQUIRE(store->CommitIssuances(items).ok());
    CHECK(a.outcome.ok());
    CHECK(b.outcome.ok());
  }
  auto store = OpenStore(dir);
  auto rec = store->FindCredential("urn:uuid:a");
  REQUIRE(rec.ok());
  CHECK(rec->kind == "module");
  CHECK(rec->status.size() == 2);
  CHECK(store->FindDocument("urn:uuid:b").value() == "{\"id\":\"urn:uuid:b\"}");
  CHECK(store->FindByIdempotencyKey("did:x|T1|M1").value() == std::optional<std::string>("urn:uuid:a"));
  CHECK(!store->FindByIdempotencyKey("did:x|T1|M2").value().has_value());
  CHECK(store->CountCredentials().value() == 2);
  CHECK(store->FindCredential("urn:uuid:zzz").status().code() == Code::kNotFound);
}

TEST_CASE("store: a known id or idempotency key is refused, the rest of the group commits", "[issuer][store]") {
  TempDir dir;
  auto store = OpenStore(dir);
  PendingIssuance a = Pending(*store, "urn:uuid:a", "k1");
  std::vector<PendingIssuance*> first = {&a};
  REQUIRE(store->CommitIssuances(first).ok());
  PendingIssuance same_id = Pending(*store, "urn:uuid:a"), same_key = Pending(*store, "urn:uuid:c", "k1"),
                  fresh = Pending(*store, "urn:uuid:d", "k2");
  std::vector<PendingIssuance*> second = {&same_id, &same_key, &fresh};
  REQUIRE(store->CommitIssuances(second).ok());
  CHECK(same_id.outcome.code() == Code::kAlreadyExists);
  CHECK(same_key.outcome.code() == Code::kAlreadyExists);
  CHECK(fresh.outcome.ok());
  CHECK(store->CountCredentials().value() == 2);
  CHECK(store->FindCredential("urn:uuid:c").status().code() == Code::kNotFound);
  // The refused items' slots stay reserved and unused; the audit chain holds.
  CHECK(store->VerifyAuditChain().ok());
}

TEST_CASE("store: a full map is reported as resource exhausted, and nothing of the group lands",
          "[issuer][store]") {
  TempDir dir;
  StoreOptions options;
  options.lmdb.map_size = 256 * 1024;  // tiny
  auto opened = IssuerStore::Open(dir.path() / "store", options);
  REQUIRE(opened.ok());
  auto& store = **opened;
  std::vector<PendingIssuance> items;
  Status failure;
  for (int i = 0; i < 200 && failure.ok(); ++i) {
    PendingIssuance p;
    p.record.id = "urn:uuid:" + std::to_string(i);
    p.record.issued_at = Now();
    p.document = std::string(8000, 'x');
    std::vector<PendingIssuance*> one = {&p};
    failure = store.CommitIssuances(one);
  }
  CHECK(failure.code() == Code::kResourceExhausted);
  auto count = store.CountCredentials();
  REQUIRE(count.ok());
  CHECK(*count < 200);
  CHECK(store.VerifyAuditChain().ok());
}

}  // namespace
}  // namespace passerelle::store
