// Fuzz target: the wallet's import (wallet-cli/import_check.h CheckForImport,
// then WalletStore::Add into a real encrypted store, as `wallet import`
// does). The holder is the store's own DID, or — when the first byte's low
// bit is set, so that accepted imports are reachable — the credential's first
// subject. Invariant: an accepted credential is stored and loads back byte
// for byte.
#include <nlohmann/json.hpp>

#include "formats/json.h"
#include "fuzz/fuzz_support.h"
#include "keys/secret_bytes.h"
#include "wallet-cli/import_check.h"
#include "wallet-cli/store/wallet_store.h"

namespace {

passerelle::wallet::WalletStore& Store() {
  using namespace passerelle;
  static wallet::WalletStore* store = [] {
    auto passphrase = SecretBytes::CopyFrom("fuzz passphrase").value();
    // The store Create returns is open and holds the wallet's lock: opening
    // it a second time from this process would wait on that lock forever.
    auto created = wallet::WalletStore::Create(fuzz::ScratchDir() / "wallet", passphrase, KdfParams{1, 8192});
    fuzz::Check(created.ok(), "cannot create the fuzz wallet");
    return new wallet::WalletStore(std::move(created.value()));
  }();
  return *store;
}

std::string FirstSubject(std::string_view text) {
  auto doc = passerelle::ParseJson(text);
  if (!doc.ok() || !doc->is_object()) return {};
  const nlohmann::json* subject = passerelle::FindMember(*doc, "credentialSubject");
  if (subject != nullptr && subject->is_array() && !subject->empty()) subject = &(*subject)[0];
  if (subject == nullptr || !subject->is_object()) return {};
  const nlohmann::json* id = passerelle::FindMember(*subject, "id");
  return id != nullptr && id->is_string() ? id->get<std::string>() : std::string();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace passerelle;
  if (size < 1) return 0;
  std::string_view text = fuzz::Text(data + 1, size - 1);
  wallet::WalletStore& store = Store();
  std::string holder = store.holder_did();
  if (data[0] & 1) {
    std::string subject = FirstSubject(text);
    if (!subject.empty()) holder = subject;
  }
  VerifyOptions options;
  options.now = fuzz::FixedNow();
  wallet::ImportCheck check = wallet::CheckForImport(text, holder, options);
  if (!check.accepted) return 0;
  fuzz::Check(check.refusals.empty(), "an accepted import carries refusals");
  auto duplicate = store.FindDuplicate(text);
  if (!duplicate.ok() || *duplicate != nullptr) return 0;
  auto entry = store.Add(text, check.summary, "fuzz");
  fuzz::Check(entry.ok(), "an accepted credential could not be stored");
  auto loaded = store.Load(*entry);
  fuzz::Check(loaded.ok() && loaded->credential_json == text, "a stored credential does not load back unchanged");
  return 0;
}
