// Passerelle — the group committer.
#include "issuer/store/group_commit.h"

namespace passerelle {

GroupCommitter::GroupCommitter(store::IssuerStore& store, std::size_t max_group)
    : store_(store), max_group_(max_group == 0 ? 1 : max_group), thread_([this] { Run(); }) {}

GroupCommitter::~GroupCommitter() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stop_ = true;
  }
  work_cv_.notify_all();
  thread_.join();
}

Status GroupCommitter::Commit(store::PendingIssuance& item) {
  Ticket ticket{&item};
  std::unique_lock<std::mutex> lock(mu_);
  if (stop_) return Status::Internal("the committer has stopped");
  queue_.push_back(&ticket);
  work_cv_.notify_one();
  done_cv_.wait(lock, [&] { return ticket.done; });
  return item.outcome;
}

void GroupCommitter::Run() {
  std::unique_lock<std::mutex> lock(mu_);
  for (;;) {
    work_cv_.wait(lock, [&] { return stop_ || !queue_.empty(); });
    if (queue_.empty() && stop_) return;
    std::size_t n = std::min(queue_.size(), max_group_);
    std::vector<Ticket*> group(queue_.begin(), queue_.begin() + static_cast<std::ptrdiff_t>(n));
    queue_.erase(queue_.begin(), queue_.begin() + static_cast<std::ptrdiff_t>(n));
    lock.unlock();
    std::vector<store::PendingIssuance*> items;
    items.reserve(group.size());
    for (Ticket* t : group) {
      t->item->outcome = Status::Ok();
      items.push_back(t->item);
    }
    Status s = store_.CommitIssuances(items);
    if (!s.ok())
      for (auto* item : items)
        if (item->outcome.ok()) item->outcome = s;
    lock.lock();
    for (Ticket* t : group) t->done = true;
    done_cv_.notify_all();
  }
}

}  // namespace passerelle
