// Passerelle verifier CLI — `verifier recognise`: a partner's modules,
// verified, mapped onto the receiving programme under an agreement.
#pragma once

#include <iosfwd>
#include <string>

#include "verifier/cli/verify_command.h"

namespace passerelle::cli {

struct RecogniseArgs {
  std::string agreement;  // docs/formats/recognition-agreement.md
  VerifyArgs verify;      // the files, and the same trust and status options as `verify`
};

// Verifies each file and applies the agreement to the credentials that
// verified. Returns 0 when every file verified (whatever was recognised),
// 1 when one did not, 2 for no verdict (usage, unreadable agreement or file).
int RunRecognise(const RecogniseArgs& args, std::istream& in, std::ostream& out, std::ostream& err);

}  // namespace passerelle::cli
