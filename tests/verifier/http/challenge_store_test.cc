// Tests for verifier/http/challenge_store.h: single use, expiry on the
// Env's clock, codes it never issued, and its bound.
#include "verifier/http/challenge_store.h"

#include <catch2/catch.hpp>

#include <atomic>
#include <thread>
#include <vector>

#include "tests/testing/failing_env.h"

namespace passerelle::verifier_http {
namespace {

struct Fixture {
  testing::FailingEnv env;
  Fixture() { env.SetNow({1'800'000'000, 0}); }
  ChallengeStore Store(std::size_t max_codes = 1000) {
    ChallengeStoreOptions o;
    o.lifetime = std::chrono::minutes(15);
    o.max_codes = max_codes;
    o.env = &env;
    return ChallengeStore(o);
  }
  void Advance(std::int64_t seconds) { env.SetNow({env.Now().seconds + seconds, 0}); }
};

TEST_CASE("challenge store: a code is accepted once", "[challenge]") {
  Fixture f;
  ChallengeStore store = f.Store();
  std::string code = store.Issue();
  CHECK(store.Redeem(code) == Redemption::kAccepted);
  CHECK(store.Redeem(code) == Redemption::kReused);
  CHECK(store.Redeem("ZZZZ-ZZZZ") == Redemption::kUnknown);
}

TEST_CASE("challenge store: a code expires after its lifetime, and says so", "[challenge]") {
  Fixture f;
  ChallengeStore store = f.Store();
  std::string on_time = store.Issue(), late = store.Issue();
  f.Advance(15 * 60);
  CHECK(store.Redeem(on_time) == Redemption::kAccepted);
  f.Advance(1);
  CHECK(store.Redeem(late) == Redemption::kExpired);
  // Long after: forgotten once a new code is issued.
  f.Advance(3600);
  store.Issue();
  CHECK(store.Redeem(late) == Redemption::kUnknown);
}

TEST_CASE("challenge store: bounded, the oldest code forgotten first", "[challenge]") {
  Fixture f;
  ChallengeStore store = f.Store(3);
  std::string first = store.Issue();
  std::string second = store.Issue();
  store.Issue();
  store.Issue();
  CHECK(store.Redeem(first) == Redemption::kUnknown);
  CHECK(store.Redeem(second) == Redemption::kAccepted);
}

TEST_CASE("challenge store: concurrent redemptions accept a code once", "[challenge]") {
  Fixture f;
  ChallengeStore store = f.Store();
  std::string code = store.Issue();
  std::atomic<int> accepted{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 8; ++i)
    threads.emplace_back([&] {
      for (int k = 0; k < 100; ++k) {
        if (store.Redeem(code) == Redemption::kAccepted) ++accepted;
        store.Issue();
      }
    });
  for (auto& t : threads) t.join();
  CHECK(accepted == 1);
}

}  // namespace
}  // namespace passerelle::verifier_http
