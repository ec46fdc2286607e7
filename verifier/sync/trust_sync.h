// Passerelle — trust lists in the verifier's cache: `verifier sync
// --trust-root` fetches the lists authorities publish, checks them against
// the roots and keeps them; `verifier verify --status-cache` reads them back
// (checked again) when it is given the roots.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "env/env.h"
#include "formats/datetime.h"
#include "formats/status.h"
#include "verifier/trust_registry.h"

namespace passerelle {

struct SyncedTrustList {
  std::string url;
  std::string issuer;  // the authority that signed it
  std::size_t entities = 0;
  Timestamp valid_from;
  Timestamp valid_until;
};

// True when `body` is a JSON document typed TrustListCredential.
bool LooksLikeTrustList(const std::string& body);

// Checks the trust list fetched from `url` (`body`) and stores it under
// CACHE/trust-lists/. It must name `url` as its id (a list answers only for
// its own URL), chain to a root already in `registry` (TrustRegistry::AddList,
// which also adds it), and not be older than the version already cached
// (an older list replayed would bring back issuers since withdrawn).
// Errors: those of AddList; kVerificationFailed (id, older version);
// kIOError (the cache; the version cached before stays whole).
Result<SyncedTrustList> SyncTrustList(const std::string& url, const std::string& body, TrustRegistry& registry,
                                      const std::filesystem::path& cache_dir, Timestamp now,
                                      Env& env = Env::Default());

// Adds every trust list cached under CACHE/trust-lists/ to `registry`
// (whose roots are already added), checking each again at `now`. A list
// that no longer holds (expired, superseded, no root for it) is skipped and
// described in `skipped`. Errors: kPermissionDenied when the folder or a
// file is writable by another user.
Status LoadCachedTrustLists(const std::filesystem::path& cache_dir, TrustRegistry& registry, Timestamp now,
                            std::vector<std::string>* skipped, Env& env = Env::Default());

}  // namespace passerelle
