// Passerelle issuer CLI — opening an issuer folder with its signing key.
#include "issuer/cli/unlock_issuer.h"

#include "keys/passphrase.h"

namespace passerelle::cli {

Result<UnlockedIssuer> UnlockIssuer(const CommonIssuerArgs& args) {
  PSL_ASSIGN_OR_RETURN(IssuerDir issuer, OpenIssuerDir(args.dir));
  PSL_ASSIGN_OR_RETURN(auto passphrase, ObtainPassphrase({args.passphrase_file, false, "issuer key passphrase: "}));
  PSL_ASSIGN_OR_RETURN(Ed25519SigningKey key, LoadCurrentKey(issuer, passphrase));
  return UnlockedIssuer{std::move(issuer), std::move(key)};
}

}  // namespace passerelle::cli
