// Passerelle — `verifier sync`: bring status lists (and the did:web
// documents of their issuers) into the local cache that `verifier verify
// --status-cache` reads offline.
//
// A list is stored only after it verified: signed by its own issuer (the
// issuer `verify` later compares with each credential's), a
// BitstringStatusListCredential of at least 131,072 entries, served at the
// URL its id names. Thread-compatible.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "formats/datetime.h"
#include "formats/status.h"
#include "keys/did_document.h"
#include "verifier/status_cache.h"
#include "verifier/sync/fetch.h"

namespace passerelle {

struct SyncedList {
  std::string url;
  std::string issuer;
  std::vector<std::string> purposes;
  std::uint64_t entries = 0;
  Timestamp fetched_at;
  std::optional<Timestamp> valid_until;
  bool did_document_fetched = false;
};

// Fetches, verifies and caches the list credential at `url`. A did:web
// issuer's keys come from `known` when it resolves the issuer (keys a
// checked trust list gives: nothing to fetch, so it works without reaching
// the issuer's host); otherwise its DID document is fetched and cached.
// Errors: kIOError (fetching, the cache), kMalformed (not JSON),
// kVerificationFailed / kInvalidCredential / kExpired (the list does not
// verify — nothing is stored), kNotFound (a did:web issuer's document).
// `validators` (the server's ETag / Last-Modified for this body) are stored
// with it for the next conditional request. `expected_issuer`, when not
// empty, is the only issuer accepted: a list by anyone else is refused
// (kVerificationFailed) before anything is fetched for it or stored.
Result<SyncedList> SyncStatusList(const std::string& url, const StatusListCache& cache, const Fetcher& fetch,
                                  Timestamp now, const DidResolver* known = nullptr,
                                  const CacheValidators& validators = {}, std::string_view expected_issuer = {});

// "3 min", "2 h", "5 days": how long before `now` `then` was.
std::string DescribeAge(Timestamp then, Timestamp now);

}  // namespace passerelle
