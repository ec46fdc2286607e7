// Passerelle — group commit: many concurrent issuances, one synced
// transaction.
//
// Request threads hand their signed credential to Commit() and block; a
// single committer thread takes everything queued (up to max_group), commits
// it with IssuerStore::CommitIssuances (one fsync for the group) and wakes
// the waiters. Under load the group grows by itself, so throughput follows
// the disk's sync rate times the group size while each request still waits
// for its own durable commit. Thread-safe.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <thread>
#include <vector>

#include "formats/status.h"
#include "issuer/store/store.h"

namespace passerelle {

class GroupCommitter {
 public:
  explicit GroupCommitter(store::IssuerStore& store, std::size_t max_group = 512);
  // Commits what is queued, then stops the committer thread.
  ~GroupCommitter();
  GroupCommitter(const GroupCommitter&) = delete;
  GroupCommitter& operator=(const GroupCommitter&) = delete;

  // Blocks until `item` is committed (durable) or refused; returns
  // item.outcome: OK, kAlreadyExists (id or idempotency key known), or the
  // group's error (kIOError, kResourceExhausted).
  Status Commit(store::PendingIssuance& item);

 private:
  struct Ticket {
    store::PendingIssuance* item;
    bool done = false;
  };
  void Run();
  store::IssuerStore& store_;
  const std::size_t max_group_;
  std::mutex mu_;
  std::condition_variable work_cv_, done_cv_;
  std::vector<Ticket*> queue_;  // guarded by mu_
  bool stop_ = false;           // guarded by mu_
  std::thread thread_;
};

}  // namespace passerelle
