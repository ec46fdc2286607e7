// Passerelle wallet CLI — `wallet list` and `wallet show`.
#include <ostream>

#include <nlohmann/json.hpp>

#include "formats/json.h"
#include "wallet-cli/commands/commands.h"
#include "wallet-cli/commands/common.h"
#include "wallet-cli/credential_view.h"
#include "wallet-cli/import_check.h"
#include "wallet-cli/language.h"

namespace passerelle::wallet::cli {

int RunList(const ListArgs& args, std::ostream& out, std::ostream& err) {
  auto wallet = OpenWallet(args.common, LockMode::kShared, err);
  if (!wallet.ok()) return Fail(err, wallet.status());
  const auto& entries = wallet->store.entries();
  std::string language = PreferredLanguage();
  if (args.json) {
    out << DumpJsonPretty(ListToJson(entries, language)) << "\n";
    return 0;
  }
  if (entries.empty()) {
    err << "wallet: the wallet is empty\n";
    Diag(err).Hint("add a credential with: wallet import FILE");
    return 0;
  }
  out << FormatList(entries, language, Now());
  return 0;
}

int RunShow(const ShowArgs& args, std::ostream& out, std::ostream& err) {
  auto wallet = OpenWallet(args.common, LockMode::kShared, err);
  if (!wallet.ok()) return Fail(err, wallet.status());
  auto entry = wallet->store.Find(args.id);
  if (!entry.ok()) {
    int code = Fail(err, entry.status());
    Diag(err).Hint("wallet list shows the IDs");
    return code;
  }
  auto stored = wallet->store.Load(*entry);
  if (!stored.ok()) return Fail(err, stored.status());
  auto vc = ParseJson(stored->credential_json, JsonLimits{kMaxStoredCredentialBytes, 64});
  if (!vc.ok()) return Fail(err, vc.status().Annotate("stored credential"));
  // Show claims from a credential that verifies now (it may have expired).
  auto resolver = LoadIssuerKeys(wallet->store, args.keys);
  if (!resolver.ok()) return Fail(err, resolver.status());
  VerifyOptions options;
  options.resolver = std::move(*resolver);
  ImportCheck check = CheckForImport(stored->credential_json, wallet->store.holder_did(), options);
  std::string language = PreferredLanguage();
  if (args.json) {
    out << DumpJsonPretty(DetailsToJson(*vc, *entry, check.refusals, language)) << "\n";
  } else {
    out << FormatDetails(*vc, *entry, check.refusals, language);
  }
  if (!check.accepted) Diag(err).Warning("this credential no longer verifies: a verifier will refuse it");
  return 0;
}

}  // namespace passerelle::wallet::cli
