// http/internal/url: splitting URLs for the client, and resolving redirects.
#include <catch2/catch.hpp>

#include "http/internal/url.h"

namespace passerelle::http::internal {
namespace {

TEST_CASE("url: origin and path apart, fragment dropped, query kept", "[http][url]") {
  auto u = Split("https://issuer.example:8443/status-lists/revocation-1?v=2#frag");
  REQUIRE(u.ok());
  CHECK(u->origin == "https://issuer.example:8443");
  CHECK(u->path == "/status-lists/revocation-1?v=2");
  auto bare = Split("http://127.0.0.1:8080");
  REQUIRE(bare.ok());
  CHECK(bare->path == "/");
}

TEST_CASE("url: what is not an http(s) URL is refused", "[http][url]") {
  for (const char* bad : {"ftp://x.example/a", "https://", "https:///path", "issuer.example/a", "",
                          "https://x.example/a b", "https://x.example/\x01", "file:///etc/passwd"}) {
    INFO(bad);
    auto r = Split(bad);
    CHECK_FALSE(r.ok());
    CHECK(r.status().code() == Code::kInvalidArgument);
  }
}

TEST_CASE("url: a redirect's Location read against the URL that answered", "[http][url]") {
  auto base = Split("https://issuer.example/a/b/list?x=1");
  REQUIRE(base.ok());
  CHECK(Resolve(*base, "https://other.example/z") == "https://other.example/z");
  CHECK(Resolve(*base, "//cdn.example/z") == "https://cdn.example/z");
  CHECK(Resolve(*base, "/root") == "https://issuer.example/root");
  CHECK(Resolve(*base, "sibling") == "https://issuer.example/a/b/sibling");
}

}  // namespace
}  // namespace passerelle::http::internal
