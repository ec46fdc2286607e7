// Tests for issuer/status/slot_pool.h: status-list indexes reserved ahead and handed out once.
#include "issuer/status/slot_pool.h"

#include <catch2/catch.hpp>

#include <set>
#include <thread>
#include <tuple>
#include <vector>

#include "tests/issuer/store/store_test_support.h"

namespace passerelle {
namespace {

using passerelle::testing::TempDir;
using store::StatusPurpose;
using store::StatusSlot;

std::tuple<int, std::string, std::uint64_t> Key(const StatusSlot& s) {
  return {static_cast<int>(s.purpose), s.list_id, s.index};
}

TEST_CASE("slot pool: each credential gets one revocation and one suspension slot", "[issuer][status]") {
  TempDir dir;
  auto store = store::testing::OpenStore(dir);
  SlotPool pool(*store, 4);
  auto slots = pool.TakeForCredential();
  REQUIRE(slots.ok());
  REQUIRE(slots->size() == 2);
  CHECK((*slots)[0].purpose == StatusPurpose::kRevocation);
  CHECK((*slots)[1].purpose == StatusPurpose::kSuspension);
  CHECK((*slots)[0].list_id.rfind("revocation-", 0) == 0);
  CHECK((*slots)[1].list_id.rfind("suspension-", 0) == 0);
}

TEST_CASE("slot pool: no slot is handed out twice, across refills and pools", "[issuer][status]") {
  TempDir dir;
  auto store = store::testing::OpenStore(dir);
  SlotPool a(*store, 3);
  SlotPool b(*store, 5);
  std::set<std::tuple<int, std::string, std::uint64_t>> seen;
  for (int i = 0; i < 40; ++i) {
    for (SlotPool* pool : {&a, &b}) {
      auto slots = pool->TakeForCredential();
      REQUIRE(slots.ok());
      for (const auto& s : *slots) CHECK(seen.insert(Key(s)).second);
    }
  }
  CHECK(seen.size() == 160);
  // The store itself never hands out what a pool holds.
  auto more = store->ReserveSlots(StatusPurpose::kRevocation, 50);
  REQUIRE(more.ok());
  for (const auto& s : *more) CHECK(seen.count(Key(s)) == 0);
}

TEST_CASE("slot pool: a prefetched pool serves a batch, and threads share it safely", "[issuer][status]") {
  TempDir dir;
  auto store = store::testing::OpenStore(dir);
  SlotPool pool(*store, 1);
  REQUIRE(pool.Prefetch(64).ok());
  std::vector<std::vector<StatusSlot>> taken(4);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < 16; ++i) {
        auto slots = pool.TakeForCredential();
        if (slots.ok()) taken[t].insert(taken[t].end(), slots->begin(), slots->end());
      }
    });
  for (auto& th : threads) th.join();
  std::set<std::tuple<int, std::string, std::uint64_t>> seen;
  for (const auto& v : taken)
    for (const auto& s : v) seen.insert(Key(s));
  CHECK(seen.size() == 4 * 16 * 2);
}

}  // namespace
}  // namespace passerelle
