// Passerelle verifier CLI — `verifier verify`: arguments and the run function.
#pragma once

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

namespace passerelle::cli {

struct VerifyArgs {
  std::vector<std::string> files;        // "-" reads standard input
  bool json = false;
  std::optional<std::string> at;         // RFC 3339
  std::vector<std::string> trust_issuers;
  std::vector<std::string> trust_roots;  // root trust lists: the operator's anchors
  std::vector<std::string> trust_lists;  // lists signed by a root's authorities
  std::vector<std::string> did_documents;
  std::optional<std::string> status_cache;
  std::optional<std::string> bundle;  // `verifier bundle` output, instead of --status-cache
  std::optional<std::string> challenge;
  std::optional<std::string> domain;
  std::optional<std::string> qr_image;
  std::optional<std::string> qr_text;
  // The freshness policy (docs/federation.md): durations such as 7d, 36h, 90m.
  std::string max_status_age = "7d";
  std::string max_trust_age = "30d";
};

// Runs the verification; returns the exit status (0 valid, 1 definite no,
// 2 no verdict). Data goes to `out`, diagnostics to `err`.
int RunVerify(const VerifyArgs& args, std::istream& in, std::ostream& out, std::ostream& err);

}  // namespace passerelle::cli
