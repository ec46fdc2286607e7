// Tests for keys/key_file.h: encrypted at rest, refuses tampering and hostile parameters.
#include "keys/key_file.h"

#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

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

}  // namespace
}  // namespace passerelle
