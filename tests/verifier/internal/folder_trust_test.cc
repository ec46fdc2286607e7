// Tests for verifier/internal/folder_trust.h: whether another user could have written a cache folder or file.
#include "verifier/internal/folder_trust.h"

#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <filesystem>

#include "env/env.h"
#include "tests/testing/temp_dir.h"

namespace passerelle::internal {
namespace {

namespace fs = std::filesystem;

TEST_CASE("folder trust: our own private folder and file are not writable by others", "[verifier]") {
  testing::TempDir dir;
  const fs::path folder = dir.path() / "cache";
  REQUIRE(Env::Default().CreateDirectories(folder).ok());
  REQUIRE(::chmod(folder.c_str(), 0700) == 0);
  CHECK_FALSE(WritableByOthers(folder));
  REQUIRE(Env::Default().WriteFileAtomic(folder / "did.json", "{}").ok());
  REQUIRE(::chmod((folder / "did.json").c_str(), 0644) == 0);  // readable by others is fine
  CHECK_FALSE(WritableByOthers(folder / "did.json"));
}

TEST_CASE("folder trust: group- or world-writable is writable by others", "[verifier]") {
  testing::TempDir dir;
  const fs::path folder = dir.path() / "cache";
  REQUIRE(Env::Default().CreateDirectories(folder).ok());
  REQUIRE(::chmod(folder.c_str(), 0770) == 0);
  CHECK(WritableByOthers(folder));
  REQUIRE(::chmod(folder.c_str(), 0702) == 0);
  CHECK(WritableByOthers(folder));
  REQUIRE(::chmod(folder.c_str(), 0755) == 0);
  CHECK_FALSE(WritableByOthers(folder));
}

TEST_CASE("folder trust: what cannot be examined is not trusted", "[verifier]") {
  testing::TempDir dir;
  CHECK(WritableByOthers(dir.path() / "does-not-exist"));
}

}  // namespace
}  // namespace passerelle::internal
