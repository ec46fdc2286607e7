// Tests for keys/key_file.h: encrypted at rest, refuses tampering and hostile parameters.
#include "keys/key_file.h"

#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include "tests/testing/failing_env.h"
#include "tests/testing/paths.h"
#include "tests/testing/temp_dir.h"

namespace passerelle {
namespace {

SecretBytes Pass(std::string_view s) { return SecretBytes::CopyFrom(s).value(); }

TEST_CASE("key file: write and read back the same key from a 0600 file that holds no seed", "[keys]") {
  testing::TempDir dir;
  auto key = Ed25519SigningKey::Generate();
  REQUIRE(key.ok());
  auto path = dir.path() / "k.key";
  REQUIRE(WriteKeyFile(path, *key, Pass("correct horse")).ok());
  struct stat st{};
  REQUIRE(::stat(path.c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);
  std::string bytes = testing::ReadFile(path);
  std::string seed(reinterpret_cast<const char*>(RevealSecret(key->seed())), 32);
  CHECK(bytes.find(seed) == std::string::npos);
  auto back = ReadKeyFile(path, Pass("correct horse"));
  REQUIRE(back.ok());
  CHECK(back->public_key() == key->public_key());
  CHECK(ReadKeyFilePublicKey(path).value() == key->public_key());
}

TEST_CASE("key file: never overwrites", "[keys]") {
  testing::TempDir dir;
  auto key = Ed25519SigningKey::Generate().value();
  auto path = dir.path() / "k.key";
  REQUIRE(WriteKeyFile(path, key, Pass("p")).ok());
  CHECK(WriteKeyFile(path, key, Pass("p")).code() == Code::kAlreadyExists);
}

TEST_CASE("key file: wrong passphrase and tampered header are refused", "[keys]") {
  testing::TempDir dir;
  auto key = Ed25519SigningKey::Generate().value();
  auto path = dir.path() / "k.key";
  REQUIRE(WriteKeyFile(path, key, Pass("right")).ok());
  auto wrong = ReadKeyFile(path, Pass("wrong"));
  CHECK(wrong.status().code() == Code::kPermissionDenied);
  CHECK_THAT(wrong.status().message(), Catch::Contains("wrong passphrase"));

  // Swap in another public key: authenticated as associated data.
  auto other = Ed25519SigningKey::Generate().value();
  auto doc = nlohmann::json::parse(testing::ReadFile(path));
  doc["publicKeyMultibase"] = other.public_key().ToMultibase();
  auto tampered = dir.path() / "t.key";
  std::ofstream(tampered) << doc.dump();
  CHECK(ReadKeyFile(tampered, Pass("right")).status().code() == Code::kPermissionDenied);
}

TEST_CASE("key file: hostile KDF parameters are capped before any work", "[keys][robustness]") {
  testing::TempDir dir;
  auto key = Ed25519SigningKey::Generate().value();
  auto path = dir.path() / "k.key";
  REQUIRE(WriteKeyFile(path, key, Pass("p")).ok());
  auto doc = nlohmann::json::parse(testing::ReadFile(path));
  doc["kdf"]["memlimit"] = std::uint64_t{1} << 40;
  auto hostile = dir.path() / "h.key";
  std::ofstream(hostile) << doc.dump();
  CHECK(ReadKeyFile(hostile, Pass("p")).status().code() == Code::kResourceExhausted);
  doc["kdf"]["memlimit"] = -1;
  std::ofstream(hostile, std::ios::trunc) << doc.dump();
  CHECK(ReadKeyFile(hostile, Pass("p")).status().code() == Code::kMalformed);
  std::ofstream(hostile, std::ios::trunc) << "garbage";
  CHECK(ReadKeyFile(hostile, Pass("p")).status().code() == Code::kMalformed);
  std::ofstream(hostile, std::ios::trunc) << R"({"format":"passerelle-key/v9"})";
  CHECK_THAT(ReadKeyFile(hostile, Pass("p")).status().message(), Catch::Contains("unsupported format"));
  CHECK(ReadKeyFile(dir.path() / "missing.key", Pass("p")).status().code() == Code::kIOError);
}

TEST_CASE("key file: a failing disk leaves no key file, and the key already written intact", "[keys][faults]") {
  testing::TempDir dir;
  testing::FailingEnv env;
  const KdfParams fast{1, 1u << 16};
  auto kept = Ed25519SigningKey::Generate().value();
  auto kept_path = dir.path() / "key-1.key";
  REQUIRE(WriteKeyFile(kept_path, kept, Pass("p"), fast, env).ok());
  std::string kept_bytes = testing::ReadFile(kept_path);

  auto fresh = Ed25519SigningKey::Generate().value();
  auto fresh_path = dir.path() / "key-2.key";
  struct Case {
    testing::Fault fault;
    const char* expected;
  };
  for (const Case& c : {Case{testing::Fault::kWriteNoSpace, "write: No space left on device"},
                        Case{testing::Fault::kWriteIo, "write: Input/output error"},
                        Case{testing::Fault::kFsync, "fsync: Input/output error"},
                        Case{testing::Fault::kLink, "link: Input/output error"}}) {
    DYNAMIC_SECTION(c.expected) {
      env.Fail(c.fault);
      Status s = WriteKeyFile(fresh_path, fresh, Pass("p"), fast, env);
      CHECK(s.code() == Code::kIOError);
      CHECK_THAT(s.message(), Catch::Contains("write key file") && Catch::Contains(c.expected) &&
                                  Catch::Contains("key-2.key"));
      env.Heal();
      // Nothing half-written is visible, and the acknowledged key still opens.
      CHECK(std::vector<std::string>{"key-1.key"} == env.ListDirectory(dir.path()).value());
      CHECK(testing::ReadFile(kept_path) == kept_bytes);
      CHECK(ReadKeyFile(kept_path, Pass("p"), env).value().public_key() == kept.public_key());
      // The disk healed: the same write succeeds.
      REQUIRE(WriteKeyFile(fresh_path, fresh, Pass("p"), fast, env).ok());
      CHECK(ReadKeyFilePublicKey(fresh_path, env).value() == fresh.public_key());
    }
  }
}

TEST_CASE("key file: short writes still produce the whole file", "[keys][faults]") {
  testing::TempDir dir;
  testing::FailingEnv env;
  env.ShortWrites(5);
  auto key = Ed25519SigningKey::Generate().value();
  REQUIRE(WriteKeyFile(dir.path() / "k.key", key, Pass("p"), KdfParams{1, 1u << 16}, env).ok());
  CHECK(ReadKeyFile(dir.path() / "k.key", Pass("p")).value().public_key() == key.public_key());
}

}  // namespace
}  // namespace passerelle
