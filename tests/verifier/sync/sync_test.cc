// Tests for verifier/sync/sync.h: what SyncStatusList refuses before storing
// anything, and DescribeAge. (A list that verifies, from a running issuer,
// is synced end to end in tests/issuer/status/status_sync_test.cc.)
#include "verifier/sync/sync.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "tests/testing/temp_dir.h"
#include "verifier/status_cache.h"

namespace passerelle {
namespace {

constexpr const char* kUrl = "https://issuer.test/status-lists/revocation-1";

Fetcher Serving(std::string body) {
  return [body](const std::string&) -> Result<std::string> { return body; };
}

TEST_CASE("sync: a fetch that fails is reported and nothing is stored", "[verifier][sync]") {
  testing::TempDir dir;
  auto cache = StatusListCache::Open(dir.path()).value();
  Fetcher down = [](const std::string& url) -> Result<std::string> { return Status::IOError(url + ": refused"); };
  auto r = SyncStatusList(kUrl, cache, down, Now());
  CHECK(r.status().code() == Code::kIOError);
  CHECK(cache.Load(kUrl).status().code() == Code::kNotFound);
}

TEST_CASE("sync: what is not a JSON object is malformed", "[verifier][sync]") {
  testing::TempDir dir;
  auto cache = StatusListCache::Open(dir.path()).value();
  for (const char* body : {"", "not json", "[1, 2]", "\"a string\"", "{\"unterminated\": "}) {
    INFO(body);
    auto r = SyncStatusList(kUrl, cache, Serving(body), Now());
    CHECK(r.status().code() == Code::kMalformed);
  }
  CHECK(cache.Load(kUrl).status().code() == Code::kNotFound);
}

TEST_CASE("sync: a list that names another URL as its own is refused", "[verifier][sync]") {
  testing::TempDir dir;
  auto cache = StatusListCache::Open(dir.path()).value();
  const std::string body = R"({"id": "https://elsewhere.test/lists/1", "issuer": "did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2"})";
  auto r = SyncStatusList(kUrl, cache, Serving(body), Now());
  CHECK(r.status().code() == Code::kVerificationFailed);
  CHECK(cache.Load(kUrl).status().code() == Code::kNotFound);
}

TEST_CASE("sync: an unsigned list, or one with no issuer, is not stored", "[verifier][sync]") {
  testing::TempDir dir;
  auto cache = StatusListCache::Open(dir.path()).value();
  const std::string no_issuer = std::string(R"({"id": ")") + kUrl + R"("})";
  CHECK_FALSE(SyncStatusList(kUrl, cache, Serving(no_issuer), Now()).ok());
  const std::string unsigned_list = std::string(R"({"@context": ["https://www.w3.org/ns/credentials/v2"], "id": ")") +
                                    kUrl +
                                    R"(", "type": ["VerifiableCredential", "BitstringStatusListCredential"],
      "issuer": "did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2",
      "credentialSubject": {"type": "BitstringStatusList", "statusPurpose": "revocation", "encodedList": "uH4sIAAAAAAAAA-3BMQEAAADCoPVPbQwfoAAAAAAAAAAAAAAAAAAAAIC3AYbSVKsAQAAA"}})";
  auto r = SyncStatusList(kUrl, cache, Serving(unsigned_list), Now());
  CHECK_FALSE(r.ok());
  CHECK(r.status().code() != Code::kIOError);
  CHECK(cache.Load(kUrl).status().code() == Code::kNotFound);
}

TEST_CASE("sync: a did:web issuer whose document cannot be fetched is not found or an I/O error",
          "[verifier][sync]") {
  testing::TempDir dir;
  auto cache = StatusListCache::Open(dir.path()).value();
  const std::string list = std::string(R"({"id": ")") + kUrl + R"(", "issuer": "did:web:issuer.test"})";
  Fetcher only_the_list = [&](const std::string& url) -> Result<std::string> {
    if (url == kUrl) return list;
    return Status::IOError(url + ": HTTP 404");
  };
  auto r = SyncStatusList(kUrl, cache, only_the_list, Now());
  REQUIRE_FALSE(r.ok());
  CHECK_THAT(r.status().message(), Catch::Contains("did:web:issuer.test"));
  CHECK(cache.Load(kUrl).status().code() == Code::kNotFound);
}

TEST_CASE("sync: a list by another issuer than the one expected is refused before anything is fetched or stored",
          "[verifier][sync]") {
  testing::TempDir dir;
  auto cache = StatusListCache::Open(dir.path()).value();
  const std::string list = std::string(R"({"id": ")") + kUrl + R"(", "issuer": "did:web:other.test"})";
  std::vector<std::string> fetched;
  Fetcher web = [&](const std::string& url) -> Result<std::string> {
    fetched.push_back(url);
    if (url == kUrl) return list;
    return Status::IOError(url + ": HTTP 404");
  };
  auto r = SyncStatusList(kUrl, cache, web, Now(), nullptr, {}, "did:web:issuer.test");
  CHECK(r.status().code() == Code::kVerificationFailed);
  CHECK_THAT(r.status().message(), Catch::Contains("issued by did:web:other.test, not by did:web:issuer.test"));
  // Not even the other issuer's DID document was asked for.
  CHECK(fetched == std::vector<std::string>{kUrl});
  CHECK(cache.Load(kUrl).status().code() == Code::kNotFound);
}

TEST_CASE("sync: DescribeAge rounds to seconds, minutes, hours or days", "[verifier][sync]") {
  const Timestamp then{1000000, 0};
  auto after = [&](std::int64_t s) { return DescribeAge(then, Timestamp{then.seconds + s, 0}); };
  CHECK(after(0) == "0 s");
  CHECK(after(89) == "89 s");
  CHECK(after(90) == "2 min");
  CHECK(after(89 * 60) == "89 min");
  CHECK(after(90 * 60) == "2 h");
  CHECK(after(7200) == "2 h");
  CHECK(after(35 * 3600) == "35 h");
  CHECK(after(36 * 3600) == "2 days");
  CHECK(after(10 * 86400) == "10 days");
  CHECK(DescribeAge(then, Timestamp{then.seconds - 1, 0}) == "in the future");
}

}  // namespace
}  // namespace passerelle
