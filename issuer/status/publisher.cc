// Passerelle — the status-list publisher.
#include "issuer/status/publisher.h"

#include <nlohmann/json.hpp>

#include "formats/json.h"
#include "issuer/status/list_credential.h"
#include "issuer/status/status_entries.h"

namespace passerelle {

bool StatusListPublisher::Fresh(const SignedList& s, std::uint64_t version, Timestamp now) const {
  return s.version == version && now.seconds - s.signed_at.seconds < options_.validity_seconds / 2;
}

Result<SignedList> StatusListPublisher::Get(std::string_view list_id) { return Sign(list_id, false); }

Result<SignedList> StatusListPublisher::Publish(std::string_view list_id) { return Sign(list_id, true); }

Result<SignedList> StatusListPublisher::Sign(std::string_view list_id, bool force) {
  PSL_ASSIGN_OR_RETURN(store::StatusListState state, store_.LoadStatusList(list_id));
  Timestamp now = Now();
  now.nanos = 0;
  std::lock_guard<std::mutex> lock(mu_);
  auto cached = cache_.find(list_id);
  if (!force && cached != cache_.end() && Fresh(cached->second, state.meta.version, now)) return cached->second;
  if (!force && cached == cache_.end()) {
    PSL_ASSIGN_OR_RETURN(auto stored, store_.FindPublishedList(list_id));
    if (stored) {
      SignedList s{stored->credential, stored->version, stored->signed_at};
      cache_[std::string(list_id)] = s;
      if (Fresh(s, state.meta.version, now)) return s;
    }
  }
  ListCredentialInput input;
  input.url = StatusListUrl(options_.public_base_url, list_id);
  input.purpose = state.meta.purpose;
  input.bits = std::move(state.bits);
  input.valid_from = now;
  input.valid_until = Timestamp{now.seconds + options_.validity_seconds, 0};
  auto snapshot = signer_.Current();
  PSL_ASSIGN_OR_RETURN(nlohmann::json signed_list, SignStatusListCredential(*snapshot, input, options_.suite));
  SignedList s{DumpJson(signed_list), state.meta.version, now};
  PSL_RETURN_IF_ERROR(store_.PutPublishedList(list_id, store::PublishedList{s.version, s.signed_at, s.json}));
  cache_[std::string(list_id)] = s;
  return s;
}

}  // namespace passerelle
