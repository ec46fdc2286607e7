// Tests for env/env.h on the operating system's file system, and under
// injected failures: a replaced file keeps its old bytes on any failure, no
// temporary file is left behind, an exclusive create never overwrites.
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

TEST_CASE("env: a failed replacement keeps the old bytes and leaves no temporary file", "[env][faults]") {
  testing::TempDir dir;
  fs::path path = dir.path() / "state.json";
  FailingEnv env;
  REQUIRE(env.WriteFileAtomic(path, "acknowledged").ok());
  struct Case {
    Fault fault;
    const char* step;
    const char* error;
  };
  for (const Case& c : {Case{Fault::kWriteNoSpace, "write", "No space left on device"},
                        Case{Fault::kWriteIo, "write", "Input/output error"},
                        Case{Fault::kFsync, "fsync", "Input/output error"},
                        Case{Fault::kRename, "rename", "Input/output error"}}) {
    DYNAMIC_SECTION("step " << c.step << ": " << c.error) {
      env.Fail(c.fault);
      Status s = env.WriteFileAtomic(path, std::string(100000, 'n'));
      CHECK(s.code() == Code::kIOError);
      CHECK_THAT(s.message(), Catch::Contains(std::string(": ") + c.step + ": " + c.error));
      CHECK_THAT(s.message(), Catch::Contains("state.json"));
      CHECK(env.failures() == 1);
      CHECK(testing::ReadFile(path) == "acknowledged");
      CheckOnlyFiles(dir.path(), {"state.json"});
      env.Heal();
    }
  }
}

TEST_CASE("env: a disk that fills up in the middle of a file loses nothing acknowledged", "[env][faults]") {
  testing::TempDir dir;
  fs::path path = dir.path() / "state.json";
  FailingEnv env;
  REQUIRE(env.WriteFileAtomic(path, "acknowledged").ok());
  env.ShortWrites(4096);
  env.Fail(Fault::kWriteNoSpace, /*after=*/3);  // 12 KiB written, then the disk is full
  Status s = env.WriteFileAtomic(path, std::string(100000, 'n'));
  CHECK(s.code() == Code::kIOError);
  CHECK_THAT(s.message(), Catch::Contains("write: No space left on device"));
  CHECK(testing::ReadFile(path) == "acknowledged");
  CheckOnlyFiles(dir.path(), {"state.json"});
}

TEST_CASE("env: short writes are completed by the write loop", "[env][faults]") {
  testing::TempDir dir;
  FailingEnv env;
  env.ShortWrites(7);
  std::string bytes(10000, 'z');
  bytes[9999] = '!';
  REQUIRE(env.WriteFileAtomic(dir.path() / "a", bytes).ok());
  REQUIRE(env.CreateFileExclusive(dir.path() / "b", bytes).ok());
  CHECK(testing::ReadFile(dir.path() / "a") == bytes);
  CHECK(testing::ReadFile(dir.path() / "b") == bytes);
}

TEST_CASE("env: a failed exclusive create leaves no file, half-written or whole", "[env][faults]") {
  testing::TempDir dir;
  FailingEnv env;
  for (Fault fault : {Fault::kWriteNoSpace, Fault::kFsync, Fault::kLink}) {
    env.Fail(fault);
    Status s = env.CreateFileExclusive(dir.path() / "k.key", "secret");
    CHECK(s.code() == Code::kIOError);
    CheckOnlyFiles(dir.path(), {});
    env.Heal();
  }
  // A failed fsync of the folder is reported: the file exists but may not survive a crash.
  env.Fail(Fault::kFsync, /*after=*/1);
  Status s = env.CreateFileExclusive(dir.path() / "k.key", "secret");
  CHECK(s.code() == Code::kIOError);
  CHECK_THAT(s.message(), Catch::Contains("fsync folder"));
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
