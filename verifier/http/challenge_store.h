// Passerelle — the challenges `verifier serve` has handed out: each code is
// accepted once, within its lifetime, and only if this server issued it.
//
// Remembers every code for twice its lifetime (so a late or repeated use
// gets "expired" or "already used" rather than "unknown"), at most
// `max_codes` of them: when full, the oldest is forgotten first. Memory
// only: a restart forgets every code, which then reads as "unknown" (the
// candidate presents again). The clock is the Env's, so expiry is tested
// without sleeping. Thread-safe (one mutex; every operation is O(log n)
// amortised).
#pragma once

#include <chrono>
#include <cstddef>
#include <deque>
#include <map>
#include <mutex>
#include <string>
#include <string_view>

#include "env/env.h"

namespace passerelle::verifier_http {

struct ChallengeStoreOptions {
  // How long a code is accepted after it was issued (--challenge-minutes).
  std::chrono::seconds lifetime = std::chrono::minutes(15);
  // Codes remembered at once (issued, used or recently expired).
  std::size_t max_codes = 100000;
  // The clock. Must outlive the store.
  const Env* env = &Env::Default();
};

enum class Redemption {
  kAccepted,  // issued here, unused, within its lifetime: now used
  kUnknown,   // not issued here (or forgotten: restart, eviction)
  kReused,    // already accepted once
  kExpired,   // issued here, but longer ago than the lifetime
};

class ChallengeStore {
 public:
  explicit ChallengeStore(ChallengeStoreOptions options);

  // A fresh code in canonical form (verifier/challenge_code.h), remembered
  // as issued now.
  std::string Issue();

  // Uses `code` (canonical form, see ParseChallengeCode). Only the first
  // call for a live code returns kAccepted, whatever the concurrency.
  Redemption Redeem(std::string_view code);

  const ChallengeStoreOptions& options() const { return options_; }

 private:
  struct Entry {
    std::int64_t issued = 0;  // seconds
    bool used = false;
  };
  void PruneLocked(std::int64_t now);

  const ChallengeStoreOptions options_;
  std::mutex mu_;
  std::map<std::string, Entry, std::less<>> codes_;  // guarded by mu_
  std::deque<std::string> order_;                    // issue order; guarded by mu_
};

}  // namespace passerelle::verifier_http
