// Passerelle — the slot pool.
#include "issuer/status/slot_pool.h"

namespace passerelle {

using store::StatusPurpose;

Status SlotPool::Refill(StatusPurpose purpose, std::size_t n) {
  auto& q = purpose == StatusPurpose::kRevocation ? revocation_ : suspension_;
  if (q.size() >= n) return Status::Ok();
  PSL_ASSIGN_OR_RETURN(auto slots, store_.ReserveSlots(purpose, std::max(chunk_, n - q.size())));
  q.insert(q.end(), slots.begin(), slots.end());
  return Status::Ok();
}

Status SlotPool::Prefetch(std::size_t n) {
  std::lock_guard<std::mutex> lock(mu_);
  PSL_RETURN_IF_ERROR(Refill(StatusPurpose::kRevocation, n));
  return Refill(StatusPurpose::kSuspension, n);
}

Result<std::vector<store::StatusSlot>> SlotPool::TakeForCredential() {
  std::lock_guard<std::mutex> lock(mu_);
  PSL_RETURN_IF_ERROR(Refill(StatusPurpose::kRevocation, 1));
  PSL_RETURN_IF_ERROR(Refill(StatusPurpose::kSuspension, 1));
  std::vector<store::StatusSlot> out = {revocation_.front(), suspension_.front()};
  revocation_.pop_front();
  suspension_.pop_front();
  return out;
}

}  // namespace passerelle
