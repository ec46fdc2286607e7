// Passerelle verifier CLI — `verifier sync`: arguments and the run function.
#pragma once

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

namespace passerelle::cli {

struct SyncArgs {
  std::vector<std::string> from;  // status list and trust list URLs
  std::string cache;              // the status cache folder
  std::vector<std::string> trust_roots;  // files: with them, trust lists are synced too
  std::optional<std::string> ca_file;
  int timeout_seconds = 10;
  bool json = false;
};

// Fetches each list (a status list, or with trust roots a trust list),
// verifies it and stores it in the cache. Returns 0 when
// every list was stored, 1 when a list did not verify (nothing stored for
// it), 2 when a list could not be fetched or the cache not written.
int RunSync(const SyncArgs& args, std::ostream& out, std::ostream& err);

}  // namespace passerelle::cli
