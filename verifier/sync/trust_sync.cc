// Passerelle — trust lists in the verifier's cache.
#include "verifier/sync/trust_sync.h"

#include <nlohmann/json.hpp>

#include "formats/digest.h"
#include "formats/json.h"
#include "formats/trust_list.h"
#include "formats/vc_model.h"
#include "verifier/internal/folder_trust.h"

namespace passerelle {

using nlohmann::json;

namespace {

constexpr std::size_t kMaxTrustListBytes = 8u << 20;
constexpr JsonLimits kTrustListLimits{kMaxTrustListBytes, 16};

std::filesystem::path TrustDir(const std::filesystem::path& cache_dir) { return cache_dir / "trust-lists"; }

std::string WithoutFragment(const std::string& url) { return url.substr(0, url.find('#')); }

// Named after the list's URL without fragment, which is its id.
std::filesystem::path CachePath(const std::filesystem::path& cache_dir, const std::string& url) {
  return TrustDir(cache_dir) / (Sha256Hex(WithoutFragment(url)).substr(0, 32) + ".json");
}

std::filesystem::path MetaPath(const std::filesystem::path& cache_dir, const std::string& url) {
  std::filesystem::path p = CachePath(cache_dir, url);
  p.replace_extension(".meta");
  return p;
}

struct TrustListMeta {
  std::optional<Timestamp> checked_at;
  CacheValidators validators;
};

// What the .meta beside a cached list says; nothing when absent or damaged
// (then the list has no confirmation time and counts from its validFrom).
TrustListMeta ReadMeta(const std::filesystem::path& path, Env& env) {
  TrustListMeta meta;
  // Whoever could write it could make a stale list look fresh.
  if (internal::WritableByOthers(path)) return meta;
  auto text = env.ReadFileBounded(path, 64 * 1024);
  auto doc = text.ok() ? ParseJson(*text, JsonLimits{64 * 1024, 4}) : Result<json>(text.status());
  if (!doc.ok() || !doc->is_object()) return meta;
  if (const json* t = FindMember(*doc, "checkedAt"); t != nullptr && t->is_string())
    if (auto at = ParseDateTime(t->get<std::string>()); at.ok()) meta.checked_at = *at;
  if (const json* e = FindMember(*doc, "etag"); e != nullptr && e->is_string()) meta.validators.etag = e->get<std::string>();
  if (const json* m = FindMember(*doc, "lastModified"); m != nullptr && m->is_string())
    meta.validators.last_modified = m->get<std::string>();
  return meta;
}

Status WriteMeta(const std::filesystem::path& cache_dir, const std::string& url, Timestamp checked_at,
                 const CacheValidators& validators, Env& env) {
  json meta = {{"url", WithoutFragment(url)}, {"checkedAt", FormatDateTime(checked_at)}};
  if (!validators.etag.empty()) meta["etag"] = validators.etag;
  if (!validators.last_modified.empty()) meta["lastModified"] = validators.last_modified;
  return env.WriteFileAtomic(MetaPath(cache_dir, url), DumpJson(meta), WriteOptions{0644, Durability::kSynced});
}

}  // namespace

Status StoreCachedTrustList(const std::filesystem::path& cache_dir, const std::string& url, const std::string& body,
                            Timestamp checked_at, const CacheValidators& validators, Env& env) {
  PSL_RETURN_IF_ERROR(env.CreateDirectories(TrustDir(cache_dir), 0777));
  PSL_RETURN_IF_ERROR(env.WriteFileAtomic(CachePath(cache_dir, url), body, WriteOptions{0644, Durability::kSynced}));
  return WriteMeta(cache_dir, url, checked_at, validators, env);
}

Result<std::vector<CachedTrustListFile>> ReadCachedTrustLists(const std::filesystem::path& cache_dir, Env& env) {
  std::vector<CachedTrustListFile> out;
  const std::filesystem::path dir = TrustDir(cache_dir);
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) return out;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (entry.path().extension() != ".json") continue;
    PSL_ASSIGN_OR_RETURN(std::string body, env.ReadFileBounded(entry.path(), kMaxTrustListBytes));
    auto doc = ParseJson(body, kTrustListLimits);
    auto list = doc.ok() ? ParseTrustList(*doc) : Result<TrustList>(doc.status());
    if (!list.ok() || CachePath(cache_dir, list->id) != entry.path()) continue;
    out.push_back({list->id, std::move(body), ReadMeta(MetaPath(cache_dir, list->id), env).checked_at});
  }
  if (ec) return Status::IOError("\"" + dir.string() + "\": " + ec.message());
  return out;
}

CacheValidators CachedTrustListValidators(const std::filesystem::path& cache_dir, const std::string& url, Env& env) {
  if (!env.ReadFileBounded(CachePath(cache_dir, url), kMaxTrustListBytes).ok()) return {};
  return ReadMeta(MetaPath(cache_dir, url), env).validators;
}

Result<SyncedTrustList> ConfirmCachedTrustList(const std::string& url, TrustRegistry& registry,
                                               const std::filesystem::path& cache_dir, Timestamp now, Env& env) {
  auto text = env.ReadFileBounded(CachePath(cache_dir, url), kMaxTrustListBytes);
  if (!text.ok()) return text.status().Annotate(url + ": the server answered 304 (not modified) but no copy is cached");
  auto doc = ParseJson(*text, kTrustListLimits);
  if (!doc.ok()) return doc.status().Annotate(url + ": cached copy");
  auto list = ParseTrustList(*doc);
  if (!list.ok()) return list.status().Annotate(url + ": cached copy");
  PSL_RETURN_IF_ERROR(registry.AddListDocument(*doc, url, now, {}, now));
  TrustListMeta meta = ReadMeta(MetaPath(cache_dir, url), env);
  PSL_RETURN_IF_ERROR(WriteMeta(cache_dir, url, now, meta.validators, env));
  return SyncedTrustList{url, list->issuer, list->entities.size(), list->valid_from, list->valid_until};
}

bool LooksLikeTrustList(const std::string& body) {
  auto doc = ParseJson(body, kTrustListLimits);
  return doc.ok() && HasType(*doc, kTrustListCredentialType);
}

Result<SyncedTrustList> SyncTrustList(const std::string& url, const std::string& body, TrustRegistry& registry,
                                      const std::filesystem::path& cache_dir, Timestamp now, Env& env,
                                      const CacheValidators& validators) {
  auto doc = ParseJson(body, kTrustListLimits);
  if (!doc.ok()) return doc.status().Annotate(url);
  auto list = ParseTrustList(*doc);
  if (!list.ok()) return list.status().Annotate(url);
  if (list->id != WithoutFragment(url))
    return Status::VerificationFailed(url + ": the list says it lives at " +
                                      (list->id.empty() ? std::string("(no id)") : list->id) +
                                      "; a trust list is only accepted from its own URL");
  const std::filesystem::path path = CachePath(cache_dir, url);
  if (auto cached_text = env.ReadFileBounded(path, kMaxTrustListBytes); cached_text.ok()) {
    auto cached = ParseJson(*cached_text, kTrustListLimits);
    auto cached_list = cached.ok() ? ParseTrustList(*cached) : Result<TrustList>(cached.status());
    if (cached_list.ok() && list->valid_from < cached_list->valid_from)
      return Status::VerificationFailed(url + ": this list (validFrom " + FormatDateTime(list->valid_from) +
                                        ") is older than the one already cached (" +
                                        FormatDateTime(cached_list->valid_from) + "): not replacing it");
  }
  PSL_RETURN_IF_ERROR(registry.AddListDocument(*doc, url, now, {}, now));
  PSL_RETURN_IF_ERROR(StoreCachedTrustList(cache_dir, url, body, now, validators, env));
  return SyncedTrustList{url, list->issuer, list->entities.size(), list->valid_from, list->valid_until};
}

Status LoadCachedTrustLists(const std::filesystem::path& cache_dir, TrustRegistry& registry, Timestamp now,
                            std::vector<std::string>* skipped, Env& env) {
  const std::filesystem::path dir = TrustDir(cache_dir);
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) return Status::Ok();
  // Lists are signed and checked again below, but whoever can write here
  // could swap in an older, still valid version: the folder must be ours.
  if (internal::WritableByOthers(dir))
    return Status::PermissionDenied("cached trust lists in \"" + dir.string() +
                                    "\" are writable by another user: not trusted (fix its owner and mode, or sync again)");
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (entry.path().extension() != ".json") continue;
    const std::string where = "cached trust list \"" + entry.path().filename().string() + "\"";
    if (internal::WritableByOthers(entry.path())) return Status::PermissionDenied(where + " is writable by another user");
    auto text = env.ReadFileBounded(entry.path(), kMaxTrustListBytes);
    auto doc = text.ok() ? ParseJson(*text, kTrustListLimits) : Result<json>(text.status());
    auto list = doc.ok() ? ParseTrustList(*doc) : Result<TrustList>(doc.status());
    Status added = !list.ok() ? list.status()
                   // Stored under the URL it was fetched from, which is its id.
                   : entry.path().filename().string() != Sha256Hex(list->id).substr(0, 32) + ".json"
                       ? Status::VerificationFailed("it is not stored under the URL it names")
                       : registry.AddListDocument(*doc, list->id, now, {},
                                                  ReadMeta(MetaPath(cache_dir, list->id), env).checked_at);
    if (!added.ok() && skipped != nullptr) skipped->push_back(where + " skipped: " + added.message());
  }
  return Status::Ok();
}

}  // namespace passerelle
