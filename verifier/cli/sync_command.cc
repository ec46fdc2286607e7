// Passerelle verifier CLI — `verifier sync`.
#include "verifier/cli/sync_command.h"

#include <algorithm>
#include <iostream>

#include <nlohmann/json.hpp>

#include "formats/json.h"
#include "formats/terminal_text.h"
#include "verifier/status_cache.h"
#include "verifier/sync/fetch.h"
#include "verifier/sync/sync.h"

namespace passerelle::cli {

int RunSync(const SyncArgs& args, std::ostream& out, std::ostream& err) {
  if (args.from.empty()) {
    err << "verifier: error: nothing to sync\n"
        << "verifier: hint: name each status list: verifier sync --from https://issuer.example/status-lists/revocation-1 --cache DIR\n";
    return 2;
  }
  auto cache = StatusListCache::Open(args.cache);
  if (!cache.ok()) {
    err << "verifier: error: --cache: " << cache.status().message() << "\n";
    return 2;
  }
  FetchOptions fetch_options;
  fetch_options.timeout_seconds = args.timeout_seconds;
  if (args.ca_file) fetch_options.ca_file = *args.ca_file;
  Fetcher fetch = HttpFetcher(fetch_options);
  int exit_code = 0;
  nlohmann::json report = nlohmann::json::array();
  for (const auto& url : args.from) {
    auto synced = SyncStatusList(url, *cache, fetch, Now());
    if (!synced.ok()) {
      Code c = synced.status().code();
      bool no_verdict = c == Code::kIOError || c == Code::kResourceExhausted || c == Code::kInvalidArgument ||
                        c == Code::kMalformed;
      exit_code = std::max(exit_code, no_verdict ? 2 : 1);
      err << "verifier: error: " << SanitizeForTerminal(synced.status().message()) << "\n";
      if (!no_verdict) err << "verifier: hint: the list was not stored; credentials pointing at it stay unverifiable\n";
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
