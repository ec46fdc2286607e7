// Passerelle wallet — the on-disk protocol that makes a passphrase change
// (WalletStore::ChangePassphrase) crash-safe (docs/cli/wallet.md, "Store").
//
// A change writes the new generation beside the old one, then switches with
// one atomic replacement of wallet.json, then removes the old generation:
//   1. passphrase-change.json   the plan: record names of the old and the new
//                               credential files (keyed hashes, as already
//                               visible on disk; nothing secret)
//   2. credentials/<new>.pws    every credential under the new keys (new names)
//   3. index.pws.next, issuers.pws.next, holder.key.next, then wallet.json.next
//   4. wallet.json              replaced by wallet.json.next's bytes: the commit
//   5. the .next files moved over their names, the old credential files
//      removed, then passphrase-change.json, then wallet.json.next
// Before step 4 the old passphrase opens the wallet and the new files are
// unused; from step 4 the new one does and the moves of step 5 finish it.
// Whoever opens the wallet next finishes or undoes an interrupted change
// (RepairPassphraseChange) before reading anything, without the passphrase:
// wallet.json equal to wallet.json.next says the change was committed.
// Every file operation goes through the Env. Stateless; callers hold the
// wallet's exclusive lock.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "env/env.h"
#include "formats/status.h"

namespace passerelle::wallet {

inline constexpr std::string_view kPassphraseChangeFile = "passphrase-change.json";
inline constexpr std::string_view kNextSuffix = ".next";

struct PassphraseChangePlan {
  std::vector<std::string> old_records;  // credential files of the old generation (names without .pws)
  std::vector<std::string> new_records;  // and of the new one
};

// Step 1: writes the plan (durably). Errors: kIOError.
Status WritePassphraseChangePlan(Env& env, const std::filesystem::path& dir, const PassphraseChangePlan& plan);

// Steps 3 (wallet.json.next) to 5, once the new generation's files are all
// in place: writes `header_json` as wallet.json.next, then as wallet.json
// (the commit), then finishes. Errors: kIOError; the message says whether
// the change was committed (the new passphrase opens the wallet) or not.
Status CommitPassphraseChange(Env& env, const std::filesystem::path& dir, std::string_view header_json);

// True when `dir` holds what an unfinished passphrase change left.
// (An unreadable folder counts as no: the reads that follow report it.)
bool PassphraseChangePending(Env& env, const std::filesystem::path& dir);

// Finishes a committed change interrupted in step 5, or undoes an
// uncommitted one (removes every file of the new generation: the wallet
// keeps its previous passphrase). Returns what it did, for the user; empty
// when there was nothing to do. REQUIRES: the wallet's exclusive lock.
// Errors: kMalformed (an unreadable plan: nothing is touched), kIOError.
Result<std::vector<std::string>> RepairPassphraseChange(Env& env, const std::filesystem::path& dir);

}  // namespace passerelle::wallet
