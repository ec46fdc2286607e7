// Tests for issuer/store/status_store.cc: status slots that are never handed out twice, and status changes.
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

TEST_CASE("store: slots are random, distinct, never handed out twice, and a full list opens a new one",
          "[issuer][store]") {
  TempDir dir;
  StoreOptions options;
  options.list_length = 1024;  // small lists, to fill them
  options.list_fill_limit = 0.5;
  auto store = OpenStore(dir, options);
  std::set<std::pair<std::string, std::uint64_t>> seen;
  for (int round = 0; round < 3; ++round) {
    auto slots = store->ReserveSlots(StatusPurpose::kRevocation, 400);
    REQUIRE(slots.ok());
    for (const auto& s : *slots) {
      CHECK(s.index < 1024);
      CHECK(seen.insert({s.list_id, s.index}).second);
    }
  }
  auto lists = store->ListStatusLists();
  REQUIRE(lists.ok());
  REQUIRE(lists->size() == 3);  // 1200 slots at 512 per list
  CHECK((*lists)[0].id == "revocation-1");
  CHECK((*lists)[0].reserved == 512);
  // Not sequential: the first 400 of list 1 are not 0..399.
  std::uint64_t max_index = 0;
  for (const auto& [list, index] : seen)
    if (list == "revocation-1") max_index = std::max(max_index, index);
  CHECK(max_index > 600);
}

TEST_CASE("store: revoke, suspend and unsuspend flip the right bit and are audited", "[issuer][store]") {
  TempDir dir;
  auto store = OpenStore(dir);
  PendingIssuance a = Pending(*store, "urn:uuid:a");
  std::vector<PendingIssuance*> items = {&a};
  REQUIRE(store->CommitIssuances(items).ok());
  const StatusSlot rev = a.record.status[0], sus = a.record.status[1];

  auto r = store->ApplyStatusChange("urn:uuid:a", {StatusPurpose::kSuspension, true}, "cli", Now());
  REQUIRE(r.ok());
  CHECK(r->changed);
  auto list = store->LoadStatusList(sus.list_id);
  REQUIRE(list.ok());
  CHECK(ReadStatus(list->bits, sus.index, 1).value() == 1);
  CHECK(list->meta.version == 1);
  CHECK(store->FindCredential("urn:uuid:a")->suspended);

  // Again: nothing changes, the version stays.
  r = store->ApplyStatusChange("urn:uuid:a", {StatusPurpose::kSuspension, true}, "cli", Now());
  REQUIRE(r.ok());
  CHECK(!r->changed);
  CHECK(store->LoadStatusList(sus.list_id)->meta.version == 1);

  REQUIRE(store->ApplyStatusChange("urn:uuid:a", {StatusPurpose::kSuspension, false}, "cli", Now()).ok());
  CHECK(ReadStatus(store->LoadStatusList(sus.list_id)->bits, sus.index, 1).value() == 0);
  REQUIRE(store->ApplyStatusChange("urn:uuid:a", {StatusPurpose::kRevocation, true}, "cli", Now()).ok());
  CHECK(ReadStatus(store->LoadStatusList(rev.list_id)->bits, rev.index, 1).value() == 1);
  CHECK(store->FindCredential("urn:uuid:a")->revoked);

  std::vector<std::string> actions;
  REQUIRE(store->ForEachAuditEvent([&](const AuditEvent& e) {
    actions.push_back(e.action);
    return true;
  }).ok());
  CHECK(actions == std::vector<std::string>{"issue", "suspend", "unsuspend", "revoke"});
  CHECK(store->VerifyAuditChain().ok());
  CHECK(store->ApplyStatusChange("urn:uuid:nope", {StatusPurpose::kRevocation, true}, "cli", Now())
            .status()
            .code() == Code::kNotFound);
}

}  // namespace
}  // namespace passerelle::store
