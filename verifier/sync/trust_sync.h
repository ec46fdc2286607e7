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
#include "verifier/status_cache.h"
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
// Beside it, CACHE/trust-lists/<name>.meta records when it was confirmed
// (`now`) and the server's `validators` for the next conditional request.
Result<SyncedTrustList> SyncTrustList(const std::string& url, const std::string& body, TrustRegistry& registry,
                                      const std::filesystem::path& cache_dir, Timestamp now,
                                      Env& env = Env::Default(), const CacheValidators& validators = {});

// The server answered 304 for `url`: the cached list is checked again at
// `now` and added to `registry` (as by SyncTrustList), and its confirmation
// time becomes `now`. Errors: kNotFound (nothing cached for `url`), those of
// AddListDocument (a cached list that no longer holds), kIOError.
Result<SyncedTrustList> ConfirmCachedTrustList(const std::string& url, TrustRegistry& registry,
                                               const std::filesystem::path& cache_dir, Timestamp now,
                                               Env& env = Env::Default());

// A trust list as cached: its URL (its id), its signed bytes, and when
// sync last confirmed it (none for a list cached before that was recorded).
struct CachedTrustListFile {
  std::string url;
  std::string body;
  std::optional<Timestamp> checked_at;
};
// Every trust list under CACHE/trust-lists/ (not checked here: the reader
// checks them, e.g. a bundle's user). Errors: kIOError.
Result<std::vector<CachedTrustListFile>> ReadCachedTrustLists(const std::filesystem::path& cache_dir,
                                                              Env& env = Env::Default());

// Stores an already checked list's bytes under CACHE/trust-lists/, with
// `checked_at` as its confirmation time. Errors: kIOError.
Status StoreCachedTrustList(const std::filesystem::path& cache_dir, const std::string& url, const std::string& body,
                            Timestamp checked_at, const CacheValidators& validators = {},
                            Env& env = Env::Default());

// The validators stored for `url` (empty when none: fetch unconditionally).
CacheValidators CachedTrustListValidators(const std::filesystem::path& cache_dir, const std::string& url,
                                          Env& env = Env::Default());

// Adds every trust list cached under CACHE/trust-lists/ to `registry`
// (whose roots are already added), checking each again at `now`, with the
// time sync last confirmed it (its freshness). A list
// that no longer holds (expired, superseded, no root for it) is skipped and
// described in `skipped`. Errors: kPermissionDenied when the folder or a
// file is writable by another user.
Status LoadCachedTrustLists(const std::filesystem::path& cache_dir, TrustRegistry& registry, Timestamp now,
                            std::vector<std::string>* skipped, Env& env = Env::Default());

}  // namespace passerelle
