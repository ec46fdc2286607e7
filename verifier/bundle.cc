// Passerelle — offline bundles of signed trust and status documents.
#include "verifier/bundle.h"

#include <nlohmann/json.hpp>

#include "formats/json.h"
#include "formats/vc_model.h"
#include "verifier/sync/trust_sync.h"
#include "verifier/verifier.h"

namespace passerelle {

using nlohmann::json;

namespace {

constexpr std::string_view kBundleType = "PasserelleBundle";

Result<Timestamp> TimeMember(const json& obj, std::string_view member, const std::string& where) {
  const json* m = FindMember(obj, member);
  if (m == nullptr || !m->is_string()) return Status::Malformed(where + "/" + std::string(member) + ": missing date-time");
  auto t = ParseDateTime(m->get<std::string>());
  if (!t.ok()) return t.status().Annotate(where + "/" + std::string(member));
  return *t;
}

Result<std::string> StringMember(const json& obj, std::string_view member, const std::string& where) {
  const json* m = FindMember(obj, member);
  if (m == nullptr || !m->is_string()) return Status::Malformed(where + "/" + std::string(member) + ": missing string");
  return m->get<std::string>();
}

}  // namespace

Result<std::string> MakeBundle(const std::filesystem::path& cache_dir, Timestamp created, BundleCounts* counts,
                               Env& env) {
  json trust = json::array();
  PSL_ASSIGN_OR_RETURN(auto lists, ReadCachedTrustLists(cache_dir, env));
  for (const auto& l : lists) {
    json entry = {{"url", l.url}, {"document", l.body}};
    // A list without a confirmation time counts from its validFrom when loaded.
    if (l.checked_at) entry["checkedAt"] = FormatDateTime(*l.checked_at);
    trust.push_back(std::move(entry));
  }
  PSL_ASSIGN_OR_RETURN(StatusListCache cache, StatusListCache::Open(cache_dir, env));
  PSL_ASSIGN_OR_RETURN(auto urls, cache.Urls());
  json status = json::array();
  for (const auto& url : urls) {
    PSL_ASSIGN_OR_RETURN(CachedStatusList s, cache.Load(url));
    status.push_back({{"url", url},
                      {"fetchedAt", FormatDateTime(s.fetched_at)},
                      {"checkedAt", FormatDateTime(s.checked_at)},
                      {"credential", *s.credential}});
  }
  if (trust.empty() && status.empty())
    return Status::NotFound("\"" + cache_dir.string() + "\" holds no trust or status lists (run verifier sync first)");
  if (trust.size() + status.size() > kMaxBundleDocuments)
    return Status::ResourceExhausted("more than " + std::to_string(kMaxBundleDocuments) + " documents");
  if (counts != nullptr) *counts = {trust.size(), status.size()};
  json bundle = {{"type", kBundleType},
                 {"version", 1},
                 {"createdAt", FormatDateTime(created)},
                 {"trustLists", std::move(trust)},
                 {"statusLists", std::move(status)}};
  std::string out = DumpJson(bundle) + "\n";
  if (out.size() > kMaxBundleBytes)
    return Status::ResourceExhausted("the bundle would be larger than " + std::to_string(kMaxBundleBytes) + " bytes");
  return out;
}

Result<BundleCounts> LoadBundle(std::string_view text, TrustRegistry& registry, const StatusListCache& cache,
                                Timestamp now) {
  if (text.size() > kMaxBundleBytes)
    return Status::ResourceExhausted("bundle: larger than " + std::to_string(kMaxBundleBytes) + " bytes");
  PSL_ASSIGN_OR_RETURN(json bundle, ParseJson(text, JsonLimits{kMaxBundleBytes, 40}));
  if (!bundle.is_object() || !JsonStringEquals(FindMember(bundle, "type") ? *FindMember(bundle, "type") : json(),
                                                kBundleType))
    return Status::Malformed("bundle: not a Passerelle bundle (type PasserelleBundle)");
  const json* version = FindMember(bundle, "version");
  if (version == nullptr || *version != 1) return Status::Unsupported("bundle: only version 1 is understood");
  const json* trust = FindMember(bundle, "trustLists");
  const json* status = FindMember(bundle, "statusLists");
  if (trust == nullptr || !trust->is_array() || status == nullptr || !status->is_array())
    return Status::Malformed("bundle: trustLists and statusLists must be arrays");
  if (trust->size() + status->size() > kMaxBundleDocuments)
    return Status::ResourceExhausted("bundle: more than " + std::to_string(kMaxBundleDocuments) + " documents");
  BundleCounts counts;
  // Trust lists first: they give the keys the status lists are checked with.
  for (std::size_t i = 0; i < trust->size(); ++i) {
    const std::string where = "bundle: /trustLists/" + std::to_string(i);
    const json& e = (*trust)[i];
    if (!e.is_object()) return Status::Malformed(where + ": must be an object");
    PSL_ASSIGN_OR_RETURN(std::string url, StringMember(e, "url", where));
    PSL_ASSIGN_OR_RETURN(std::string body, StringMember(e, "document", where));
    std::optional<Timestamp> checked;
    if (FindMember(e, "checkedAt") != nullptr) {
      PSL_ASSIGN_OR_RETURN(checked, TimeMember(e, "checkedAt", where));
    }
    auto doc = ParseJson(body, JsonLimits{8u << 20, 16});
    if (!doc.ok()) return doc.status().Annotate(where + " (" + url + ")");
    const json* id = FindMember(*doc, "id");
    if (id == nullptr || !JsonStringEquals(*id, url))
      return Status::VerificationFailed(where + ": the list does not name " + url + " as its id");
    PSL_RETURN_IF_ERROR(registry.AddListDocument(*doc, url, now, {}, checked).Annotate(where));
    PSL_RETURN_IF_ERROR(StoreCachedTrustList(cache.dir(), url, body, checked.value_or(Timestamp{}), {}, cache.env()));
    ++counts.trust_lists;
  }
  VerifyOptions options;
  options.now = now;
  registry.AddKeysTo(options.resolver);
  for (std::size_t i = 0; i < status->size(); ++i) {
    const std::string where = "bundle: /statusLists/" + std::to_string(i);
    const json& e = (*status)[i];
    if (!e.is_object()) return Status::Malformed(where + ": must be an object");
    PSL_ASSIGN_OR_RETURN(std::string url, StringMember(e, "url", where));
    PSL_ASSIGN_OR_RETURN(Timestamp fetched, TimeMember(e, "fetchedAt", where));
    PSL_ASSIGN_OR_RETURN(Timestamp checked, TimeMember(e, "checkedAt", where));
    const json* credential = FindMember(e, "credential");
    if (credential == nullptr || !credential->is_object()) return Status::Malformed(where + "/credential: missing");
    auto issuer = CredentialIssuerId(*credential);
    if (!issuer.ok()) return issuer.status().Annotate(where);
    auto list = VerifyStatusListCredential(*credential, url, *issuer, options);
    if (!list.ok()) return list.status().Annotate(where);
    PSL_RETURN_IF_ERROR(cache.Store(url, *credential, fetched, {}, checked));
    ++counts.status_lists;
  }
  return counts;
}

}  // namespace passerelle
