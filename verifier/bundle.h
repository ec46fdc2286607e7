// Passerelle — offline bundles: the verified trust and status documents of
// a verifier's cache in one file, for an air-gapped verifier
// (`verifier bundle`, `verifier verify|serve --bundle`; docs/federation.md).
//
// A bundle is plain JSON (never compressed: nothing to inflate, so no
// decompression bomb), at most kMaxBundleBytes:
//   {"type": "PasserelleBundle", "version": 1, "createdAt": T,
//    "trustLists":  [{"url", "checkedAt", "document": "<the signed list, as fetched>"}],
//    "statusLists": [{"url", "fetchedAt", "checkedAt", "credential": {signed list}}]}
// It adds no signature of its own: every document inside stays signed by
// its authority or issuer and is checked again when the bundle is loaded.
// The ages the freshness policy measures travel with them (checkedAt: when
// the syncing verifier last confirmed each one). Stateless; thread-safe.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>

#include "env/env.h"
#include "formats/datetime.h"
#include "formats/status.h"
#include "verifier/status_cache.h"
#include "verifier/trust_registry.h"

namespace passerelle {

inline constexpr std::size_t kMaxBundleBytes = 64u << 20;
inline constexpr std::size_t kMaxBundleDocuments = 20000;

struct BundleCounts {
  std::size_t trust_lists = 0;
  std::size_t status_lists = 0;
};

// Packs what `cache_dir` holds (trust lists and status lists that `verifier
// sync` verified; not DID documents, which carry no signature).
// Errors: kNotFound (nothing to pack), kResourceExhausted (over the caps),
// kIOError.
Result<std::string> MakeBundle(const std::filesystem::path& cache_dir, Timestamp created, BundleCounts* counts,
                               Env& env = Env::Default());

// Checks every document of `bundle` at `now` and unpacks it into `cache`
// (a fresh private folder): each trust list must chain to the roots already
// in `registry` (it is added there, with its confirmation time), each status
// list must be signed by its issuer with a key those lists give. One
// document that fails refuses the whole bundle. Errors: kResourceExhausted,
// kMalformed (not a bundle), kVerificationFailed / kUntrustedIssuer /
// kExpired / kInvalidCredential naming the document, kIOError.
Result<BundleCounts> LoadBundle(std::string_view bundle, TrustRegistry& registry, const StatusListCache& cache,
                                Timestamp now);

}  // namespace passerelle
