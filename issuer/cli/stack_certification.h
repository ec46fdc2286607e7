// Passerelle issuer CLI — `issuer issue --kind certification --from`: the
// learner presents the modules; the issuer verifies the presentation and
// checks the programme's certification rules before anything is signed.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "formats/status.h"
#include "issuer/cli/commands.h"
#include "issuer/programme.h"
#include "issuer/programme_files.h"

namespace passerelle::cli {

// Verifies args.from (challenge required; the holder must be the subject of
// every credential), fills `learner` from it (the holder's DID; names from
// the flags, else from the modules), and applies the programme's rules.
// Returns the ids of the credentials the certification stacks (hasPart).
// Writes "issuer: error: …" lines to `err` — one per unmet rule.
// Errors: kInvalidCredential (a definite no: exit 1), others (exit 2).
Result<std::vector<std::string>> StackFromPresentation(const IssueArgs& args, const ProgrammeBundle& bundle,
                                                       const std::string& issuer_did, Learner& learner,
                                                       std::ostream& err);

}  // namespace passerelle::cli
