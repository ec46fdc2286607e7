// Tests for issuer/issuer_dir.h on a failing disk: a key rotation or an init
// that cannot write reports which file and step failed, and loses nothing
// acknowledged — issuer.json, the keys it names and the issuances in the
// store stay as they were, and the same operation succeeds once the disk heals.
#include "issuer/issuer_dir.h"

#include <catch2/catch.hpp>

#include "issuer/store/store.h"
#include "tests/issuer/issuer_test_support.h"
#include "tests/testing/failing_env.h"
#include "tests/testing/paths.h"

namespace passerelle {
namespace {

namespace fs = std::filesystem;
using testing::Fault;
using testing::FailingEnv;
using testing::TempDir;

// Commits one issuance, as a node acknowledges it, and returns its id.
std::string CommitOneIssuance(const fs::path& store_dir) {
  auto store = store::IssuerStore::Open(store_dir);
  REQUIRE(store.ok());
  store::PendingIssuance p;
  p.record.id = "urn:uuid:acknowledged";
  p.record.kind = "module";
  p.record.issued_at = Now();
  p.record.actor = "test";
  auto rev = (*store)->ReserveSlots(store::StatusPurpose::kRevocation, 1);
  auto sus = (*store)->ReserveSlots(store::StatusPurpose::kSuspension, 1);
  REQUIRE(rev.ok());
  REQUIRE(sus.ok());
  p.record.status = {(*rev)[0], (*sus)[0]};
  p.document = R"({"id":"urn:uuid:acknowledged"})";
  std::vector<store::PendingIssuance*> items = {&p};
  REQUIRE((*store)->CommitIssuances(items).ok());
  REQUIRE(p.outcome.ok());
  return p.record.id;
}

TEST_CASE("issuer folder: a failing disk during key rotation loses no key and no issuance", "[issuer][faults]") {
  TempDir tmp;
  fs::path dir = tmp.path() / "uni";
  IssuerDir issuer = testing::MakeIssuerDir(dir, "did:web:uni.example");
  std::string config_before = testing::ReadFile(dir / "issuer.json");
  std::string id = CommitOneIssuance(dir / "store");

  struct Case {
    Fault fault;
    int after;  // calls that succeed first: 1 write = the new key file, then issuer.json
    const char* expected;
  };
  FailingEnv env;
  for (const Case& c : {Case{Fault::kWriteNoSpace, 0, "write key file"},
                        Case{Fault::kWriteNoSpace, 1, "issuer.json"},
                        Case{Fault::kWriteIo, 1, "write: Input/output error"},
                        Case{Fault::kFsync, 2, "issuer.json"},
                        Case{Fault::kRename, 0, "rename: Input/output error"}}) {
    DYNAMIC_SECTION(c.expected << " after " << c.after) {
      env.Fail(c.fault, c.after);
      auto rotated = RotateKey(issuer, testing::TestPassphrase(), Now(), testing::FastKdf(), env);
      REQUIRE_FALSE(rotated.ok());
      CHECK(rotated.status().code() == Code::kIOError);
      CHECK_THAT(rotated.status().message(), Catch::Contains(c.expected));
      env.Heal();

      // issuer.json is byte for byte what it was, and names a key that opens.
      CHECK(testing::ReadFile(dir / "issuer.json") == config_before);
      auto reopened = OpenIssuerDir(dir, env);
      REQUIRE(reopened.ok());
      CHECK(reopened->keys.size() == 1);
      CHECK(LoadCurrentKey(*reopened, testing::TestPassphrase(), env).ok());
      CHECK(env.ListDirectory(dir / "keys").value() == std::vector<std::string>{"key-1.key"});
      // The acknowledged issuance is still in the register.
      auto store = store::IssuerStore::Open(dir / "store");
      REQUIRE(store.ok());
      CHECK((*store)->FindDocument(id).value() == R"({"id":"urn:uuid:acknowledged"})");

      // Once the disk heals, the same rotation goes through.
      auto retried = RotateKey(*reopened, testing::TestPassphrase(), Now(), testing::FastKdf(), env);
      REQUIRE(retried.ok());
      CHECK(OpenIssuerDir(dir).value().keys.size() == 2);
    }
  }
}

TEST_CASE("issuer folder: an init that cannot write leaves no issuer behind, and can be run again", "[issuer][faults]") {
  TempDir tmp;
  fs::path dir = tmp.path() / "uni";
  InitOptions options;
  options.name = "Test University";
  options.kdf = testing::FastKdf();
  FailingEnv env;
  env.Fail(Fault::kFsync, /*after=*/2);  // the key file and its folder are synced; issuer.json is not
  auto failed = InitIssuerDir(dir, options, testing::TestPassphrase(), env);
  CHECK(failed.status().code() == Code::kIOError);
  CHECK_THAT(failed.status().message(), Catch::Contains("issuer.json") && Catch::Contains("fsync"));
  CHECK(OpenIssuerDir(dir).status().code() == Code::kNotFound);
  CHECK(env.ListDirectory(dir / "keys").value().empty());
  env.Heal();

  // The env's clock dates the first key.
  env.SetNow(Timestamp{1767225600, 0});
  auto issuer = InitIssuerDir(dir, options, testing::TestPassphrase(), env);
  REQUIRE(issuer.ok());
  CHECK(issuer->current_key().created == Timestamp{1767225600, 0});
  CHECK(OpenIssuerDir(dir).value().did == issuer->did);
}

}  // namespace
}  // namespace passerelle
