// Passerelle wallet — the encrypted store: no plaintext on disk, wrong
// passphrases, duplicates, and nothing lost when a write is cut short.
#include "wallet-cli/store/wallet_store.h"

#include <chrono>
#include <fstream>
#include <thread>

#include <catch2/catch.hpp>

#include "formats/json.h"
#include "tests/testing/failing_env.h"
#include "tests/testing/temp_dir.h"
#include "tests/wallet-cli/wallet_test_support.h"
#include "wallet-cli/credential_summary.h"

namespace passerelle::wallet {
namespace {

namespace fs = std::filesystem;
using passerelle::testing::ReadFile;
using passerelle::testing::TempDir;
using namespace passerelle::wallet::testing;

struct Fixture {
  TempDir tmp;
  fs::path dir = tmp.path() / "wallet";
  Ed25519SigningKey issuer = KeyFromSeed('\x31');

  WalletStore Create() {
    auto s = WalletStore::Create(dir, Passphrase("correct horse"), FastKdf());
    INFO(s.status().ToString());
    REQUIRE(s.ok());
    return std::move(*s);
  }
  WalletStore Open(LockMode mode = LockMode::kExclusive) {
    auto s = WalletStore::Open(dir, Passphrase("correct horse"), mode);
    INFO(s.status().ToString());
    REQUIRE(s.ok());
    return std::move(*s);
  }
  std::string Credential(const std::string& holder, const std::string& id) {
    ModuleOptions o;
    o.credential_id = id;
    return DumpJsonPretty(SignedModule(issuer, holder, o));
  }
};

// Every byte of every file under `dir`.
std::string AllBytes(const fs::path& dir) {
  std::string all;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file()) all += ReadFile(e.path()) + e.path().filename().string();
  return all;
}

IndexEntry AddOne(WalletStore& store, const std::string& credential) {
  auto vc = ParseJson(credential);
  REQUIRE(vc.ok());
  auto entry = store.Add(credential, SummarizeCredential(CredentialFromJson(*vc).value()), "test.json");
  INFO(entry.status().ToString());
  REQUIRE(entry.ok());
  return *entry;
}

TEST_CASE("the store holds no plaintext: no learner name, no credential id", "[wallet][store]") {
  Fixture f;
  std::string id = "urn:uuid:0e8b6c1a-7f2d-4e3b-a5c9-1d2e3f4a5b6c";
  {
    WalletStore store = f.Create();
    AddOne(store, f.Credential(store.holder_did(), id));
  }
  std::string all = AllBytes(f.dir);
  CHECK(all.find("Mercier") == std::string::npos);
  CHECK(all.find("J\xc3\xa9r\xc3\xb4me") == std::string::npos);
  CHECK(all.find(id) == std::string::npos);
  CHECK(all.find("0e8b6c1a") == std::string::npos);
  CHECK(all.find("HQ-M01") == std::string::npos);
  CHECK(all.find("Foundations of quality") == std::string::npos);
  // …yet it all comes back with the passphrase.
  WalletStore store = f.Open(LockMode::kShared);
  REQUIRE(store.entries().size() == 1);
  auto loaded = store.Load(store.entries()[0]);
  REQUIRE(loaded.ok());
  CHECK(loaded->credential_json.find("Mercier") != std::string::npos);
  CHECK(store.entries()[0].summary.credential_id == id);
}

TEST_CASE("the store's files are private", "[wallet][store]") {
  Fixture f;
  WalletStore store = f.Create();
  AddOne(store, f.Credential(store.holder_did(), "urn:uuid:1"));
  CHECK((fs::status(f.dir).permissions() & fs::perms::all) == fs::perms::owner_all);
  for (const auto& e : fs::recursive_directory_iterator(f.dir)) {
    auto perms = fs::status(e.path()).permissions();
    CHECK((perms & (fs::perms::group_all | fs::perms::others_all)) == fs::perms::none);
  }
}

TEST_CASE("a wrong passphrase is refused clearly, and opens nothing", "[wallet][store]") {
  Fixture f;
  { f.Create(); }
  auto s = WalletStore::Open(f.dir, Passphrase("battery staple"));
  REQUIRE_FALSE(s.ok());
  CHECK(s.status().code() == Code::kPermissionDenied);
  CHECK_THAT(s.status().message(), Catch::Contains("wrong passphrase"));
  auto key = f.Open().HolderKey(Passphrase("battery staple"));
  CHECK(key.status().code() == Code::kPermissionDenied);
  CHECK(f.Open().HolderKey(Passphrase("correct horse")).ok());
}

TEST_CASE("no wallet, and never an overwritten wallet", "[wallet][store]") {
  Fixture f;
  auto missing = WalletStore::Open(f.dir, Passphrase("x"));
  CHECK(missing.status().code() == Code::kNotFound);
  CHECK_THAT(missing.status().message(), Catch::Contains("wallet init"));
  std::string did;
  { did = f.Create().holder_did(); }
  auto again = WalletStore::Create(f.dir, Passphrase("other"), FastKdf());
  CHECK(again.status().code() == Code::kAlreadyExists);
  CHECK(*WalletStore::ReadHolderDid(f.dir) == did);
  CHECK(did.rfind("did:key:z6Mk", 0) == 0);
}

TEST_CASE("a credential already held is detected, whatever its formatting", "[wallet][store]") {
  Fixture f;
  WalletStore store = f.Create();
  std::string vc = f.Credential(store.holder_did(), "urn:uuid:dup");
  IndexEntry first = AddOne(store, vc);
  auto compact = DumpJson(*ParseJson(vc));
  auto dup = store.FindDuplicate(compact);
  REQUIRE(dup.ok());
  REQUIRE(*dup != nullptr);
  CHECK((*dup)->record == first.record);
  auto again = store.Add(compact, SummarizeCredential(ParseCredential(vc).value()), "again");
  CHECK(again.status().code() == Code::kAlreadyExists);
  CHECK(store.entries().size() == 1);
  // Another credential is not a duplicate.
  CHECK(*store.FindDuplicate(f.Credential(store.holder_did(), "urn:uuid:other")) == nullptr);
}

TEST_CASE("a write cut short loses nothing already stored", "[wallet][store]") {
  Fixture f;
  std::string holder;
  {
    WalletStore store = f.Create();
    holder = store.holder_did();
    AddOne(store, f.Credential(holder, "urn:uuid:first"));
  }
  fs::path index = f.dir / "index.pws";
  std::string index_before = ReadFile(index);
  {
    WalletStore store = f.Open();
    AddOne(store, f.Credential(holder, "urn:uuid:second"));
  }
  // Simulate a crash after the credential file's rename but before the
  // index's: the old index, the new credential file, and a half-written
  // temporary file of a third import.
  std::ofstream(index, std::ios::binary | std::ios::trunc) << index_before;
  fs::path credentials = f.dir / "credentials";
  std::ofstream(credentials / "0123456789abcdef0123456789abcdef.pws.tmp-99999-0", std::ios::binary) << "PWS1partial";
  {
    WalletStore store = f.Open(LockMode::kShared);  // even a reader repairs the index
    REQUIRE(store.entries().size() == 2);
    CHECK(store.Find("urn:uuid:first").ok());
    CHECK(store.Find("urn:uuid:second").ok());
  }
  CHECK(ReadFile(index) != index_before);
  { f.Open(); }  // a writer also sweeps temporary files
  for (const auto& e : fs::directory_iterator(credentials))
    CHECK(e.path().string().find(".tmp-") == std::string::npos);
  // A damaged (or lost) index is rebuilt from the credential files, and said so.
  std::ofstream(index, std::ios::binary | std::ios::trunc) << "PWS1garbage-garbage-garbage-garbage-garbage-garbage";
  {
    WalletStore store = f.Open();
    CHECK(store.entries().size() == 2);
    REQUIRE(store.notes().size() == 1);
    CHECK_THAT(store.notes()[0], Catch::Contains("rebuilt"));
  }
  CHECK(f.Open().notes().empty());  // written back
  fs::remove(index);
  CHECK(f.Open(LockMode::kShared).entries().size() == 2);
  CHECK(f.Open(LockMode::kShared).notes().empty());
}

TEST_CASE("a sealed file moved to another record's name does not open", "[wallet][store]") {
  Fixture f;
  WalletStore store = f.Create();
  IndexEntry a = AddOne(store, f.Credential(store.holder_did(), "urn:uuid:a"));
  IndexEntry b = AddOne(store, f.Credential(store.holder_did(), "urn:uuid:b"));
  fs::path dir = f.dir / "credentials";
  fs::copy_file(dir / (a.record + ".pws"), dir / (b.record + ".pws"), fs::copy_options::overwrite_existing);
  auto loaded = store.Load(b);
  CHECK(loaded.status().code() == Code::kPermissionDenied);
  CHECK(store.Load(a).ok());
}

TEST_CASE("credentials are found by ID prefix or by credential id", "[wallet][store]") {
  Fixture f;
  WalletStore store = f.Create();
  IndexEntry a = AddOne(store, f.Credential(store.holder_did(), "urn:uuid:aaa"));
  CHECK(store.Find(a.record.substr(0, 8))->record == a.record);
  CHECK(store.Find(a.record.substr(0, 4))->record == a.record);
  std::string upper = a.record.substr(0, 6);
  for (auto& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  CHECK(store.Find(upper)->record == a.record);
  CHECK(store.Find("urn:uuid:aaa")->record == a.record);
  CHECK(store.Find(a.record.substr(0, 3)).status().code() == Code::kInvalidArgument);
  CHECK(store.Find("urn:uuid:zzz").status().code() == Code::kNotFound);
  CHECK(store.Find("").status().code() == Code::kInvalidArgument);
}

TEST_CASE("a store opened to read refuses to write", "[wallet][store]") {
  Fixture f;
  { f.Create(); }
  WalletStore store = f.Open(LockMode::kShared);
  std::string vc = f.Credential(store.holder_did(), "urn:uuid:ro");
  auto r = store.Add(vc, SummarizeCredential(ParseCredential(vc).value()), "x");
  CHECK(r.status().code() == Code::kInvalidArgument);
}

TEST_CASE("a wallet another command holds: opening waits for it, then says so instead of hanging", "[wallet][store]") {
  Fixture f;
  { f.Create(); }
  using namespace std::chrono_literals;
  WalletStore writer = f.Open(LockMode::kExclusive);

  int told = 0;
  auto blocked = WalletStore::Open(f.dir, Passphrase("correct horse"), LockMode::kShared, Env::Default(), 150ms,
                                   [&] { ++told; });
  REQUIRE_FALSE(blocked.ok());
  CHECK(blocked.status().code() == Code::kIOError);
  CHECK_THAT(blocked.status().message(), Catch::Contains("in use by another wallet command"));
  CHECK(told == 1);  // said once that it waits, not once per poll

  // Let go while the next one waits: it proceeds.
  std::thread release([&] {
    std::this_thread::sleep_for(100ms);
    WalletStore gone = std::move(writer);
  });
  auto waited = WalletStore::Open(f.dir, Passphrase("correct horse"), LockMode::kExclusive, Env::Default(), 10s);
  release.join();
  INFO(waited.status().ToString());
  CHECK(waited.ok());

  // A free wallet opens without a word.
  told = 0;
  { WalletStore gone = std::move(*waited); }
  auto free = WalletStore::Open(f.dir, Passphrase("correct horse"), LockMode::kShared, Env::Default(), 150ms,
                                [&] { ++told; });
  CHECK(free.ok());
  CHECK(told == 0);
}

// No temporary file is left among the credential files.
void CheckNoTemporaryFiles(const fs::path& credentials) {
  for (const auto& e : fs::directory_iterator(credentials))
    CHECK(e.path().filename().string().find(".tmp-") == std::string::npos);
}

TEST_CASE("a failing disk during an import: a clear error, and the credentials stored before stay whole",
          "[wallet][store][faults]") {
  Fixture f;
  passerelle::testing::FailingEnv env;
  std::string holder, first;
  {
    auto created = WalletStore::Create(f.dir, Passphrase("correct horse"), FastKdf(), env);
    REQUIRE(created.ok());
    holder = created->holder_did();
    first = f.Credential(holder, "urn:uuid:first");
    AddOne(*created, first);
  }
  std::string second = f.Credential(holder, "urn:uuid:second");
  auto vc = ParseJson(second);
  REQUIRE(vc.ok());

  struct Case {
    passerelle::testing::Fault fault;
    const char* expected;
  };
  using passerelle::testing::Fault;
  // The credential file is created exclusively (tmp, write, fsync, link): a
  // failure there leaves the store exactly as it was.
  for (const Case& c : {Case{Fault::kWriteNoSpace, "write: No space left on device"},
                        Case{Fault::kWriteIo, "write: Input/output error"},
                        Case{Fault::kFsync, "fsync: Input/output error"},
                        Case{Fault::kLink, "link: Input/output error"}}) {
    DYNAMIC_SECTION(c.expected) {
      {
        auto store = WalletStore::Open(f.dir, Passphrase("correct horse"), LockMode::kExclusive, env);
        REQUIRE(store.ok());
        env.ShortWrites(1000);  // the disk fills up part way through the sealed file
        env.Fail(c.fault, c.fault == Fault::kWriteNoSpace ? 1 : 0);
        auto added = store->Add(second, SummarizeCredential(CredentialFromJson(*vc).value()), "second.json");
        CHECK(added.status().code() == Code::kIOError);
        CHECK_THAT(added.status().message(), Catch::Contains(c.expected) && Catch::Contains("credentials/"));
        CHECK(store->entries().size() == 1);
        env.Heal();
      }
      WalletStore store = f.Open(LockMode::kShared);
      REQUIRE(store.entries().size() == 1);
      CHECK(store.Load(store.entries()[0]).value().credential_json == first);
      CHECK(store.notes().empty());
      CheckNoTemporaryFiles(f.dir / "credentials");
    }
  }
  SECTION("the index cannot be replaced: the credential is stored, and the next open indexes it") {
    {
      auto store = WalletStore::Open(f.dir, Passphrase("correct horse"), LockMode::kExclusive, env);
      REQUIRE(store.ok());
      env.Fail(Fault::kRename);  // the credential file is linked into place; the index is renamed
      auto added = store->Add(second, SummarizeCredential(CredentialFromJson(*vc).value()), "second.json");
      CHECK(added.status().code() == Code::kIOError);
      CHECK_THAT(added.status().message(), Catch::Contains("the index was not updated") &&
                                               Catch::Contains("index.pws\": rename: Input/output error"));
      env.Heal();
    }
    WalletStore store = f.Open();
    REQUIRE(store.entries().size() == 2);
    CHECK(store.Load(*store.Find("urn:uuid:first")).value().credential_json == first);
    CHECK(store.Load(*store.Find("urn:uuid:second")).value().credential_json == second);
    CheckNoTemporaryFiles(f.dir / "credentials");
  }
}

TEST_CASE("an import is dated by the store's clock", "[wallet][store]") {
  Fixture f;
  passerelle::testing::FailingEnv env;
  env.SetNow(Timestamp{1767225600, 0});
  auto store = WalletStore::Create(f.dir, Passphrase("correct horse"), FastKdf(), env);
  REQUIRE(store.ok());
  IndexEntry entry = AddOne(*store, f.Credential(store->holder_did(), "urn:uuid:dated"));
  CHECK(entry.imported_at == "2026-01-01T00:00:00Z");
}

}  // namespace
}  // namespace passerelle::wallet
