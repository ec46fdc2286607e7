// Passerelle — `verifier sync --trust-root FILE` without --from: follow the
// trust chain from the roots alone (docs/federation.md).
//
//   root (a file) → each authority's publishedAt/trust-list.json
//     → each accredited issuer's publishedAt/status-lists/index.json
//       → each status list it names
//
// Each document is checked before it is cached (a trust list against the
// chain above it, a status list against the keys the trust list gives its
// issuer), and fetched conditionally (If-None-Match / If-Modified-Since from
// the cached copy): a 304 keeps the cached copy, checked again, and records
// the confirmation time. A document that fails (unreachable, tampered,
// expired) is reported and leaves its cached copy as it was; the others go
// on. Thread-compatible.
#pragma once

#include <string>
#include <vector>

#include "formats/datetime.h"
#include "formats/status.h"
#include "verifier/status_cache.h"
#include "verifier/sync/fetch.h"
#include "verifier/trust_registry.h"

namespace passerelle {

enum class SyncOutcome { kFetched, kNotModified, kFailed };

struct SyncedDocument {
  std::string url;
  std::string kind;     // "trust list", "status list index", "status list"
  std::string entity;   // the DID whose document it is
  std::string country;  // that entity's country
  SyncOutcome outcome = SyncOutcome::kFailed;
  Status error;         // when kFailed
};

struct FederationSyncReport {
  std::vector<SyncedDocument> documents;
  std::size_t Count(SyncOutcome o) const;
};

// Syncs every document the chain names. `registry` holds the roots (and the
// trust lists cached before, LoadCachedTrustLists); lists synced now are
// added to it. Never fails as a whole: each document's outcome is reported.
FederationSyncReport SyncFromTrustRoots(TrustRegistry& registry, const StatusListCache& cache,
                                        const ConditionalFetcher& fetch, Timestamp now);

// "fetched", "not modified", "failed".
const char* SyncOutcomeName(SyncOutcome outcome);

}  // namespace passerelle
