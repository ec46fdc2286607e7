// Tests for issuer/service/signing_identity.h: the key a running node signs with, and rotation.
#include "issuer/service/signing_identity.h"

#include <catch2/catch.hpp>

#include <chrono>
#include <thread>

#include "tests/issuer/issuer_test_support.h"

namespace passerelle {
namespace {

using testing::FastKdf;
using testing::MakeIssuerDir;
using testing::TempDir;
using testing::TestPassphrase;

TEST_CASE("signing identity: signs with the folder's current key", "[issuer][service]") {
  TempDir dir;
  IssuerDir made = MakeIssuerDir(dir.path() / "issuer", "did:web:uni.example");
  auto identity = SigningIdentity::Open(dir.path() / "issuer", TestPassphrase(), std::chrono::milliseconds(0));
  REQUIRE(identity.ok());
  auto now = (*identity)->Current();
  REQUIRE(now != nullptr);
  CHECK(now->issuer.did == "did:web:uni.example");
  CHECK(now->key.public_key() == made.current_key().public_key);
  CHECK(made.current_key().public_key.Verify("x", now->key.Sign("x")));
  CHECK((*identity)->last_error().empty());
}

TEST_CASE("signing identity: a wrong passphrase or a missing folder opens nothing", "[issuer][service]") {
  TempDir dir;
  MakeIssuerDir(dir.path() / "issuer");
  auto wrong = SigningIdentity::Open(dir.path() / "issuer", SecretBytes::CopyFrom("not it").value());
  CHECK(wrong.status().code() == Code::kPermissionDenied);
  CHECK_FALSE(SigningIdentity::Open(dir.path() / "none", TestPassphrase()).ok());
}

TEST_CASE("signing identity: Rotate switches to a new key at once", "[issuer][service]") {
  TempDir dir;
  MakeIssuerDir(dir.path() / "issuer", "did:web:uni.example");
  auto identity = SigningIdentity::Open(dir.path() / "issuer", TestPassphrase(), std::chrono::hours(1)).value();
  auto before = identity->Current();
  auto rotated = identity->Rotate(Now(), FastKdf(), Env::Default());
  REQUIRE(rotated.ok());
  CHECK(rotated->keys.size() == 2);
  auto after = identity->Current();
  CHECK_FALSE(after->key.public_key() == before->key.public_key());
  CHECK(after->key.public_key() == rotated->current_key().public_key);
  CHECK(after->issuer.keys.size() == 2);
  CHECK(after->issuer.keys.front().retired.has_value());
  // The snapshot taken before stays whole for whoever still holds it.
  CHECK(before->issuer.keys.size() == 1);
}

TEST_CASE("signing identity: a did:key issuer cannot rotate, and keeps its key", "[issuer][service]") {
  TempDir dir;
  MakeIssuerDir(dir.path() / "issuer");
  auto identity = SigningIdentity::Open(dir.path() / "issuer", TestPassphrase(), std::chrono::milliseconds(0)).value();
  auto before = identity->Current();
  auto rotated = identity->Rotate(Now(), FastKdf(), Env::Default());
  CHECK(rotated.status().code() == Code::kInvalidArgument);
  CHECK(identity->Current()->key.public_key() == before->key.public_key());
}

TEST_CASE("signing identity: a rotation made by another process is picked up", "[issuer][service]") {
  TempDir dir;
  IssuerDir made = MakeIssuerDir(dir.path() / "issuer", "did:web:uni.example");
  auto identity = SigningIdentity::Open(dir.path() / "issuer", TestPassphrase(), std::chrono::milliseconds(0)).value();
  // File times are coarse (a clock tick): let the rewrite land on a later one.
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  auto rotated = RotateKey(made, TestPassphrase(), Now(), FastKdf());
  REQUIRE(rotated.ok());
  // issuer.json changed on disk: with recheck 0 the next Current() reloads it.
  auto now = identity->Current();
  CHECK(now->issuer.keys.size() == 2);
  CHECK(now->key.public_key() == rotated->current_key().public_key);
}

}  // namespace
}  // namespace passerelle
