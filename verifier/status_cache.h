// Passerelle — the verifier's local cache of status lists, and the offline
// status check.
//
// `verifier sync` stores BitstringStatusListCredentials fetched over HTTP(S)
// in a folder; `verifier verify --status-cache DIR` reads them back, checks
// their signature again (the folder is not trusted more than the network),
// and answers revocation and suspension questions without the network.
// Files are read and written through an Env (env/env.h): a stored list
// replaces the old one atomically and durably, or not at all.
// A cache object is immutable after Open and safe to share across threads
// (when its Env is: Env::Default() is).
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include <nlohmann/json_fwd.hpp>

#include "env/env.h"
#include "formats/datetime.h"
#include "formats/status.h"

namespace passerelle {

struct VerifyOptions;

// What a server said identifies the version fetched (ETag, Last-Modified):
// sent back on the next sync as If-None-Match / If-Modified-Since.
struct CacheValidators {
  std::string etag;
  std::string last_modified;
};

struct CachedStatusList {
  std::string url;
  std::string issuer;
  std::vector<std::string> purposes;
  std::string bits;
  Timestamp fetched_at;
  // When sync last confirmed the list (fetched it, or was answered 304):
  // the list's age in a verdict counts from here. Entries written before it
  // was recorded: fetched_at.
  Timestamp checked_at;
  CacheValidators validators;
  std::optional<Timestamp> valid_until;
  std::shared_ptr<const nlohmann::json> credential;  // the signed list credential
};

class StatusListCache {
 public:
  // Opens (and creates when missing) a cache folder; every file operation
  // goes through `env`, which must outlive the cache. Temporary files left
  // by a sync killed mid-write are removed (RemoveInterruptedWrites);
  // repairs() names them. Errors: kIOError.
  static Result<StatusListCache> Open(const std::filesystem::path& dir, Env& env = Env::Default());

  // Stores a fetched list credential for `url` with env.WriteFileAtomic
  // (0644, fsync'd): on failure the list cached before stays, whole.
  // REQUIRES: the caller verified it. Errors: kIOError naming the file and
  // the failing step.
  // `checked_at` (default: fetched_at) is when it was last confirmed.
  Status Store(const std::string& url, const nlohmann::json& credential, Timestamp fetched_at,
               const CacheValidators& validators = {}, std::optional<Timestamp> checked_at = std::nullopt) const;

  // The URLs of every list stored, read from the entries (a damaged entry
  // is skipped). Errors: kIOError.
  Result<std::vector<std::string>> Urls() const;

  // Records that the server confirmed the cached list unchanged (a 304) at
  // `checked_at`, written the same way. Errors: those of Load(), kIOError.
  Status Confirm(const std::string& url, Timestamp checked_at) const;

  // Loads the cached list for `url`. Errors: kNotFound with a hint to sync,
  // kMalformed for a damaged entry, kResourceExhausted (over 4 MiB), kIOError.
  Result<CachedStatusList> Load(const std::string& url) const;

  const std::filesystem::path& dir() const { return dir_; }
  Env& env() const { return *env_; }
  // What Open repaired, one sentence each, for the user's warnings.
  const std::vector<std::string>& repairs() const { return repairs_; }

 private:
  StatusListCache(std::filesystem::path dir, Env& env) : dir_(std::move(dir)), env_(&env) {}
  std::filesystem::path PathFor(const std::string& url) const;
  std::filesystem::path dir_;
  Env* env_;
  std::vector<std::string> repairs_;
};

// Checks a list credential as the verifier trusts it: valid signature by
// `expected_issuer`, type BitstringStatusListCredential, decodable list of
// at least 131,072 entries. Returns the decoded list.
Result<CachedStatusList> VerifyStatusListCredential(const nlohmann::json& credential,
                                                    const std::string& url,
                                                    const std::string& expected_issuer,
                                                    const VerifyOptions& options);

// The status check of the pipeline: every BitstringStatusListEntry of `vc`
// is looked up in `cache`. Errors: kRevoked ("revoked", "suspended"),
// kNotFound (list not cached: the credential is not valid), kInvalidCredential.
// kExpired when a list was last confirmed longer ago than
// options.max_status_age_seconds (naming the list and its age).
// On success `detail` says what was checked and `freshness` the oldest
// confirmation.
Status CheckCredentialStatus(const nlohmann::json& vc, const StatusListCache* cache,
                             const VerifyOptions& options, std::string* detail,
                             std::optional<Timestamp>* freshness);

}  // namespace passerelle
