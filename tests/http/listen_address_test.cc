// http/listen_address: --listen as operators type it.
#include <catch2/catch.hpp>

#include "http/server.h"

namespace passerelle::http {
namespace {

TEST_CASE("listen address: IPv4, IPv6 in brackets, port 0", "[http][listen]") {
  auto v4 = ParseListenAddress("127.0.0.1:8080");
  REQUIRE(v4.ok());
  CHECK(v4->host == "127.0.0.1");
  CHECK(v4->port == 8080);
  auto v6 = ParseListenAddress("[::1]:9000");
  REQUIRE(v6.ok());
  CHECK(v6->host == "::1");
  CHECK(v6->port == 9000);
  auto any = ParseListenAddress("0.0.0.0:0");
  REQUIRE(any.ok());
  CHECK(any->port == 0);
  CHECK(UrlHost("::1") == "[::1]");
  CHECK(UrlHost("127.0.0.1") == "127.0.0.1");
}

TEST_CASE("listen address: no port, a port out of range, or junk is refused naming --listen", "[http][listen]") {
  for (const char* bad : {"127.0.0.1", "127.0.0.1:", "127.0.0.1:65536", "127.0.0.1:-1", "127.0.0.1:80x", ":",
                          "[::1:80", "::1:80", "", "[]:80", "127.0.0.1:99999999999999999999"}) {
    INFO(bad);
    auto r = ParseListenAddress(bad);
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().code() == Code::kInvalidArgument);
    CHECK_THAT(r.status().message(), Catch::Contains("--listen"));
  }
}

}  // namespace
}  // namespace passerelle::http
