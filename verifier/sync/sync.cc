// Passerelle — syncing status lists into the verifier's cache.
#include "verifier/sync/sync.h"

#include <nlohmann/json.hpp>

#include "formats/json.h"
#include "formats/vc_model.h"
#include "keys/did_document.h"
#include "verifier/sync/did_web.h"
#include "verifier/verifier.h"

namespace passerelle {

using nlohmann::json;

namespace {

constexpr JsonLimits kFetchedLimits{4u << 20, 32};

std::string WithoutFragment(const std::string& url) { return url.substr(0, url.find('#')); }

// Fetches and checks the DID document of a did:web issuer.
Result<json> FetchDidWebDocument(const std::string& did, const std::string& list_url, const Fetcher& fetch) {
  std::string scheme = list_url.substr(0, list_url.find("://"));
  PSL_ASSIGN_OR_RETURN(std::string doc_url, DidWebDocumentUrl(did, scheme));
  auto body = fetch(doc_url);
  if (!body.ok()) return body.status().Annotate("the DID document of " + did);
  auto parsed = ParseJson(*body, JsonLimits{1 << 20, 32});
  if (!parsed.ok()) return parsed.status().Annotate("the DID document at " + doc_url);
  PSL_ASSIGN_OR_RETURN(DidDocument doc, ParseDidDocument(*parsed));
  if (doc.id != did)
    return Status::VerificationFailed("the DID document at " + doc_url + " is for " + doc.id + ", not " + did);
  return parsed;
}

}  // namespace

Result<SyncedList> SyncStatusList(const std::string& url, const StatusListCache& cache, const Fetcher& fetch,
                                  Timestamp now, const DidResolver* known, const CacheValidators& validators,
                                  std::string_view expected_issuer) {
  auto body = fetch(url);
  if (!body.ok()) return body.status();
  auto parsed = ParseJson(*body, kFetchedLimits);
  if (!parsed.ok()) return parsed.status().Annotate(url);
  const json& credential = *parsed;
  if (!credential.is_object()) return Status::Malformed(url + ": not a JSON object");
  if (const json* id = FindMember(credential, "id"); id != nullptr && id->is_string() &&
                                                     id->get<std::string>() != WithoutFragment(url))
    return Status::VerificationFailed(url + ": the list says it lives at " + id->get<std::string>() +
                                      "; a list is only accepted from its own URL");
  auto issuer = CredentialIssuerId(credential);
  if (!issuer.ok()) return issuer.status().Annotate(url);
  if (!expected_issuer.empty() && *issuer != expected_issuer)
    return Status::VerificationFailed(url + ": issued by " + *issuer + ", not by " + std::string(expected_issuer));

  VerifyOptions options;
  options.now = now;
  PSL_RETURN_IF_ERROR(LoadCachedDidDocuments(cache.dir(), options.resolver));
  SyncedList out;
  std::optional<json> did_document;
  const bool did_web = issuer->rfind("did:web:", 0) == 0;
  bool from_trust_list = false;
  if (did_web && known != nullptr) {
    if (auto doc = known->Resolve(*issuer); doc.ok()) {
      options.resolver.Add(std::move(*doc));
      from_trust_list = true;
    }
  }
  if (did_web && !from_trust_list) {
    PSL_ASSIGN_OR_RETURN(did_document, FetchDidWebDocument(*issuer, url, fetch));
    options.resolver.Add(ParseDidDocument(*did_document).value());
    out.did_document_fetched = true;
  }
  auto list = VerifyStatusListCredential(credential, url, *issuer, options);
  if (!list.ok()) return list.status();
  if (did_document) PSL_RETURN_IF_ERROR(StoreCachedDidDocument(cache.dir(), *did_document, cache.env()));
  PSL_RETURN_IF_ERROR(cache.Store(url, credential, now, validators));
  out.url = url;
  out.issuer = *issuer;
  out.purposes = list->purposes;
  out.entries = static_cast<std::uint64_t>(list->bits.size()) * 8;
  out.fetched_at = now;
  out.valid_until = list->valid_until;
  return out;
}

std::string DescribeAge(Timestamp then, Timestamp now) {
  std::int64_t s = now.seconds - then.seconds;
  if (s < 0) return "in the future";
  if (s < 90) return std::to_string(s) + " s";
  if (s < 90 * 60) return std::to_string((s + 30) / 60) + " min";
  if (s < 36 * 3600) return std::to_string((s + 1800) / 3600) + " h";
  return std::to_string((s + 43200) / 86400) + " days";
}

}  // namespace passerelle
