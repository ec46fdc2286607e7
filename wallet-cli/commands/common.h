// Passerelle wallet CLI — what every verb shares: messages, exit codes,
// opening the wallet with the user's passphrase, writing output files.
#pragma once

#include <filesystem>
#include <functional>
#include <iosfwd>
#include <set>
#include <string>
#include <string_view>

#include "cmdline/diagnostics.h"
#include "formats/status.h"
#include "keys/did_document.h"
#include "keys/secret_bytes.h"
#include "verifier/verifier.h"
#include "wallet-cli/import_check.h"
#include "wallet-cli/commands/commands.h"
#include "wallet-cli/store/wallet_store.h"

namespace passerelle::wallet::cli {

// The wallet's diagnostics on `err`: "wallet: error: …", sanitised.
inline cmdline::Diagnostics Diag(std::ostream& err) { return cmdline::Diagnostics("wallet", err); }

// Prints `s` as an error, adds a hint for a wrong passphrase or a missing
// wallet, and returns the exit status its code calls for: 1 for a definite
// no (verification failed, expired, revoked, invalid credential), else 2.
int Fail(std::ostream& err, const Status& s);

struct OpenedWallet {
  WalletStore store;
  SecretBytes passphrase;  // kept to decrypt the holder key when needed
};

// Resolves the folder, obtains the passphrase and opens the store; prints
// what the store repaired as warnings on `err`.
// Errors: those of ResolveWalletDir, ObtainPassphrase and WalletStore::Open.
Result<OpenedWallet> OpenWallet(const CommonArgs& args, LockMode mode, std::ostream& err);

// The resolver for did:web issuers: the DID documents `store` kept, then
// the keys of the trust lists given (each checked: roots by their own
// proof, other lists against the roots), then the DID document files given,
// each replacing what came before for its DID.
// Errors: kIOError, kMalformed, and those of TrustRegistry::AddRoot/AddList,
// each naming the option and file.
Result<DidResolver> LoadIssuerKeys(const WalletStore& store, const IssuerKeyArgs& args);

// Keeps in `store` the DID document `resolver` holds for `issuer_did` when it
// is a did:web DID the holder just gave keys for (`args` not empty), so later
// verbs verify its credentials without the options. Errors: kIOError.
Status KeepIssuerKeys(WalletStore& store, const IssuerKeyArgs& args, const DidResolver& resolver,
                      const std::string& issuer_did);

// Writes an output file the user named (atomically, 0644); "-" means `out`.
// Errors: kIOError.
Status WriteOutput(const std::string& file, std::string_view bytes, std::ostream& out);

// Verifies `bytes` as a credential for this wallet (CheckForImport) and
// stores it unless it is already there; prints its short id on `out` and
// what happened on `err`. `name` names the source in messages
// ("\"m01.json\""), `origin` is recorded with it. Shared by `import` and
// `claim`. Returns the exit status: 0 stored (or already there), 1 it does
// not verify, 2 not a credential or an I/O error. `shown`, when given,
// holds the warnings printed so far: each is printed once (a claim stores a
// dozen credentials of one issuer). `stored`, when given, runs after the
// credential is stored (e.g. to keep its issuer's keys).
int ImportVerified(OpenedWallet& wallet, const std::string& bytes, VerifyOptions options, const std::string& name,
                   const std::string& origin, std::ostream& out, std::ostream& err,
                   std::set<std::string>* shown = nullptr,
                   const std::function<void(const ImportCheck&)>& stored = {});

// A short form of a record for users: its first 8 hex digits.
std::string ShortId(const IndexEntry& entry);

}  // namespace passerelle::wallet::cli
