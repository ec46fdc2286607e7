// Tests for env/interrupted_writes.h: after a crash, the temporary files of
// atomic writes whose process is dead are removed and named; those of a live
// process (a writer at work right now), of this process, and names that are
// not ours are left alone.
#include "env/interrupted_writes.h"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "tests/testing/temp_dir.h"

namespace passerelle {
namespace {

namespace fs = std::filesystem;

// A process id that is no longer running: a child that exited and was reaped.
pid_t DeadPid() {
  pid_t pid = ::fork();
  if (pid == 0) ::_exit(0);
  REQUIRE(pid > 0);
  int status = 0;
  REQUIRE(::waitpid(pid, &status, 0) == pid);
  return pid;
}

// A child that runs until the test ends.
class LiveChild {
 public:
  LiveChild() {
    pid_ = ::fork();
    if (pid_ == 0) {
      for (;;) ::pause();
    }
    REQUIRE(pid_ > 0);
  }
  ~LiveChild() {
    ::kill(pid_, SIGKILL);
    int status = 0;
    ::waitpid(pid_, &status, 0);
  }
  pid_t pid() const { return pid_; }

 private:
  pid_t pid_ = -1;
};

void Touch(const fs::path& p, const std::string& bytes = "partial") {
  REQUIRE(Env::Default().WriteFileAtomic(p, bytes).ok());
}

std::vector<std::string> Names(const fs::path& dir) { return Env::Default().ListDirectory(dir).value(); }

TEST_CASE("interrupted writes: a dead process's temporary file is removed and reported", "[env]") {
  testing::TempDir dir;
  Env& env = Env::Default();
  const std::string dead = "issuer.json.tmp-" + std::to_string(DeadPid()) + "-1";
  Touch(dir.path() / "issuer.json", "{\"intact\": true}");
  Touch(dir.path() / dead);
  auto removed = RemoveInterruptedWrites(env, dir.path());
  INFO(removed.status().ToString());
  REQUIRE(removed.ok());
  CHECK(*removed == std::vector<std::string>{dead});
  // The file it would have replaced is untouched.
  CHECK(Names(dir.path()) == std::vector<std::string>{"issuer.json"});
  CHECK(env.ReadFileBounded(dir.path() / "issuer.json", 1024).value() == "{\"intact\": true}");
  // Nothing left to remove the second time.
  auto again = RemoveInterruptedWrites(env, dir.path());
  REQUIRE(again.ok());
  CHECK(again->empty());
}

TEST_CASE("interrupted writes: a live process's temporary file is left alone", "[env]") {
  testing::TempDir dir;
  LiveChild writer;
  const std::string live = "index.json.tmp-" + std::to_string(writer.pid()) + "-7";
  const std::string own = "header.tmp-" + std::to_string(::getpid()) + "-2";
  const std::string dead = "index.json.tmp-" + std::to_string(DeadPid()) + "-8";
  Touch(dir.path() / live);
  Touch(dir.path() / own);
  Touch(dir.path() / dead);
  auto removed = RemoveInterruptedWrites(Env::Default(), dir.path());
  REQUIRE(removed.ok());
  CHECK(*removed == std::vector<std::string>{dead});
  std::vector<std::string> expected = {own, live};
  std::sort(expected.begin(), expected.end());
  CHECK(Names(dir.path()) == expected);
}

TEST_CASE("interrupted writes: names that are not a PID-N temporary are not ours to remove", "[env]") {
  testing::TempDir dir;
  const std::vector<std::string> kept = {
      "a.json",                  // not temporary
      "b.tmp-",                  // nothing after the marker
      "c.tmp-12345",             // no counter
      "d.tmp--1",                // no PID
      "e.tmp-12x-1",             // not a number
      "f.tmp-1234567890-1",      // ten digits: not a PID
      "g.tmp-0-1",               // PID 0
  };
  for (const auto& name : kept) Touch(dir.path() / name);
  auto removed = RemoveInterruptedWrites(Env::Default(), dir.path());
  REQUIRE(removed.ok());
  CHECK(removed->empty());
  CHECK(Names(dir.path()).size() == kept.size());
}

TEST_CASE("interrupted writes: a missing folder removes nothing, an unreadable one is an I/O error", "[env]") {
  testing::TempDir dir;
  auto missing = RemoveInterruptedWrites(Env::Default(), dir.path() / "nowhere");
  REQUIRE(missing.ok());
  CHECK(missing->empty());
  Touch(dir.path() / "a-file");
  CHECK(RemoveInterruptedWrites(Env::Default(), dir.path() / "a-file").status().code() == Code::kIOError);
}

TEST_CASE("interrupted writes: a removal that fails is an I/O error naming the entry", "[env]") {
  testing::TempDir dir;
  // A folder under a dead process's temporary name cannot be unlinked.
  const std::string stuck = "x.tmp-" + std::to_string(DeadPid()) + "-1";
  fs::create_directory(dir.path() / stuck);
  Touch(dir.path() / stuck / "inside");
  auto removed = RemoveInterruptedWrites(Env::Default(), dir.path());
  REQUIRE_FALSE(removed.ok());
  CHECK(removed.status().code() == Code::kIOError);
  CHECK_THAT(removed.status().message(), Catch::Contains(stuck));
}

}  // namespace
}  // namespace passerelle
