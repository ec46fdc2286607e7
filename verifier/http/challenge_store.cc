// Passerelle — the challenge store.
#include "verifier/http/challenge_store.h"

#include "verifier/challenge_code.h"

namespace passerelle::verifier_http {

ChallengeStore::ChallengeStore(ChallengeStoreOptions options) : options_(options) {}

void ChallengeStore::PruneLocked(std::int64_t now) {
  const std::int64_t keep = 2 * options_.lifetime.count();
  while (!order_.empty()) {
    auto it = codes_.find(order_.front());
    bool too_old = it == codes_.end() || now - it->second.issued > keep;
    if (!too_old && codes_.size() < options_.max_codes) break;
    if (it != codes_.end()) codes_.erase(it);
    order_.pop_front();
  }
}

std::string ChallengeStore::Issue() {
  const std::int64_t now = options_.env->Now().seconds;
  std::lock_guard<std::mutex> lock(mu_);
  PruneLocked(now);
  std::string code;
  do code = NewChallengeCode();
  while (codes_.count(code) != 0);
  codes_.emplace(code, Entry{now, false});
  order_.push_back(code);
  return code;
}

Redemption ChallengeStore::Redeem(std::string_view code) {
  const std::int64_t now = options_.env->Now().seconds;
  std::lock_guard<std::mutex> lock(mu_);
  auto it = codes_.find(code);
  if (it == codes_.end()) return Redemption::kUnknown;
  if (it->second.used) return Redemption::kReused;
  if (now - it->second.issued > options_.lifetime.count()) return Redemption::kExpired;
  it->second.used = true;
  return Redemption::kAccepted;
}

}  // namespace passerelle::verifier_http
