// Passerelle wallet CLI — shared helpers of the verbs.
#include "wallet-cli/commands/common.h"

#include <ostream>

#include <nlohmann/json.hpp>

#include "env/env.h"
#include "formats/json.h"
#include "keys/passphrase.h"
#include "verifier/trust_registry.h"
#include "wallet-cli/wallet_dir.h"

namespace passerelle::wallet::cli {

namespace {
constexpr std::size_t kMaxDidDocumentBytes = 256 * 1024;
}

int Fail(std::ostream& err, const Status& s) {
  Diag(err).Error(s.message());
  switch (s.code()) {
    case Code::kPermissionDenied:
      Diag(err).Hint("use the passphrase given to wallet init, or the last one set with wallet passphrase "
                     "(from --passphrase-file, PASSERELLE_PASSPHRASE or the prompt)");
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
  auto say_waiting = [&] {
    Diag(err).Warning("another wallet command is using this wallet; waiting for it to finish (at most " +
                      std::to_string(kDefaultLockWait.count() / 1000) + " s)");
  };
  PSL_ASSIGN_OR_RETURN(WalletStore store,
                       WalletStore::Open(dir, passphrase, mode, Env::Default(), kDefaultLockWait, say_waiting));
  for (const auto& note : store.notes()) Diag(err).Warning(note);
  return OpenedWallet{std::move(store), std::move(passphrase)};
}

namespace {

Result<DidDocument> ReadDidDocumentFile(const std::string& file) {
  auto text = Env::Default().ReadFileBounded(file, kMaxDidDocumentBytes);
  if (!text.ok()) return text.status().Annotate("--did-document");
  auto parsed = ParseJson(*text);
  if (!parsed.ok()) return parsed.status().Annotate("--did-document \"" + file + "\"");
  auto doc = ParseDidDocument(*parsed);
  if (!doc.ok()) return doc.status().Annotate("--did-document \"" + file + "\"");
  return doc;
}

}  // namespace

Result<DidResolver> LoadIssuerKeys(const WalletStore& store, const IssuerKeyArgs& args) {
  DidResolver resolver;
  PSL_ASSIGN_OR_RETURN(std::vector<std::string> kept, store.IssuerDocuments());
  for (const std::string& text : kept) {
    auto parsed = ParseJson(text);
    auto doc = parsed.ok() ? ParseDidDocument(*parsed) : Result<DidDocument>(parsed.status());
    if (!doc.ok()) return doc.status().Annotate("a DID document the wallet kept");
    resolver.Add(std::move(*doc));
  }
  std::vector<DidDocument> given;
  for (const auto& f : args.did_documents) {
    PSL_ASSIGN_OR_RETURN(DidDocument doc, ReadDidDocumentFile(f));
    given.push_back(doc);
    resolver.Add(std::move(doc));  // a trust list's authority may be a did:web given here
  }
  if (!args.trust_lists.empty() || !args.trust_roots.empty()) {
    TrustRegistry registry;
    PSL_RETURN_IF_ERROR(
        AddTrustListFiles(registry, args.trust_roots, args.trust_lists, Env::Default().Now(), resolver));
    registry.AddKeysTo(resolver);
  }
  for (auto& doc : given) resolver.Add(std::move(doc));  // what the holder named wins
  return resolver;
}

Status KeepIssuerKeys(WalletStore& store, const IssuerKeyArgs& args, const DidResolver& resolver,
                      const std::string& issuer_did) {
  if (args.empty() || issuer_did.rfind("did:web:", 0) != 0) return Status::Ok();
  auto doc = resolver.Resolve(issuer_did);
  if (!doc.ok()) return Status::Ok();  // nothing given for it
  return store.KeepIssuerDocument(DumpJson(DidDocumentToJson(*doc)));
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
