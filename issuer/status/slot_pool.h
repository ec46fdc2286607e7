// Passerelle — status-list indexes reserved ahead, handed out one credential
// at a time.
//
// Reserving goes through a synced store transaction, so the pool reserves
// `chunk` indexes per purpose at once. Indexes left in the pool when the
// process ends are simply never used: the store never hands them out again.
// Thread-safe.
#pragma once

#include <deque>
#include <mutex>
#include <vector>

#include "formats/status.h"
#include "issuer/store/store.h"

namespace passerelle {

class SlotPool {
 public:
  SlotPool(store::IssuerStore& store, std::size_t chunk = 128) : store_(store), chunk_(chunk) {}

  // One fresh slot for each of revocation and suspension.
  // Errors: those of IssuerStore::ReserveSlots.
  Result<std::vector<store::StatusSlot>> TakeForCredential();
  // Makes sure at least `n` credentials can be served without another
  // reservation (a batch calls this once with its size).
  Status Prefetch(std::size_t n);

 private:
  Status Refill(store::StatusPurpose purpose, std::size_t n);
  store::IssuerStore& store_;
  std::size_t chunk_;
  std::mutex mu_;
  std::deque<store::StatusSlot> revocation_, suspension_;
};

}  // namespace passerelle
