// Tests for verifier/status_cache.h on a failing disk: a status list that
// cannot be stored is reported with the file and the failing step, and the
// list cached before stays whole and readable (a verifier never sees a torn
// cache entry, and never loses the list it had).
#include "verifier/status_cache.h"

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "tests/testing/failing_env.h"
#include "tests/testing/temp_dir.h"

namespace passerelle {
namespace {

using nlohmann::json;
using testing::Fault;
using testing::FailingEnv;

constexpr const char* kUrl = "https://issuer.example/status-lists/revocation-1";

// A stand-in for a verified list credential: Store and Load keep it as given.
json ListVersion(int version) {
  return {{"id", kUrl}, {"type", {"VerifiableCredential", "BitstringStatusListCredential"}},
          {"version", version}, {"padding", std::string(50000, 'A')}};
}

TEST_CASE("status cache: a failing disk keeps the list cached before, whole", "[verifier][faults]") {
  testing::TempDir dir;
  FailingEnv env;
  auto cache = StatusListCache::Open(dir.path() / "cache", env);
  REQUIRE(cache.ok());
  REQUIRE(cache->Store(kUrl, ListVersion(1), Timestamp{1767225600, 0}).ok());

  struct Case {
    Fault fault;
    const char* expected;
  };
  for (const Case& c : {Case{Fault::kWriteNoSpace, "write: No space left on device"},
                        Case{Fault::kWriteIo, "write: Input/output error"},
                        Case{Fault::kFsync, "fsync: Input/output error"},
                        Case{Fault::kRename, "rename: Input/output error"}}) {
    DYNAMIC_SECTION(c.expected) {
      env.ShortWrites(4096);  // the disk fills up part way through the new entry
      env.Fail(c.fault, c.fault == Fault::kWriteNoSpace ? 3 : 0);
      Status stored = cache->Store(kUrl, ListVersion(2), Timestamp{1767312000, 0});
      CHECK(stored.code() == Code::kIOError);
      CHECK_THAT(stored.message(), Catch::StartsWith("status cache: ") && Catch::Contains(c.expected));
      env.Heal();

      auto loaded = cache->Load(kUrl);
      REQUIRE(loaded.ok());
      CHECK((*loaded->credential)["version"] == 1);
      CHECK(loaded->fetched_at == Timestamp{1767225600, 0});
      CHECK(env.ListDirectory(cache->dir()).value().size() == 1);  // no temporary file left

      REQUIRE(cache->Store(kUrl, ListVersion(2), Timestamp{1767312000, 0}).ok());
      CHECK((*cache->Load(kUrl).value().credential)["version"] == 2);
    }
  }
}

TEST_CASE("status cache: a list never stored is not found, with a hint to sync", "[verifier]") {
  testing::TempDir dir;
  auto cache = StatusListCache::Open(dir.path());
  REQUIRE(cache.ok());
  auto missing = cache->Load(kUrl);
  CHECK(missing.status().code() == Code::kNotFound);
  CHECK_THAT(missing.status().message(), Catch::Contains("verifier sync --from"));
}

}  // namespace
}  // namespace passerelle
