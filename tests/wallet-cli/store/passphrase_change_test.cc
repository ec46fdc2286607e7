// Passerelle wallet — changing the passphrase (WalletStore::ChangePassphrase
// and the protocol of wallet-cli/store/passphrase_change.h): everything is
// re-encrypted, exactly one passphrase opens the wallet, and a change cut
// short at every durable step of the way (a failing fsync stops it there,
// as a crash would) leaves a wallet that one of the two passphrases opens
// with every credential, repaired and reported by the next Open.
#include "wallet-cli/store/passphrase_change.h"

#include <fstream>
#include <set>

#include <catch2/catch.hpp>

#include "formats/json.h"
#include "tests/testing/failing_env.h"
#include "tests/testing/temp_dir.h"
#include "tests/wallet-cli/wallet_test_support.h"
#include "wallet-cli/credential_summary.h"
#include "wallet-cli/store/wallet_store.h"

namespace passerelle::wallet {
namespace {

namespace fs = std::filesystem;
using passerelle::testing::FailingEnv;
using passerelle::testing::Fault;
using passerelle::testing::ReadFile;
using passerelle::testing::TempDir;
using namespace passerelle::wallet::testing;

const char* const kOld = "old passphrase";

void Plant(const fs::path& path, const std::string& bytes) { std::ofstream(path, std::ios::binary) << bytes; }
const char* const kNew = "new passphrase";

// A wallet (fast KDF) holding three credentials and a kept issuer document.
struct Fixture {
  TempDir tmp;
  fs::path dir = tmp.path() / "wallet";
  Ed25519SigningKey issuer = KeyFromSeed('\x31');
  std::set<std::string> stored;  // the credentials' bytes
  std::string holder_did;

  Fixture() {
    auto store = WalletStore::Create(dir, Passphrase(kOld), FastKdf());
    REQUIRE(store.ok());
    holder_did = store->holder_did();
    for (int i = 1; i <= 3; ++i) {
      ModuleOptions o;
      o.credential_id = "urn:uuid:6a1f0e52-8c3d-4b7a-9e21-0d5c4f3b2a1" + std::to_string(i);
      std::string vc = DumpJsonPretty(SignedModule(issuer, holder_did, o));
      auto parsed = ParseJson(vc);
      REQUIRE(parsed.ok());
      REQUIRE(store->Add(vc, SummarizeCredential(CredentialFromJson(*parsed).value()), "test.json").ok());
      stored.insert(vc);
    }
    REQUIRE(store->KeepIssuerDocument(R"({"@context":"https://www.w3.org/ns/did/v1","id":"did:web:school.example"})")
                .ok());
  }

  // Whether `passphrase` opens the wallet; when it does, checks that every
  // credential is listed and loads back unchanged, and that the holder key
  // and the kept issuer document open too. `said`: what Open reported (its
  // notes, or its error).
  bool OpensWith(const char* passphrase, std::string* said = nullptr) {
    auto store = WalletStore::Open(dir, Passphrase(passphrase), LockMode::kExclusive);
    if (!store.ok()) {
      CHECK(store.status().code() == Code::kPermissionDenied);
      if (said != nullptr) *said = store.status().message();
      return false;
    }
    if (said != nullptr) {
      said->clear();
      for (const std::string& note : store->notes()) *said += note + "\n";
    }
    std::set<std::string> loaded;
    for (const IndexEntry& e : store->entries()) {
      auto c = store->Load(e);
      INFO(c.status().ToString());
      REQUIRE(c.ok());
      loaded.insert(c->credential_json);
    }
    CHECK(loaded == stored);
    CHECK(store->entries().size() == stored.size());
    CHECK(store->HolderKey(Passphrase(passphrase)).ok());
    auto issuers = store->IssuerDocuments();
    REQUIRE(issuers.ok());
    CHECK(issuers->size() == 1);
    return true;
  }

  // Nothing of a change is left: no plan, no .next file, one file per credential.
  void CheckTidy() {
    CHECK_FALSE(PassphraseChangePending(Env::Default(), dir));
    for (const char* name : {"index.pws.next", "issuers.pws.next", "holder.key.next"})
      CHECK_FALSE(fs::exists(dir / name));
    std::size_t files = 0;
    for (const auto& e : fs::directory_iterator(dir / "credentials")) files += e.is_regular_file() ? 1 : 0;
    CHECK(files == stored.size());
  }
};

TEST_CASE("wallet passphrase change: everything is re-encrypted and only the new passphrase opens the wallet",
          "[wallet][store]") {
  Fixture f;
  std::string old_header = ReadFile(f.dir / "wallet.json");
  std::string old_key = ReadFile(f.dir / "holder.key");
  {
    auto store = WalletStore::Open(f.dir, Passphrase(kOld), LockMode::kExclusive);
    REQUIRE(store.ok());
    auto changed = store->ChangePassphrase(Passphrase(kOld), Passphrase(kNew));
    INFO(changed.status().ToString());
    REQUIRE(changed.ok());
    CHECK(*changed == 3);
    // The open store goes on with the new keys.
    for (const IndexEntry& e : store->entries()) CHECK(store->Load(e).ok());
  }
  CHECK(f.OpensWith(kNew));
  CHECK_FALSE(f.OpensWith(kOld));
  CHECK(ReadFile(f.dir / "wallet.json") != old_header);  // a new salt and check
  CHECK(ReadFile(f.dir / "holder.key") != old_key);
  CHECK(WalletStore::ReadHolderDid(f.dir).value() == f.holder_did);  // the same key, re-encrypted
  f.CheckTidy();
}

TEST_CASE("wallet passphrase change: refused on a read-only store, or a wrong passphrase, and nothing changes",
          "[wallet][store]") {
  Fixture f;
  {
    auto shared = WalletStore::Open(f.dir, Passphrase(kOld), LockMode::kShared);
    REQUIRE(shared.ok());
    CHECK(shared->ChangePassphrase(Passphrase(kOld), Passphrase(kNew)).status().code() == Code::kInvalidArgument);
  }
  {
    auto store = WalletStore::Open(f.dir, Passphrase(kOld), LockMode::kExclusive);
    REQUIRE(store.ok());
    CHECK(store->ChangePassphrase(Passphrase("not the old one"), Passphrase(kNew)).status().code() ==
          Code::kPermissionDenied);
  }
  CHECK(f.OpensWith(kOld));
  f.CheckTidy();
}

TEST_CASE("wallet passphrase change: cut short at every durable step, one passphrase opens the wallet with "
          "every credential and the next Open repairs and reports",
          "[wallet][store][crash]") {
  Fixture f;
  // Each round fails the k-th fsync from the start of the change (the
  // change stops there), then reopens. Once a round completes, every step
  // has been cut once; the passphrases swap each time so every round is a
  // full change.
  const char* current = kOld;
  const char* next = kNew;
  int rounds_cut = 0, undone = 0, finished = 0;
  for (int k = 0;; ++k) {
    INFO("fsync " << k << " fails");
    FailingEnv env;
    bool completed = false;
    {
      auto store = WalletStore::Open(f.dir, Passphrase(current), LockMode::kExclusive, env);
      REQUIRE(store.ok());
      env.Fail(Fault::kFsync, k);
      auto changed = store->ChangePassphrase(Passphrase(current), Passphrase(next));
      completed = changed.ok();
      if (!completed) CHECK(changed.status().code() == Code::kIOError);
      env.Heal();
    }
    if (completed) {
      CHECK(env.failures() == 0);
      break;
    }
    ++rounds_cut;
    const bool pending = PassphraseChangePending(Env::Default(), f.dir);
    // The first Open repairs, whichever passphrase it is given.
    std::string said;
    const bool old_opens = f.OpensWith(current, &said);
    const bool new_opens = !old_opens && f.OpensWith(next);
    CHECK(old_opens != new_opens);  // exactly one
    if (pending) {
      // Left pending (an undo is tried at once; a finish is not): the first
      // Open said what it did, in its notes or in its wrong-passphrase error.
      INFO(said);
      CHECK((said.find("passphrase change was interrupted") != std::string::npos));
      CHECK(said.find(new_opens ? "finished" : "undone") != std::string::npos);
      (new_opens ? finished : undone) += 1;
    }
    f.CheckTidy();
    if (new_opens) std::swap(current, next);
  }
  INFO("cut " << rounds_cut << " times: " << undone << " undone, " << finished << " finished");
  CHECK(rounds_cut >= 8);
  CHECK(finished >= 1);
}

TEST_CASE("wallet passphrase change: a plan left without a switch is undone, a switch left untidied is finished",
          "[wallet][store]") {
  Fixture f;
  // Uncommitted: what a kill right after the plan and one new credential file leaves.
  PassphraseChangePlan plan{{"00000000000000000000000000000000"}, {"0123456789abcdef0123456789abcdef"}};
  REQUIRE(WritePassphraseChangePlan(Env::Default(), f.dir, plan).ok());
  Plant(f.dir / "credentials" / "0123456789abcdef0123456789abcdef.pws", "new generation");
  std::string said;
  REQUIRE(f.OpensWith(kOld, &said));
  CHECK_THAT(said, Catch::Contains("undone") && Catch::Contains("previous passphrase still opens"));
  f.CheckTidy();
  // Committed, interrupted before its last step: only wallet.json.next left.
  Plant(f.dir / "wallet.json.next", ReadFile(f.dir / "wallet.json"));
  REQUIRE(f.OpensWith(kOld, &said));
  CHECK_THAT(said, Catch::Contains("finished"));
  f.CheckTidy();
  // A damaged plan stops the wallet from opening rather than guessing.
  Plant(f.dir / "passphrase-change.json", "{\"format\": 7}");
  auto store = WalletStore::Open(f.dir, Passphrase(kOld), LockMode::kShared);
  CHECK(store.status().code() == Code::kMalformed);
}

}  // namespace
}  // namespace passerelle::wallet
