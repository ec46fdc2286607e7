// Passerelle — the server's worker pool with admission control.
#include "http/internal/connection_pool.h"

#include <algorithm>
#include <utility>

namespace passerelle::http::internal {

ConnectionPool::ConnectionPool(PoolLimits limits)
    : limits_{std::max(1, limits.threads), std::max(0, limits.max_queued), std::max(1, limits.max_per_client)} {
  threads_.reserve(static_cast<std::size_t>(limits_.threads));
  for (int i = 0; i < limits_.threads; ++i) threads_.emplace_back([this] { Worker(); });
}

ConnectionPool::~ConnectionPool() { Shutdown(); }

Admission ConnectionPool::Submit(const std::string& client, std::function<void()> work) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    // Connections that would wait for a worker with this one added (idle
    // workers take queued ones first).
    const int waiting = static_cast<int>(queue_.size()) + 1 - idle_;
    if (stopping_ || waiting > limits_.max_queued) return Admission::kQueueFull;
    auto it = held_.find(client);
    if (it != held_.end() && it->second >= limits_.max_per_client) return Admission::kClientLimit;
    ++held_[client];
    queue_.push_back(Job{client, std::move(work)});
  }
  ready_.notify_one();
  return Admission::kAdmitted;
}

void ConnectionPool::Worker() {
  for (;;) {
    Job job;
    {
      std::unique_lock<std::mutex> lock(mu_);
      ++idle_;
      ready_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      --idle_;
      if (queue_.empty()) return;  // stopping, nothing left
      job = std::move(queue_.front());
      queue_.pop_front();
    }
    job.work();
    std::lock_guard<std::mutex> lock(mu_);
    auto it = held_.find(job.client);
    if (it != held_.end() && --it->second <= 0) held_.erase(it);
  }
}

void ConnectionPool::Shutdown() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stopping_ = true;
  }
  ready_.notify_all();
  for (auto& t : threads_)
    if (t.joinable()) t.join();
  threads_.clear();
}

int ConnectionPool::HeldBy(const std::string& client) const {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = held_.find(client);
  return it == held_.end() ? 0 : it->second;
}

const char* AdmissionName(Admission a) {
  switch (a) {
    case Admission::kAdmitted: return "admitted";
    case Admission::kQueueFull: return "queue full";
    case Admission::kClientLimit: return "client limit";
  }
  return "unknown";
}

}  // namespace passerelle::http::internal
