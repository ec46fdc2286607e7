// Tests for env/posix_env.h: the operating system's Env, on the real file system
// (modes, exclusive create, bounded reads, folders, the clock).
#include "env/posix_env.h"

#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "tests/testing/failing_env.h"
#include "tests/testing/paths.h"
#include "tests/testing/temp_dir.h"

namespace passerelle {
namespace {

namespace fs = std::filesystem;
using testing::Fault;
using testing::FailingEnv;

mode_t ModeOf(const fs::path& p) {
  struct stat st {};
  REQUIRE(::stat(p.c_str(), &st) == 0);
  return st.st_mode & 0777;
}

// Nothing but `expected` (sorted names) in `dir`: no temporary file left over.
void CheckOnlyFiles(const fs::path& dir, std::vector<std::string> expected) {
  auto names = Env::Default().ListDirectory(dir);
  REQUIRE(names.ok());
  CHECK(*names == expected);
}

TEST_CASE("env: WriteFileAtomic creates and replaces a file with the mode asked for", "[env]") {
  testing::TempDir dir;
  fs::path path = dir.path() / "a.json";
  Env& env = Env::Default();
  REQUIRE(env.WriteFileAtomic(path, "first").ok());
  CHECK(testing::ReadFile(path) == "first");
  CHECK(ModeOf(path) == 0600);
  REQUIRE(env.WriteFileAtomic(path, "second, longer", WriteOptions{0644, Durability::kSynced}).ok());
  CHECK(testing::ReadFile(path) == "second, longer");
  CHECK(ModeOf(path) == 0644);
  REQUIRE(env.WriteFileAtomic(path, "", WriteOptions{0600, Durability::kRenameOnly}).ok());
  CHECK(testing::ReadFile(path).empty());
  CheckOnlyFiles(dir.path(), {"a.json"});
}

TEST_CASE("env: CreateFileExclusive never replaces a file, a folder or a symbolic link", "[env]") {
  testing::TempDir dir;
  Env& env = Env::Default();
  fs::path path = dir.path() / "k.key";
  REQUIRE(env.CreateFileExclusive(path, "secret").ok());
  CHECK(ModeOf(path) == 0600);
  Status again = env.CreateFileExclusive(path, "other");
  CHECK(again.code() == Code::kAlreadyExists);
  CHECK_THAT(again.message(), Catch::Contains("already exists"));
  CHECK(testing::ReadFile(path) == "secret");

  fs::create_directory(dir.path() / "folder");
  CHECK(env.CreateFileExclusive(dir.path() / "folder", "x").code() == Code::kAlreadyExists);
  fs::create_symlink(dir.path() / "elsewhere", dir.path() / "link");
  CHECK(env.CreateFileExclusive(dir.path() / "link", "x").code() == Code::kAlreadyExists);
  CHECK_FALSE(fs::exists(dir.path() / "elsewhere"));
  CheckOnlyFiles(dir.path(), {"folder", "k.key", "link"});
}

TEST_CASE("env: ReadFileBounded names the file and the cap, and refuses what is not a file", "[env]") {
  testing::TempDir dir;
  Env& env = Env::Default();
  fs::path path = dir.path() / "f.txt";
  std::ofstream(path) << std::string(100, 'x');
  CHECK(env.ReadFileBounded(path, 100).value().size() == 100);
  auto big = env.ReadFileBounded(path, 99);
  CHECK(big.status().code() == Code::kResourceExhausted);
  CHECK_THAT(big.status().message(), Catch::Contains("f.txt\" is larger than 99 bytes"));
  auto missing = env.ReadFileBounded(dir.path() / "nope", 10);
  CHECK(missing.status().code() == Code::kNotFound);
  CHECK_THAT(missing.status().message(), Catch::Contains("cannot read") && Catch::Contains("nope"));
  auto folder = env.ReadFileBounded(dir.path(), 10);
  CHECK(folder.status().code() == Code::kInvalidArgument);
  CHECK_THAT(folder.status().message(), Catch::Contains("not a regular file"));
  REQUIRE(::mkfifo((dir.path() / "pipe").c_str(), 0600) == 0);
  CHECK(env.ReadFileBounded(dir.path() / "pipe", 10).status().code() == Code::kInvalidArgument);
}

TEST_CASE("env: CreateDirectories makes private folders, RemoveFile and ListDirectory", "[env]") {
  testing::TempDir dir;
  Env& env = Env::Default();
  fs::path deep = dir.path() / "a" / "b";
  REQUIRE(env.CreateDirectories(deep).ok());
  CHECK(ModeOf(dir.path() / "a") == 0700);
  CHECK(ModeOf(deep) == 0700);
  REQUIRE(env.CreateDirectories(deep).ok());  // already there
  REQUIRE(env.WriteFileAtomic(deep / "f", "x").ok());
  CHECK(env.CreateDirectories(deep / "f").code() == Code::kIOError);
  CHECK(env.ListDirectory(deep).value() == std::vector<std::string>{"f"});
  REQUIRE(env.RemoveFile(deep / "f").ok());
  REQUIRE(env.RemoveFile(deep / "f").ok());  // missing is fine
  CHECK(env.ListDirectory(deep).value().empty());
  CHECK(env.ListDirectory(dir.path() / "none").status().code() == Code::kNotFound);
}

TEST_CASE("env: the clock can be set by a test", "[env]") {
  FailingEnv env;
  Timestamp before = Env::Default().Now();
  CHECK(env.Now() >= before);
  env.SetNow(Timestamp{1767225600, 0});
  CHECK(env.Now() == Timestamp{1767225600, 0});
}

}  // namespace
}  // namespace passerelle
