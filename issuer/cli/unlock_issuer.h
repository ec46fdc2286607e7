// Passerelle issuer CLI — opening an issuer folder with its signing key.
#pragma once

#include "formats/status.h"
#include "issuer/cli/commands.h"
#include "issuer/issuer_dir.h"
#include "keys/signing_key.h"

namespace passerelle::cli {

struct UnlockedIssuer {
  IssuerDir issuer;
  Ed25519SigningKey key;  // the current key, decrypted
};

// Opens --dir and decrypts its current key with the passphrase from
// --passphrase-file, $PASSERELLE_PASSPHRASE or a prompt, in that order.
// Errors: those of OpenIssuerDir, ObtainPassphrase and LoadCurrentKey.
Result<UnlockedIssuer> UnlockIssuer(const CommonIssuerArgs& args);

}  // namespace passerelle::cli
