// Passerelle tests — the server's worker pool (http/internal/connection_pool.h):
// the per-address cap counts queued and running work and is given back when
// the work returns; the queue bound counts only work no idle worker can
// take; queued work still runs at Shutdown; nothing is submitted after it.
#include "http/internal/connection_pool.h"

#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace passerelle::http::internal {
namespace {

// Work that blocks until Open(); counts how many started. A test declares
// its Gate before the pool, so the workers are joined before the Gate goes,
// and an OpensOnExit after it, so a failed check never leaves them blocked.
class Gate {
 public:
  std::function<void()> Work() {
    return [this] {
      std::unique_lock<std::mutex> lock(mu_);
      ++started_;
      cv_.notify_all();
      cv_.wait(lock, [this] { return open_; });
    };
  }
  void Open() {
    std::lock_guard<std::mutex> lock(mu_);
    open_ = true;
    cv_.notify_all();
  }
  // Waits (at most 10 s) until `n` pieces of work have started.
  bool WaitStarted(int n) {
    std::unique_lock<std::mutex> lock(mu_);
    return cv_.wait_for(lock, std::chrono::seconds(10), [&] { return started_ >= n; });
  }

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  int started_ = 0;
  bool open_ = false;
};

// Opens the gate when the test's scope ends, before the pool joins its workers.
struct OpensOnExit {
  Gate& gate;
  ~OpensOnExit() { gate.Open(); }
};

// Submits until admitted (at most 10 s): right after the pool starts, its
// workers may not be idle yet, and until they are, work counts as waiting.
Admission SubmitOnceIdle(ConnectionPool& pool, const std::string& client, const std::function<void()>& work) {
  Admission a = Admission::kQueueFull;
  for (auto until = std::chrono::steady_clock::now() + std::chrono::seconds(10);
       a == Admission::kQueueFull && std::chrono::steady_clock::now() < until;) {
    a = pool.Submit(client, work);
    if (a == Admission::kQueueFull) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return a;
}

TEST_CASE("connection pool: one address holds at most its cap, queued or running, until its work returns",
          "[http][pool]") {
  Gate gate;
  ConnectionPool pool(PoolLimits{2, 8, 2});
  OpensOnExit opens{gate};
  CHECK(SubmitOnceIdle(pool, "10.0.0.1", gate.Work()) == Admission::kAdmitted);
  CHECK(SubmitOnceIdle(pool, "10.0.0.1", gate.Work()) == Admission::kAdmitted);
  CHECK(pool.Submit("10.0.0.1", gate.Work()) == Admission::kClientLimit);
  CHECK(pool.HeldBy("10.0.0.1") == 2);
  // Another address is not counted against it (queued: both workers are busy).
  CHECK(pool.Submit("10.0.0.2", gate.Work()) == Admission::kAdmitted);
  REQUIRE(gate.WaitStarted(2));
  gate.Open();
  pool.Shutdown();  // runs what is queued, joins
  CHECK(pool.HeldBy("10.0.0.1") == 0);
  CHECK(pool.HeldBy("10.0.0.2") == 0);
}

TEST_CASE("connection pool: the queue bound counts only work that must wait for a worker", "[http][pool]") {
  Gate gate;
  ConnectionPool pool(PoolLimits{2, 1, 100});
  OpensOnExit opens{gate};
  CHECK(SubmitOnceIdle(pool, "a", gate.Work()) == Admission::kAdmitted);  // a worker
  CHECK(SubmitOnceIdle(pool, "b", gate.Work()) == Admission::kAdmitted);  // the other worker
  REQUIRE(gate.WaitStarted(2));
  CHECK(pool.Submit("c", gate.Work()) == Admission::kAdmitted);  // the one queue place
  CHECK(pool.Submit("d", gate.Work()) == Admission::kQueueFull);
  gate.Open();
  REQUIRE(gate.WaitStarted(3));  // the queued one ran once a worker was free
  pool.Shutdown();
  std::atomic<bool> ran{false};
  CHECK(pool.Submit("e", [&] { ran = true; }) == Admission::kQueueFull);  // after Shutdown: refused, not run
  CHECK_FALSE(ran);
}

TEST_CASE("connection pool: with no queue place idle workers still take work", "[http][pool]") {
  Gate gate;
  ConnectionPool pool(PoolLimits{1, 0, 4});
  OpensOnExit opens{gate};
  CHECK(SubmitOnceIdle(pool, "a", gate.Work()) == Admission::kAdmitted);
  REQUIRE(gate.WaitStarted(1));
  CHECK(pool.Submit("a", gate.Work()) == Admission::kQueueFull);
  gate.Open();
}

}  // namespace
}  // namespace passerelle::http::internal
