// Passerelle verifier CLI — `verifier sync`.
#include "verifier/cli/sync_command.h"

#include <algorithm>
#include <iostream>

#include <nlohmann/json.hpp>

#include "cmdline/diagnostics.h"
#include "formats/json.h"
#include "formats/terminal_text.h"
#include "http/client.h"
#include "verifier/status_cache.h"
#include "verifier/sync/fetch.h"
#include "verifier/sync/federation_sync.h"
#include "verifier/sync/sync.h"
#include "verifier/sync/trust_sync.h"
#include "verifier/trust_registry.h"
#include "verifier/cli/verify_setup.h"

namespace passerelle::cli {

namespace {

// The per-document report; 0 when every document synced, 1 when one was
// refused (it did not verify), 2 when one could not be fetched or stored.
int PrintFederationReport(const FederationSyncReport& report, bool json, std::ostream& out, std::ostream& err) {
  const cmdline::Diagnostics diag("verifier", err);
  int exit_code = 0;
  nlohmann::json docs = nlohmann::json::array();
  for (const auto& d : report.documents) {
    const bool failed = d.outcome == SyncOutcome::kFailed;
    if (failed) {
      Code c = d.error.code();
      bool no_verdict = c == Code::kIOError || c == Code::kResourceExhausted || c == Code::kNotFound;
      exit_code = std::max(exit_code, no_verdict ? 2 : 1);
      diag.Error(d.country + " " + d.kind + ": " + d.error.message());
    }
    if (json) {
      nlohmann::json entry = {{"url", d.url}, {"kind", d.kind}, {"entity", d.entity}, {"country", d.country},
                              {"outcome", SyncOutcomeName(d.outcome)}, {"ok", !failed}};
      if (failed) entry["error"] = d.error.message();
      docs.push_back(std::move(entry));
    } else {
      out << (d.country.empty() ? "--" : d.country) << "  " << d.kind << "  " << SanitizeForTerminal(d.url) << ": "
          << (failed ? "failed (cached copy kept)" : SyncOutcomeName(d.outcome)) << "\n";
    }
  }
  const std::size_t fetched = report.Count(SyncOutcome::kFetched), unchanged = report.Count(SyncOutcome::kNotModified),
                    failed = report.Count(SyncOutcome::kFailed);
  if (json) {
    out << DumpJsonPretty({{"documents", docs},
                           {"fetched", fetched},
                           {"notModified", unchanged},
                           {"failed", failed}})
        << "\n";
  } else {
    out << report.documents.size() << " documents: " << fetched << " fetched, " << unchanged
        << " not modified (304), " << failed << " failed\n";
  }
  if (report.documents.empty()) {
    diag.Warning("the trust roots name no published documents (no publishedAt): nothing was synced");
    diag.Hint("authorities and issuers name their publication folder with issuer trust-list entry --published-at URL");
  }
  return exit_code;
}

}  // namespace

int RunSync(const SyncArgs& args, std::ostream& out, std::ostream& err) {
  const cmdline::Diagnostics diag("verifier", err);
  if (args.from.empty() && args.trust_roots.empty()) {
    diag.Error("nothing to sync");
    diag.Hint("follow the trust chain from a root: verifier sync --trust-root root.json --cache DIR, or name each "
              "status list: verifier sync --from https://issuer.example/status-lists/revocation-1 --cache DIR");
    return 2;
  }
  auto cache = StatusListCache::Open(args.cache);
  if (!cache.ok()) {
    diag.Error("--cache", cache.status());
    return 2;
  }
  for (const auto& repair : cache->repairs()) diag.Warning(repair);
  const Timestamp now = Now();
  // Trust roots: the anchors trust lists are checked against before caching.
  TrustRegistry registry;
  for (const auto& root : args.trust_roots) {
    auto text = ReadInput(root, std::cin, kMaxTrustListFileBytes);
    Status added = text.ok() ? registry.AddRoot(*text, root, now) : text.status();
    if (!added.ok()) {
      diag.Error("--trust-root", added);
      return 2;
    }
  }
  // Trust lists synced before (still holding under these roots) vouch for
  // did:web issuers' keys, so their status lists sync without a DID fetch.
  if (!args.trust_roots.empty()) {
    std::vector<std::string> skipped;
    Status cached = LoadCachedTrustLists(cache->dir(), registry, now, &skipped);
    if (!cached.ok()) {
      diag.Error("--cache", cached);
      return 2;
    }
  }
  http::GetOptions get_options;
  get_options.timeout_seconds = args.timeout_seconds;
  get_options.max_bytes = kMaxTrustListFileBytes;
  if (args.ca_file) get_options.ca_file = *args.ca_file;
  Fetcher http = [get_options](const std::string& url) { return http::GetBody(url, get_options); };
  if (args.from.empty()) {
    ConditionalFetcher conditional = [get_options](const std::string& url,
                                                   const CacheValidators& cached) -> Result<ConditionalResponse> {
      http::GetOptions options = get_options;
      options.if_none_match = cached.etag;
      options.if_modified_since = cached.last_modified;
      PSL_ASSIGN_OR_RETURN(http::GetResponse r, http::Get(url, options));
      if (r.status == 304) return ConditionalResponse{true, "", {}};
      if (r.status != 200) return Status::IOError(url + ": HTTP " + std::to_string(r.status));
      return ConditionalResponse{false, std::move(r.body), {r.etag(), r.last_modified()}};
    };
    return PrintFederationReport(SyncFromTrustRoots(registry, *cache, conditional, now), args.json, out, err);
  }
  int exit_code = 0;
  nlohmann::json report = nlohmann::json::array();
  for (const auto& url : args.from) {
    // Fetched once, then dispatched on what it is.
    auto body = http(url);
    if (body.ok() && LooksLikeTrustList(*body)) {
      if (args.trust_roots.empty()) {
        diag.Error(url + ": a trust list; give the root it chains to with --trust-root");
        report.push_back({{"url", url}, {"ok", false}, {"error", "a trust list, and no --trust-root"}});
        exit_code = 2;
        continue;
      }
      auto synced = SyncTrustList(url, *body, registry, cache->dir(), now);
      if (!synced.ok()) {
        diag.Error(synced.status());
        diag.Hint("the trust list was not stored");
        report.push_back({{"url", url}, {"ok", false}, {"error", synced.status().message()}});
        exit_code = std::max(exit_code, synced.status().code() == Code::kIOError ? 2 : 1);
        continue;
      }
      if (args.json) {
        report.push_back({{"url", url}, {"ok", true}, {"kind", "trust list"}, {"issuer", synced->issuer},
                          {"entities", synced->entities}, {"validUntil", FormatDateTime(synced->valid_until)}});
      } else {
        out << SanitizeForTerminal(url) << ": stored (trust list of " << synced->entities << " entr"
            << (synced->entities == 1 ? "y" : "ies") << ", signed by " << SanitizeForTerminal(synced->issuer)
            << ", valid until " << FormatDateTime(synced->valid_until) << ")\n";
      }
      continue;
    }
    Fetcher fetch = [&](const std::string& u) -> Result<std::string> { return u == url ? body : http(u); };
    DidResolver known;
    registry.AddKeysTo(known);
    auto synced = SyncStatusList(url, *cache, fetch, now, &known);
    if (!synced.ok()) {
      Code c = synced.status().code();
      bool no_verdict = c == Code::kIOError || c == Code::kResourceExhausted || c == Code::kInvalidArgument ||
                        c == Code::kMalformed;
      exit_code = std::max(exit_code, no_verdict ? 2 : 1);
      diag.Error(synced.status());
      if (!no_verdict) diag.Hint("the list was not stored; credentials pointing at it stay unverifiable");
      report.push_back({{"url", url}, {"ok", false}, {"error", synced.status().message()}});
      continue;
    }
    std::string purposes;
    for (const auto& p : synced->purposes) purposes += (purposes.empty() ? "" : ",") + p;
    if (args.json) {
      nlohmann::json entry = {{"url", url}, {"ok", true}, {"issuer", synced->issuer}, {"purposes", synced->purposes},
                              {"entries", synced->entries}, {"fetchedAt", FormatDateTime(synced->fetched_at)}};
      if (synced->valid_until) entry["validUntil"] = FormatDateTime(*synced->valid_until);
      report.push_back(std::move(entry));
    } else {
      out << SanitizeForTerminal(url) << ": stored (" << purposes << ", " << synced->entries << " entries, issuer "
          << SanitizeForTerminal(synced->issuer)
          << (synced->valid_until ? ", valid until " + FormatDateTime(*synced->valid_until) : std::string()) << ")\n";
    }
  }
  if (args.json) out << DumpJsonPretty(report) << "\n";
  return exit_code;
}

}  // namespace passerelle::cli
