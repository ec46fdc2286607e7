// Passerelle — serving signed status lists: re-signed only when they change.
//
// GET /status-lists/{id} asks Get(): when the list's version in the store
// (bumped by every revoke/suspend/unsuspend, from any process) differs from
// the one last signed, or half the signed credential's validity has passed,
// the list is signed again and the result stored; otherwise the stored
// signature is served. Many changes between two fetches cost one signature:
// publishing is batched by construction. Thread-safe.
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>

#include "formats/data_integrity.h"
#include "formats/status.h"
#include "issuer/service/signing_identity.h"
#include "issuer/store/store.h"

namespace passerelle {

struct PublisherOptions {
  Cryptosuite suite = Cryptosuite::kEddsaRdfc2022;
  std::string public_base_url;
  // validUntil - validFrom of a signed list: verifiers' caches expire then.
  std::int64_t validity_seconds = 7 * 24 * 3600;
};

struct SignedList {
  std::string json;    // the signed BitstringStatusListCredential
  std::uint64_t version = 0;
  Timestamp signed_at;
};

class StatusListPublisher {
 public:
  StatusListPublisher(store::IssuerStore& store, SigningIdentity& signer, PublisherOptions options)
      : store_(store), signer_(signer), options_(std::move(options)) {}

  // The current signed list. Errors: kNotFound (no such list), kIOError,
  // kInternal (signing failed its self-check).
  Result<SignedList> Get(std::string_view list_id);
  // Signs the list again now, whatever its state.
  Result<SignedList> Publish(std::string_view list_id);

 private:
  Result<SignedList> Sign(std::string_view list_id, bool force);
  bool Fresh(const SignedList& s, std::uint64_t version, Timestamp now) const;
  store::IssuerStore& store_;
  SigningIdentity& signer_;
  PublisherOptions options_;
  std::mutex mu_;  // one signer at a time; guards cache_
  std::map<std::string, SignedList, std::less<>> cache_;
};

}  // namespace passerelle
