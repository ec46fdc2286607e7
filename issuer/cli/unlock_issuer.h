// Passerelle issuer CLI — opening an issuer folder with its signing key,
// alone (sign) or as the issuer service (issue, batch, status, key rotate).
#pragma once

#include <memory>

#include "formats/status.h"
#include "issuer/cli/commands.h"
#include "issuer/issuer_dir.h"
#include "issuer/service/issuer.h"
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

// Obtains the passphrase the same way and opens the issuer service over
// --dir with it; `options` gives everything else (dir and passphrase are
// filled in here). Errors: those of ObtainPassphrase and OpenIssuer.
Result<std::unique_ptr<Issuer>> OpenCliIssuer(const CommonIssuerArgs& args, IssuerOptions options);

}  // namespace passerelle::cli
