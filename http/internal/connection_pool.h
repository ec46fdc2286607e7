// Passerelle — the server's worker pool with admission control (private to
// http/): a fixed number of worker threads, a bounded queue of accepted
// connections waiting for a worker, and a cap on the connections one client
// address holds at once (queued or being served). A connection over either
// bound is refused at once by the caller, on the accepting thread, so a
// flood neither queues unbounded work nor lets one address hold every
// worker. Knows nothing of sockets or HTTP; thread-safe.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace passerelle::http::internal {

struct PoolLimits {
  int threads = 16;            // worker threads (at least 1)
  int max_queued = 64;         // connections waiting for a worker (at least 0)
  int max_per_client = 6;      // connections one address holds (at least 1)
};

// Why Submit refused a connection. Do not renumber: logged by name only.
enum class Admission { kAdmitted, kQueueFull, kClientLimit };

class ConnectionPool {
 public:
  explicit ConnectionPool(PoolLimits limits);
  // Runs what is queued, then joins the workers (as Shutdown()).
  ~ConnectionPool();
  ConnectionPool(const ConnectionPool&) = delete;
  ConnectionPool& operator=(const ConnectionPool&) = delete;

  // Queues `work` for a worker, counted against `client` (an address) until
  // it returns. Returns kAdmitted, or why it was refused: kQueueFull (as
  // many connections wait as PoolLimits::max_queued allows) or kClientLimit
  // (`client` already holds max_per_client), or kQueueFull after Shutdown();
  // a refused `work` is not run and the caller must close its connection.
  Admission Submit(const std::string& client, std::function<void()> work);
  // Stops taking work, lets the workers finish what is queued, joins them.
  // Idempotent.
  void Shutdown();

  // The connections `client` holds now (queued or running); for tests and logs.
  int HeldBy(const std::string& client) const;

 private:
  struct Job {
    std::string client;
    std::function<void()> work;
  };
  void Worker();

  const PoolLimits limits_;
  mutable std::mutex mu_;
  std::condition_variable ready_;
  std::deque<Job> queue_;
  std::map<std::string, int> held_;  // address -> connections queued or running
  int idle_ = 0;  // workers waiting for a job
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

// The name Submit's refusals are logged under ("queue full", "client limit").
const char* AdmissionName(Admission a);

}  // namespace passerelle::http::internal
