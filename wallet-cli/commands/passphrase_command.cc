// Passerelle wallet CLI — `wallet passphrase`: change the wallet's passphrase.
#include <sodium.h>

#include <ostream>

#include "keys/passphrase.h"
#include "wallet-cli/commands/commands.h"
#include "wallet-cli/commands/common.h"

namespace passerelle::wallet::cli {

int RunPassphrase(const PassphraseArgs& args, std::ostream& out, std::ostream& err) {
  (void)out;
  if (args.common.passphrase_file == "-" && args.new_passphrase_file == "-") {
    Diag(err).Error("--passphrase-file and --new-passphrase-file cannot both read standard input");
    return 2;
  }
  // The current passphrase opens the wallet (and repairs what an interrupted
  // change left) before the new one is asked for.
  auto wallet = OpenWallet(args.common, LockMode::kExclusive, err);
  if (!wallet.ok()) return Fail(err, wallet.status());
  auto fresh = ObtainPassphrase({args.new_passphrase_file, true, "new wallet passphrase: ", kNewPassphraseEnv});
  if (!fresh.ok()) {
    Diag(err).Error("new passphrase: " + fresh.status().message());
    Diag(err).Hint(std::string("give it with --new-passphrase-file FILE (- for standard input), ") + kNewPassphraseEnv +
                   " or at the prompt on a terminal");
    return 2;
  }
  if (fresh->size() == wallet->passphrase.size() &&
      sodium_memcmp(RevealSecret(*fresh), RevealSecret(wallet->passphrase), fresh->size()) == 0) {
    Diag(err).Error("the new passphrase is the current one; nothing changed");
    return 2;
  }
  auto changed = wallet->store.ChangePassphrase(wallet->passphrase, *fresh);
  if (!changed.ok()) return Fail(err, changed.status());
  err << "wallet: passphrase changed: the holder key and " << *changed << " credential" << (*changed == 1 ? "" : "s")
      << " re-encrypted in \"" << wallet->store.dir().string() << "\"\n";
  Diag(err).Hint(std::string("from now on give the new passphrase (") + kPassphraseEnv +
                 ", --passphrase-file or the prompt); the old one no longer opens the wallet");
  return 0;
}

}  // namespace passerelle::wallet::cli
