// Passerelle wallet CLI — `wallet export ID --format json|europass|openbadges`.
#include <ostream>

#include "wallet-cli/commands/commands.h"
#include "wallet-cli/commands/common.h"

namespace passerelle::wallet::cli {

int RunExport(const ExportArgs& args, std::ostream& out, std::ostream& err) {
  if (args.format == "europass" || args.format == "openbadges") {
    Diag(err).Error("--format " + args.format + " is not available yet: this version exports json only");
    Diag(err).Hint("wallet export ID --format json writes the signed credential as it was issued");
    return 2;
  }
  if (args.format != "json") {
    Diag(err).Error("--format \"" + args.format + "\": expected json, europass or openbadges");
    return 2;
  }
  auto wallet = OpenWallet(args.common, LockMode::kShared, err);
  if (!wallet.ok()) return Fail(err, wallet.status());
  auto entry = wallet->store.Find(args.id);
  if (!entry.ok()) return Fail(err, entry.status());
  auto stored = wallet->store.Load(*entry);
  if (!stored.ok()) return Fail(err, stored.status());
  // The credential exactly as it was imported: its proof still verifies.
  std::string bytes = stored->credential_json;
  if (bytes.empty() || bytes.back() != '\n') bytes += '\n';
  Status s = WriteOutput(args.out_file.value_or("-"), bytes, out);
  if (!s.ok()) return Fail(err, s);
  return 0;
}

}  // namespace passerelle::wallet::cli
