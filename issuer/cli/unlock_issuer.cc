// Passerelle issuer CLI — opening an issuer folder with its signing key.
#include "issuer/cli/unlock_issuer.h"

#include "keys/passphrase.h"

namespace passerelle::cli {

namespace {

Result<SecretBytes> IssuerPassphrase(const CommonIssuerArgs& args) {
  return ObtainPassphrase({args.passphrase_file, false, "issuer key passphrase: "});
}

}  // namespace

Result<UnlockedIssuer> UnlockIssuer(const CommonIssuerArgs& args) {
  PSL_ASSIGN_OR_RETURN(IssuerDir issuer, OpenIssuerDir(args.dir));
  PSL_ASSIGN_OR_RETURN(auto passphrase, IssuerPassphrase(args));
  PSL_ASSIGN_OR_RETURN(Ed25519SigningKey key, LoadCurrentKey(issuer, passphrase));
  return UnlockedIssuer{std::move(issuer), std::move(key)};
}

Result<std::unique_ptr<Issuer>> OpenCliIssuer(const CommonIssuerArgs& args, IssuerOptions options) {
  PSL_ASSIGN_OR_RETURN(options.passphrase, IssuerPassphrase(args));
  options.dir = args.dir;
  return OpenIssuer(std::move(options));
}

}  // namespace passerelle::cli
