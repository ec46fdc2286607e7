// Tests for issuer/store/group_commit.h: concurrent issuances committed in groups, each waiter told its own outcome.
#include "issuer/store/group_commit.h"

#include <catch2/catch.hpp>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "tests/issuer/store/store_test_support.h"

namespace passerelle {
namespace {

using passerelle::testing::TempDir;
using store::testing::OpenStore;
using store::testing::Pending;

TEST_CASE("group commit: every concurrent issuance is committed and found again", "[issuer][store]") {
  TempDir dir;
  auto store = OpenStore(dir);
  constexpr int kThreads = 8, kEach = 25;
  std::vector<std::vector<store::PendingIssuance>> items(kThreads);
  for (int t = 0; t < kThreads; ++t)
    for (int i = 0; i < kEach; ++i)
      items[t].push_back(Pending(*store, "urn:uuid:" + std::to_string(t) + "-" + std::to_string(i)));
  std::atomic<int> ok{0};
  {
    GroupCommitter committer(*store, /*max_group=*/16);
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t)
      threads.emplace_back([&, t] {
        for (auto& item : items[t])
          if (committer.Commit(item).ok()) ++ok;
      });
    for (auto& th : threads) th.join();
  }
  CHECK(ok == kThreads * kEach);
  CHECK(store->CountCredentials().value() == static_cast<std::size_t>(kThreads * kEach));
  CHECK(store->FindDocument("urn:uuid:3-7").value() == "{\"id\":\"urn:uuid:3-7\"}");
  CHECK(store->VerifyAuditChain().ok());
}

TEST_CASE("group commit: a known id is refused for its waiter only", "[issuer][store]") {
  TempDir dir;
  auto store = OpenStore(dir);
  GroupCommitter committer(*store, /*max_group=*/0);  // 0 means groups of one
  auto first = Pending(*store, "urn:uuid:a", "key-1");
  REQUIRE(committer.Commit(first).ok());
  auto again = Pending(*store, "urn:uuid:a");
  Status s = committer.Commit(again);
  CHECK(s.code() == Code::kAlreadyExists);
  CHECK(again.outcome.code() == Code::kAlreadyExists);
  auto same_key = Pending(*store, "urn:uuid:b", "key-1");
  CHECK(committer.Commit(same_key).code() == Code::kAlreadyExists);
  auto other = Pending(*store, "urn:uuid:c");
  CHECK(committer.Commit(other).ok());
  CHECK(store->CountCredentials().value() == 2);
}

}  // namespace
}  // namespace passerelle
