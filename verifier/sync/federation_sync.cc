// Passerelle — syncing by following the trust chain.
#include "verifier/sync/federation_sync.h"

#include <nlohmann/json.hpp>

#include "formats/digest.h"
#include "formats/json.h"
#include "verifier/sync/sync.h"
#include "verifier/sync/trust_sync.h"
#include "verifier/verifier.h"

namespace passerelle {

namespace {

using nlohmann::json;

// An index names a node's status lists; thousands would be a mistake.
constexpr std::size_t kMaxListsPerIndex = 1000;
constexpr std::size_t kMaxIndexBytes = 256 * 1024;

std::filesystem::path IndexPath(const StatusListCache& cache, const std::string& url) {
  return cache.dir() / "indexes" / (Sha256Hex(url).substr(0, 32) + ".json");
}

// The index last fetched from `url` and its validators, if cached.
struct CachedIndex {
  std::string body;
  CacheValidators validators;
};
std::optional<CachedIndex> LoadIndex(const StatusListCache& cache, const std::string& url) {
  auto text = cache.env().ReadFileBounded(IndexPath(cache, url), 2 * kMaxIndexBytes);
  auto doc = text.ok() ? ParseJson(*text, JsonLimits{2 * kMaxIndexBytes, 8}) : Result<json>(text.status());
  if (!doc.ok() || !doc->is_object()) return std::nullopt;
  const json* u = FindMember(*doc, "url");
  const json* body = FindMember(*doc, "body");
  if (u == nullptr || *u != url || body == nullptr || !body->is_string()) return std::nullopt;
  CachedIndex out{body->get<std::string>(), {}};
  if (const json* e = FindMember(*doc, "etag"); e != nullptr && e->is_string()) out.validators.etag = e->get<std::string>();
  if (const json* m = FindMember(*doc, "lastModified"); m != nullptr && m->is_string())
    out.validators.last_modified = m->get<std::string>();
  return out;
}

Status StoreIndex(const StatusListCache& cache, const std::string& url, const std::string& body,
                  const CacheValidators& validators) {
  json entry = {{"url", url}, {"body", body}};
  if (!validators.etag.empty()) entry["etag"] = validators.etag;
  if (!validators.last_modified.empty()) entry["lastModified"] = validators.last_modified;
  PSL_RETURN_IF_ERROR(cache.env().CreateDirectories(cache.dir() / "indexes", 0777));
  return cache.env().WriteFileAtomic(IndexPath(cache, url), DumpJson(entry), WriteOptions{0644, Durability::kSynced});
}

// The status list URLs an index names: each under the issuer's own folder
// (an index cannot send the verifier elsewhere).
Result<std::vector<std::string>> ReadIndex(const std::string& url, const std::string& body, const std::string& base) {
  auto doc = ParseJson(body, JsonLimits{kMaxIndexBytes, 8});
  if (!doc.ok()) return doc.status().Annotate(url);
  const json* lists = doc->is_object() ? FindMember(*doc, "statusLists") : nullptr;
  if (lists == nullptr || !lists->is_array())
    return Status::Malformed(url + ": not a status list index ({\"statusLists\": [URL, …]})");
  if (lists->size() > kMaxListsPerIndex)
    return Status::ResourceExhausted(url + ": more than " + std::to_string(kMaxListsPerIndex) + " status lists");
  std::vector<std::string> out;
  for (const auto& l : *lists) {
    if (!l.is_string() || l.get_ref<const std::string&>().rfind(base + "/", 0) != 0)
      return Status::VerificationFailed(url + ": names " + (l.is_string() ? l.get<std::string>() : l.dump()) +
                                        ", which is not under " + base + "/");
    out.push_back(l.get<std::string>());
  }
  return out;
}

// The index is not signed (each list it names is): fetched conditionally
// like the rest, and a 304 reuses the body cached with it.
Result<std::pair<std::string, SyncOutcome>> FetchIndex(const StatusListCache& cache, const std::string& url,
                                                       const ConditionalFetcher& fetch) {
  std::optional<CachedIndex> cached = LoadIndex(cache, url);
  PSL_ASSIGN_OR_RETURN(ConditionalResponse r, fetch(url, cached ? cached->validators : CacheValidators{}));
  if (r.not_modified) {
    if (!cached) return Status::IOError(url + ": the server answered 304 (not modified) but no copy is cached");
    return std::make_pair(cached->body, SyncOutcome::kNotModified);
  }
  if (r.body.size() > kMaxIndexBytes)
    return Status::ResourceExhausted(url + ": larger than " + std::to_string(kMaxIndexBytes) + " bytes");
  PSL_RETURN_IF_ERROR(StoreIndex(cache, url, r.body, r.validators));
  return std::make_pair(r.body, SyncOutcome::kFetched);
}

// One status list: fetched conditionally, verified before it is cached; on
// 304 the cached copy is verified again at `now` and marked confirmed.
Result<SyncOutcome> SyncOneStatusList(const std::string& url, const std::string& issuer, const StatusListCache& cache,
                                      const ConditionalFetcher& fetch, Timestamp now, const DidResolver& known) {
  auto cached = cache.Load(url);
  PSL_ASSIGN_OR_RETURN(ConditionalResponse r, fetch(url, cached.ok() ? cached->validators : CacheValidators{}));
  if (r.not_modified) {
    if (!cached.ok()) return Status::IOError(url + ": the server answered 304 (not modified) but no copy is cached");
    VerifyOptions options;
    options.now = now;
    options.resolver = known;
    auto list = VerifyStatusListCredential(*cached->credential, url, issuer, options);
    if (!list.ok()) return list.status().Annotate("cached copy");
    PSL_RETURN_IF_ERROR(cache.Confirm(url, now));
    return SyncOutcome::kNotModified;
  }
  Fetcher body = [&](const std::string& u) -> Result<std::string> {
    if (u == url) return r.body;
    return Status::NotFound(u + ": not fetched (keys come from the trust list)");
  };
  // Refused before it is stored: a list of another issuer at this address
  // must not replace the cached copy (the issuer's own, or none).
  auto synced = SyncStatusList(url, cache, body, now, &known, r.validators, issuer);
  if (!synced.ok()) return synced.status();
  return SyncOutcome::kFetched;
}

}  // namespace

std::size_t FederationSyncReport::Count(SyncOutcome o) const {
  std::size_t n = 0;
  for (const auto& d : documents) n += d.outcome == o ? 1 : 0;
  return n;
}

const char* SyncOutcomeName(SyncOutcome outcome) {
  switch (outcome) {
    case SyncOutcome::kFetched: return "fetched";
    case SyncOutcome::kNotModified: return "not modified";
    case SyncOutcome::kFailed: return "failed";
  }
  return "failed";
}

FederationSyncReport SyncFromTrustRoots(TrustRegistry& registry, const StatusListCache& cache,
                                        const ConditionalFetcher& fetch, Timestamp now) {
  FederationSyncReport report;
  auto record = [&](SyncedDocument d, const Result<SyncOutcome>& r) {
    d.outcome = r.ok() ? *r : SyncOutcome::kFailed;
    if (!r.ok()) d.error = r.status();
    report.documents.push_back(std::move(d));
  };
  // 1. Each authority's trust list, checked against the roots.
  std::vector<TrustedEntity> authorities;
  for (const TrustedEntity* a : registry.Authorities()) authorities.push_back(*a);
  for (const auto& a : authorities) {
    if (a.published_at.empty()) continue;
    SyncedDocument d{a.published_at + "/trust-list.json", "trust list", a.did, a.country, SyncOutcome::kFailed,
                     Status::Ok()};
    Result<SyncOutcome> r = [&]() -> Result<SyncOutcome> {
      PSL_ASSIGN_OR_RETURN(ConditionalResponse got, fetch(d.url, CachedTrustListValidators(cache.dir(), d.url, cache.env())));
      if (got.not_modified) {
        PSL_RETURN_IF_ERROR(ConfirmCachedTrustList(d.url, registry, cache.dir(), now, cache.env()).status());
        return SyncOutcome::kNotModified;
      }
      auto synced = SyncTrustList(d.url, got.body, registry, cache.dir(), now, cache.env(), got.validators);
      if (!synced.ok()) return synced.status();
      if (synced->issuer != a.did)
        return Status::VerificationFailed(d.url + ": signed by " + synced->issuer + ", not by " + a.did);
      return SyncOutcome::kFetched;
    }();
    record(std::move(d), r);
  }
  // 2. Each accredited issuer's status lists, with the keys the lists give.
  DidResolver known;
  registry.AddKeysTo(known);
  std::vector<AccreditedIssuer> issuers;
  for (const AccreditedIssuer* i : registry.Issuers()) issuers.push_back(*i);
  for (const auto& i : issuers) {
    const TrustedEntity& e = i.entity;
    if (e.published_at.empty()) continue;
    SyncedDocument d{e.published_at + "/status-lists/index.json", "status list index", e.did, e.country,
                     SyncOutcome::kFailed, Status::Ok()};
    auto index = FetchIndex(cache, d.url, fetch);
    auto urls = index.ok() ? ReadIndex(d.url, index->first, e.published_at)
                           : Result<std::vector<std::string>>(index.status());
    record(d, urls.ok() ? Result<SyncOutcome>(index->second) : Result<SyncOutcome>(urls.status()));
    if (!urls.ok()) continue;
    for (const auto& url : *urls)
      record(SyncedDocument{url, "status list", e.did, e.country, SyncOutcome::kFailed, Status::Ok()},
             SyncOneStatusList(url, e.did, cache, fetch, now, known));
  }
  return report;
}

}  // namespace passerelle
