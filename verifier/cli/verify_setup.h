// Passerelle verifier CLI — what `verify` and `recognise` share: reading
// inputs, and turning the trust and status options into VerifyOptions.
#pragma once

#include <cstddef>
#include <filesystem>
#include <iosfwd>
#include <optional>
#include <string>

#include "formats/status.h"
#include "verifier/cli/verify_command.h"
#include "verifier/status_cache.h"
#include "verifier/trust_registry.h"
#include "cmdline/input.h"
#include "verifier/verifier.h"

namespace passerelle::cli {

// A national trust list of a few thousand entries.
inline constexpr std::size_t kMaxTrustListFileBytes = 8u << 20;

// The options a verification runs with, and what they point at. Not
// copyable or movable: options.status_cache and options.trust_registry
// point into it.
struct VerificationSetup {
  VerifyOptions options;
  std::optional<StatusListCache> cache;
  TrustRegistry registry;

  // The private folder a --bundle was unpacked into (removed with the setup).
  std::optional<std::filesystem::path> bundle_dir;

  VerificationSetup() = default;
  ~VerificationSetup();
  VerificationSetup(const VerificationSetup&) = delete;
  VerificationSetup& operator=(const VerificationSetup&) = delete;
};

// Fills `setup` from --at, --trust-issuer, --did-document, --status-cache or --bundle,
// --trust-root, --trust-list, --challenge and --domain. Returns 0, or 2
// after writing "verifier: error: …" (and a hint) to `err`.
int SetUpVerification(const VerifyArgs& args, std::istream& in, std::ostream& err, VerificationSetup& setup);

}  // namespace passerelle::cli
