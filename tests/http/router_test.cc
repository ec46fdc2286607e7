// Passerelle tests — route matching: literal and parameter segments, 404
// versus 405, and the guard the pre-route hook reads.
#include "http/router.h"

#include <catch2/catch.hpp>

namespace passerelle::http {
namespace {

HttpResponse Ok(const HttpRequest&) { return HttpResponse{}; }

TEST_CASE("router: literal and parameter segments, 404 versus 405", "[http]") {
  Router r;
  r.Register("GET", "/status-lists/:id", Ok);
  r.Register("POST", "/status-lists/:id/publish", Ok, "status");
  r.Register("POST", "/credentials/issue", Ok, "issue");
  auto m = r.Match("GET", "/status-lists/revocation-1");
  REQUIRE(m.route != nullptr);
  CHECK(m.params.at("id") == "revocation-1");
  CHECK(m.route->guard.empty());
  auto publish = r.Match("POST", "/status-lists/revocation-1/publish");
  REQUIRE(publish.route != nullptr);
  CHECK(publish.route->guard == "status");
  auto wrong_method = r.Match("DELETE", "/credentials/issue");
  CHECK(wrong_method.route == nullptr);
  CHECK(wrong_method.path_known);
  CHECK(wrong_method.allowed == std::vector<std::string>{"POST"});
  auto nowhere = r.Match("GET", "/credentials");
  CHECK(nowhere.route == nullptr);
  CHECK(!nowhere.path_known);
  CHECK(r.Match("GET", "/status-lists/").route == nullptr);
  CHECK(r.Match("POST", "/credentials/issue/").route == nullptr);
  CHECK(r.Match("GET", "/status-lists/a/b").route == nullptr);
}

TEST_CASE("router: the first registered route wins, every method of a path is listed", "[http]") {
  Router r;
  int called = 0;
  r.Register("GET", "/a/:x", [&](const HttpRequest&) {
    called = 1;
    return HttpResponse{};
  });
  r.Register("GET", "/a/b", [&](const HttpRequest&) {
    called = 2;
    return HttpResponse{};
  });
  r.Register("POST", "/a/b", Ok);
  auto m = r.Match("GET", "/a/b");
  REQUIRE(m.route != nullptr);
  m.route->handler(HttpRequest{});
  CHECK(called == 1);
  CHECK(m.params.at("x") == "b");
  CHECK(r.Match("PUT", "/a/b").allowed == std::vector<std::string>{"GET", "POST"});
  CHECK(r.Match("GET", "/").route == nullptr);
}

}  // namespace
}  // namespace passerelle::http
