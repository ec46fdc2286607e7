// Passerelle wallet CLI — shared helpers of the verbs.
#include "wallet-cli/commands/common.h"

#include <ostream>

#include <nlohmann/json.hpp>

#include "env/env.h"
#include "formats/json.h"
#include "keys/passphrase.h"
#include "wallet-cli/wallet_dir.h"

namespace passerelle::wallet::cli {

namespace {
constexpr std::size_t kMaxDidDocumentBytes = 256 * 1024;
}

int Fail(std::ostream& err, const Status& s) {
  Diag(err).Error(s.message());
  switch (s.code()) {
    case Code::kPermissionDenied:
      Diag(err).Hint("use the passphrase given to wallet init (from --passphrase-file, "
                     "PASSERELLE_PASSPHRASE or the prompt)");
      return 2;
    case Code::kVerificationFailed:
    case Code::kExpired:
    case Code::kRevoked:
    case Code::kInvalidCredential:
    case Code::kUntrustedIssuer:
      return 1;
    case Code::kOk:
    case Code::kInvalidArgument:
    case Code::kMalformed:
    case Code::kUnsupported:
    case Code::kNotFound:
    case Code::kAlreadyExists:
    case Code::kResourceExhausted:
    case Code::kIOError:
    case Code::kInternal:
      return 2;
  }
  return 2;
}

Result<OpenedWallet> OpenWallet(const CommonArgs& args, LockMode mode, std::ostream& err) {
  PSL_ASSIGN_OR_RETURN(std::filesystem::path dir, ResolveWalletDir(args.dir));
  // Say "no wallet" before asking for a passphrase it could not use.
  PSL_RETURN_IF_ERROR(WalletStore::ReadHolderDid(dir).status());
  PSL_ASSIGN_OR_RETURN(SecretBytes passphrase,
                       ObtainPassphrase({args.passphrase_file, false, "wallet passphrase: "}));
  PSL_ASSIGN_OR_RETURN(WalletStore store, WalletStore::Open(dir, passphrase, mode));
  for (const auto& note : store.notes()) Diag(err).Warning(note);
  return OpenedWallet{std::move(store), std::move(passphrase)};
}

Result<DidResolver> LoadDidDocuments(const std::vector<std::string>& files) {
  DidResolver resolver;
  for (const auto& f : files) {
    auto text = Env::Default().ReadFileBounded(f, kMaxDidDocumentBytes);
    if (!text.ok()) return text.status().Annotate("--did-document");
    auto parsed = ParseJson(*text);
    if (!parsed.ok()) return parsed.status().Annotate("--did-document \"" + f + "\"");
    auto doc = ParseDidDocument(*parsed);
    if (!doc.ok()) return doc.status().Annotate("--did-document \"" + f + "\"");
    resolver.Add(std::move(*doc));
  }
  return resolver;
}

Status WriteOutput(const std::string& file, std::string_view bytes, std::ostream& out) {
  if (file == "-") {
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.flush();
    return out ? Status::Ok() : Status::IOError("cannot write to standard output");
  }
  Status s = Env::Default().WriteFileAtomic(file, bytes, WriteOptions{0644, Durability::kSynced});
  return s.ok() ? s : s.Annotate("write output");
}

std::string ShortId(const IndexEntry& entry) { return entry.record.substr(0, 8); }

}  // namespace passerelle::wallet::cli
