// Passerelle — status-list cache and offline status checks.
#include "verifier/status_cache.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "env/interrupted_writes.h"
#include "formats/digest.h"
#include "formats/duration.h"
#include "formats/json.h"
#include "formats/status_list.h"
#include "formats/vc_model.h"
#include "verifier/verifier.h"

namespace passerelle {

using nlohmann::json;

namespace {

constexpr std::size_t kMaxCacheEntryBytes = 4u << 20;


std::vector<std::string> PurposesOf(const json& subject) {
  std::vector<std::string> out;
  const json* p = FindMember(subject, "statusPurpose");
  if (p != nullptr && p->is_string()) out.push_back(p->get<std::string>());
  if (p != nullptr && p->is_array())
    for (const auto& e : *p)
      if (e.is_string()) out.push_back(e.get<std::string>());
  return out;
}

}  // namespace

Result<StatusListCache> StatusListCache::Open(const std::filesystem::path& dir, Env& env) {
  // 0777 less the umask, as for any folder the user creates.
  PSL_RETURN_IF_ERROR(env.CreateDirectories(dir, 0777).Annotate("status cache"));
  StatusListCache cache(dir, env);
  // The lists, and what sync keeps beside them (trust lists, did:web documents).
  for (const auto& folder : {dir, dir / "trust-lists", dir / "did"}) {
    auto removed = RemoveInterruptedWrites(env, folder);
    if (!removed.ok()) return removed.status().Annotate("status cache");
    for (const auto& name : *removed)
      cache.repairs_.push_back("status cache: removed \"" + (folder / name).string() +
                               "\", left by a sync interrupted while writing (what was cached before it is intact)");
  }
  return cache;
}

std::filesystem::path StatusListCache::PathFor(const std::string& url) const {
  return dir_ / (Sha256Hex(url).substr(0, 32) + ".json");
}

namespace {

nlohmann::json CacheEntry(const std::string& url, const json& credential, Timestamp fetched_at, Timestamp checked_at,
                          const CacheValidators& validators) {
  json entry = {{"url", url}, {"fetchedAt", FormatDateTime(fetched_at)}, {"checkedAt", FormatDateTime(checked_at)},
                {"credential", credential}};
  if (!validators.etag.empty()) entry["etag"] = validators.etag;
  if (!validators.last_modified.empty()) entry["lastModified"] = validators.last_modified;
  return entry;
}

}  // namespace

Status StatusListCache::Store(const std::string& url, const json& credential, Timestamp fetched_at,
                              const CacheValidators& validators, std::optional<Timestamp> checked_at) const {
  return env_->WriteFileAtomic(PathFor(url),
                               DumpJson(CacheEntry(url, credential, fetched_at, checked_at.value_or(fetched_at),
                                                   validators)),
                               WriteOptions{0644, Durability::kSynced})
      .Annotate("status cache");
}

Result<std::vector<std::string>> StatusListCache::Urls() const {
  std::vector<std::string> urls;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir_, ec)) {
    if (!entry.is_regular_file() || entry.path().extension() != ".json") continue;
    auto text = env_->ReadFileBounded(entry.path(), kMaxCacheEntryBytes);
    auto parsed = text.ok() ? ParseJson(*text, JsonLimits{kMaxCacheEntryBytes, 32}) : Result<json>(text.status());
    if (!parsed.ok() || !parsed->is_object()) continue;
    const json* url = FindMember(*parsed, "url");
    if (url != nullptr && url->is_string() && PathFor(url->get<std::string>()) == entry.path())
      urls.push_back(url->get<std::string>());
  }
  if (ec) return Status::IOError("status cache \"" + dir_.string() + "\": " + ec.message());
  std::sort(urls.begin(), urls.end());
  return urls;
}

Status StatusListCache::Confirm(const std::string& url, Timestamp checked_at) const {
  PSL_ASSIGN_OR_RETURN(CachedStatusList cached, Load(url));
  return env_->WriteFileAtomic(PathFor(url),
                               DumpJson(CacheEntry(url, *cached.credential, cached.fetched_at, checked_at,
                                                   cached.validators)),
                               WriteOptions{0644, Durability::kSynced})
      .Annotate("status cache");
}

Result<CachedStatusList> StatusListCache::Load(const std::string& url) const {
  std::filesystem::path p = PathFor(url);
  auto text = env_->ReadFileBounded(p, kMaxCacheEntryBytes);
  if (!text.ok() && text.status().code() != Code::kNotFound) return text.status().Annotate("status cache entry");
  if (!text.ok())
    return Status::NotFound("status list " + url + " is not in the status cache \"" + dir_.string() +
                            "\" (run: verifier sync --from " + url + " --cache " + dir_.string() + ")");
  auto parsed = ParseJson(*text, JsonLimits{kMaxCacheEntryBytes, 32});
  if (!parsed.ok()) return parsed.status().Annotate("status cache entry \"" + p.string() + "\"");
  const json& entry = *parsed;
  const json* stored_url = FindMember(entry, "url");
  const json* fetched = FindMember(entry, "fetchedAt");
  const json* credential = FindMember(entry, "credential");
  if (stored_url == nullptr || *stored_url != url || fetched == nullptr || !fetched->is_string() ||
      credential == nullptr)
    return Status::Malformed("status cache entry \"" + p.string() + "\" is damaged");
  auto at = ParseDateTime(fetched->get<std::string>());
  if (!at.ok()) return at.status().Annotate("status cache entry \"" + p.string() + "\"");
  CachedStatusList list;
  list.url = url;
  list.fetched_at = *at;
  list.checked_at = *at;
  if (const json* checked = FindMember(entry, "checkedAt"); checked != nullptr && checked->is_string()) {
    auto t = ParseDateTime(checked->get<std::string>());
    if (!t.ok()) return t.status().Annotate("status cache entry \"" + p.string() + "\"");
    list.checked_at = *t;
  }
  if (const json* etag = FindMember(entry, "etag"); etag != nullptr && etag->is_string())
    list.validators.etag = etag->get<std::string>();
  if (const json* lm = FindMember(entry, "lastModified"); lm != nullptr && lm->is_string())
    list.validators.last_modified = lm->get<std::string>();
  list.credential = std::make_shared<const json>(*credential);
  return list;
}

Result<CachedStatusList> VerifyStatusListCredential(const json& credential, const std::string& url,
                                                    const std::string& expected_issuer,
                                                    const VerifyOptions& options) {
  if (!HasType(credential, "BitstringStatusListCredential"))
    return Status::InvalidCredential("status list " + url + ": not a BitstringStatusListCredential");
  // Verified strictly as a credential of the expected issuer: a document
  // that is also a presentation would be judged on its holder's proof and
  // embedded credentials, not on the list it carries.
  if (!HasType(credential, "VerifiableCredential") || HasType(credential, "VerifiablePresentation"))
    return Status::InvalidCredential("status list " + url + ": must be a VerifiableCredential and nothing else");
  auto list_issuer = CredentialIssuerId(credential);
  if (!list_issuer.ok() || *list_issuer != expected_issuer)
    return Status::VerificationFailed("status list " + url + ": issued by " +
                                      (list_issuer.ok() ? *list_issuer : std::string("nobody")) + ", not by " +
                                      expected_issuer);
  // Bound to the URL the credential names: a list of the same issuer stored
  // under another list's URL must not answer for it.
  auto strip_fragment = [](std::string_view u) { return std::string(u.substr(0, u.find('#'))); };
  const json* list_id = FindMember(credential, "id");
  if (list_id == nullptr || !list_id->is_string() || strip_fragment(list_id->get<std::string>()) != strip_fragment(url))
    return Status::VerificationFailed("status list " + url + ": its id " +
                                      (list_id != nullptr && list_id->is_string() ? "\"" + list_id->get<std::string>() + "\"" : std::string("(missing)")) +
                                      " is not the URL it is used for");
  auto document = CredentialFromJson(credential);
  if (!document.ok()) return document.status().Annotate("status list " + url);
  auto signed_list = VerifySignedDocument(*document, expected_issuer, options);
  if (!signed_list.ok())
    return Status::VerificationFailed("status list " + url + ": " + signed_list.status().message());
  const json* subject = FindMember(credential, "credentialSubject");
  if (subject == nullptr || !subject->is_object() || !HasType(*subject, "BitstringStatusList"))
    return Status::InvalidCredential("status list " + url + ": credentialSubject must be a BitstringStatusList");
  PSL_ASSIGN_OR_RETURN(std::string encoded, GetString(*subject, "encodedList", "/credentialSubject"));
  auto bits = DecodeStatusList(encoded);
  if (!bits.ok()) return bits.status().Annotate("status list " + url);
  if (bits->size() * 8ull < kMinStatusListEntries)
    return Status::InvalidCredential("status list " + url + ": shorter than the 131,072 entries the spec requires (STATUS_LIST_LENGTH_ERROR)");
  CachedStatusList out;
  out.url = url;
  out.issuer = expected_issuer;
  out.purposes = PurposesOf(*subject);
  out.bits = std::move(*bits);
  if (const json* until = FindMember(credential, "validUntil"); until && until->is_string()) {
    auto t = ParseDateTime(until->get<std::string>());
    if (t.ok()) out.valid_until = *t;
  }
  return out;
}

Status CheckCredentialStatus(const json& vc, const StatusListCache* cache, const VerifyOptions& options,
                             std::string* detail, std::optional<Timestamp>* freshness) {
  // A status mechanism we cannot check leaves the status unknown: not valid.
  if (const json* status = FindMember(vc, "credentialStatus")) {
    const OneOrMany items(*status);
    for (const auto& item : items) {
      if (HasType(item, "BitstringStatusListEntry")) continue;
      const json* type = FindMember(item, "type");
      return Status::NotFound("/credentialStatus: status unknown: type " +
                              (type != nullptr ? type->dump() : std::string("(none)")) +
                              " is not supported (BitstringStatusListEntry)");
    }
  }
  PSL_ASSIGN_OR_RETURN(auto entries, StatusEntriesOf(vc));
  if (entries.empty()) {
    *detail = "no status list entry to check";
    return Status::Ok();
  }
  if (cache == nullptr)
    return Status::NotFound("/credentialStatus: status unknown: no status cache was given "
                            "(run verifier sync --from URL --cache DIR, then verify with --status-cache DIR)");
  auto issuer = CredentialIssuerId(vc);
  if (!issuer.ok()) return issuer.status();
  std::string checked;
  for (const auto& e : entries) {
    auto cached = cache->Load(e.list_credential);
    if (!cached.ok()) return cached.status().Annotate("/credentialStatus: status unknown");
    auto list = VerifyStatusListCredential(*cached->credential, e.list_credential, *issuer, options);
    if (!list.ok()) return list.status().Annotate("/credentialStatus");
    if (std::find(list->purposes.begin(), list->purposes.end(), e.purpose) == list->purposes.end())
      return Status::InvalidCredential("/credentialStatus: the list " + e.list_credential +
                                       " is not for purpose \"" + e.purpose + "\"");
    if (list->valid_until && *list->valid_until < options.now)
      return Status::Expired("/credentialStatus: the cached status list " + e.list_credential +
                             " expired at " + FormatDateTime(*list->valid_until) + "; run verifier sync");
    PSL_ASSIGN_OR_RETURN(std::uint32_t value, ReadStatus(list->bits, e.index, e.status_size));
    if (value != 0 && e.purpose == "revocation")
      return Status::Revoked("/credentialStatus: revoked by its issuer");
    if (value != 0 && e.purpose == "suspension")
      return Status::Revoked("/credentialStatus: suspended by its issuer");
    // The freshness policy: how long ago the verifier last confirmed it.
    const std::int64_t age = options.now.seconds - cached->checked_at.seconds;
    if (!freshness->has_value() || cached->checked_at < **freshness) *freshness = cached->checked_at;
    if (options.max_status_age_seconds > 0 && age > options.max_status_age_seconds)
      return Status::Expired("/credentialStatus: the status list " + e.list_credential + " is " +
                             DescribeDuration(age) + " old (last confirmed " + FormatDateTime(cached->checked_at) +
                             "), over the maximum status age of " + FormatDuration(options.max_status_age_seconds) +
                             "; run verifier sync");
    if (!checked.empty()) checked += ", ";
    checked += e.purpose;
  }
  *detail = "not revoked or suspended (" + checked + "; lists fetched " +
            FormatDateTime(**freshness) + ")";
  return Status::Ok();
}

}  // namespace passerelle
