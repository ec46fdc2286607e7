// Passerelle wallet CLI — `wallet init` and `wallet did`.
#include <ostream>

#include "keys/passphrase.h"
#include "wallet-cli/commands/commands.h"
#include "wallet-cli/commands/common.h"
#include "wallet-cli/store/wallet_store.h"
#include "wallet-cli/wallet_dir.h"

namespace passerelle::wallet::cli {

int RunInit(const CommonArgs& args, std::ostream& out, std::ostream& err) {
  auto dir = ResolveWalletDir(args.dir);
  if (!dir.ok()) return Fail(err, dir.status());
  if (WalletStore::ReadHolderDid(*dir).ok()) {
    Diag(err).Error("a wallet already exists in \"" + dir->string() + "\"; refusing to overwrite it");
    Diag(err).Hint("use it as it is, or choose another folder with --dir");
    return 2;
  }
  auto passphrase = ObtainPassphrase({args.passphrase_file, true, "new wallet passphrase: "});
  if (!passphrase.ok()) return Fail(err, passphrase.status());
  auto store = WalletStore::Create(*dir, *passphrase);
  if (!store.ok()) return Fail(err, store.status());
  out << store->holder_did() << "\n";
  err << "wallet: created an encrypted wallet in \"" << dir->string() << "\"\n";
  Diag(err).Hint("give this DID to your training centre so that your credentials name you: " +
                     store->holder_did());
  Diag(err).Hint("then add each credential you receive with: wallet import FILE");
  return 0;
}

int RunDid(const CommonArgs& args, std::ostream& out, std::ostream& err) {
  auto dir = ResolveWalletDir(args.dir);
  if (!dir.ok()) return Fail(err, dir.status());
  auto did = WalletStore::ReadHolderDid(*dir);
  if (!did.ok()) return Fail(err, did.status());
  out << *did << "\n";
  return 0;
}

}  // namespace passerelle::wallet::cli
