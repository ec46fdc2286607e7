// Passerelle issuer CLI — checking a learner's presentation before issuing
// from it (`issuer recognise`, `issuer issue --kind certification --from`).
//
// The issuer verifies the presentation itself, as the verifier would: the
// holder's proof over a challenge the issuer chose (required: a copy of
// someone else's credentials, or a replayed presentation, earns nothing),
// each credential's proof, trust from the trust lists or issuers given,
// and status when a status cache is given.
#pragma once

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "formats/credential.h"
#include "formats/status.h"
#include "issuer/cli/commands.h"
#include "verifier/status_cache.h"
#include "verifier/trust_registry.h"
#include "verifier/verifier.h"

namespace passerelle::cli {

// The options a check runs with and what they point into. Not copyable or
// movable: options.status_cache and options.trust_registry point into it.
struct PresentationCheck {
  VerifyOptions options;
  std::optional<StatusListCache> cache;
  TrustRegistry registry;

  PresentationCheck() = default;
  PresentationCheck(const PresentationCheck&) = delete;
  PresentationCheck& operator=(const PresentationCheck&) = delete;
};

// A presentation as read and its verdict.
struct CheckedPresentation {
  Presentation presentation;
  VerificationReport report;
};

// Fills `check` from `args` (trust lists read and checked, the status cache
// opened); warnings (stale cached lists) go to `err`. REQUIRES:
// args.challenge (the callers refuse without one, as a usage error).
// Errors: kInvalidArgument, kIOError, kMalformed, and those of
// TrustRegistry::AddRoot/AddList, each naming the option and file.
Status SetUpPresentationCheck(const PresentationCheckArgs& args, PresentationCheck& check, std::ostream& err);

// Reads and verifies the presentation. A presentation that does not verify
// is returned (report.verified false, report.errors saying why); only what
// cannot be read fails. Errors: kIOError, kResourceExhausted, kMalformed
// (not JSON, or not a presentation).
Result<CheckedPresentation> CheckPresentation(const PresentationCheckArgs& args, const PresentationCheck& check,
                                             std::istream& in);

// One line per reason the presentation failed: the report's errors (each
// named), or its failed checks when it gives none.
std::vector<std::string> FailureReasons(const VerificationReport& report);

}  // namespace passerelle::cli
