// Tests for env/env.h: the durable file operations under injected failures: a
// replaced file keeps its old bytes on any failure, no temporary file is left
// behind, an exclusive create never leaves a partial file.
#include "env/env.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <string>
#include <vector>

#include "tests/testing/failing_env.h"
#include "tests/testing/paths.h"
#include "tests/testing/temp_dir.h"

namespace passerelle {
namespace {

namespace fs = std::filesystem;
using testing::Fault;
using testing::FailingEnv;

// Nothing but `expected` (sorted names) in `dir`: no temporary file left over.
void CheckOnlyFiles(const fs::path& dir, std::vector<std::string> expected) {
  auto names = Env::Default().ListDirectory(dir);
  REQUIRE(names.ok());
  CHECK(*names == expected);
}

TEST_CASE("env: temporary siblings are recognised by name", "[env]") {
  testing::TempDir dir;
  Env& env = Env::Default();
  CHECK(IsTemporaryFileName("x.json.tmp-123-4"));
  CHECK_FALSE(IsTemporaryFileName("x.json"));
  CHECK_FALSE(IsTemporaryFileName("tmp-file"));
  // A successful write leaves only the target, whose name is not temporary.
  REQUIRE(env.WriteFileAtomic(dir.path() / "x.json", "x").ok());
  auto names = env.ListDirectory(dir.path());
  REQUIRE(names.ok());
  REQUIRE(names->size() == 1);
  CHECK_FALSE(IsTemporaryFileName(names->front()));
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

}  // namespace
}  // namespace passerelle
