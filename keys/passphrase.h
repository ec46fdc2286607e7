// Passerelle — where passphrases come from: a file, the environment, or a
// terminal prompt; never the command line. Not thread-safe (touches the tty).
#pragma once

#include <optional>
#include <string>

#include "formats/status.h"
#include "keys/secret_bytes.h"

namespace passerelle {

inline constexpr const char* kPassphraseEnv = "PASSERELLE_PASSPHRASE";
// The new passphrase of `wallet passphrase`, when not in a file or prompted.
inline constexpr const char* kNewPassphraseEnv = "PASSERELLE_NEW_PASSPHRASE";

struct PassphraseSource {
  std::optional<std::string> file;  // --passphrase-file: first line, newline stripped; "-": stdin
  bool confirm = false;             // prompt twice (when creating a key)
  std::string prompt = "passphrase: ";
  const char* env = kPassphraseEnv;  // the environment variable to read
};

// Returns the passphrase from, in order: `source.file`, the variable
// `source.env` ($PASSERELLE_PASSPHRASE unless told otherwise),
// or a no-echo prompt on /dev/tty. Errors: kInvalidArgument when none is
// available (no terminal) or it is empty, or the two prompts differ; kIOError.
Result<SecretBytes> ObtainPassphrase(const PassphraseSource& source);

}  // namespace passerelle
