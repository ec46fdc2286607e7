// Passerelle tests — the shared server's hardening, over real loopback
// sockets: routing (404, 405 with Allow, HEAD as GET, path parameters), the
// pre-route hook running before the body is read, body caps, chunked and
// compressed bodies refused unread, one request per connection (a refused
// body is never parsed as a second request), and handler exceptions turned
// into a generic 500 with a request id.
#include "http/server.h"

#include <catch2/catch.hpp>

#include <stdexcept>

#include <nlohmann/json.hpp>

#include "http/problem.h"
#include "tests/http/loopback_server.h"

namespace passerelle::http {
namespace {

using testing::HttpCall;
using testing::TextResponse;

Router TestRoutes() {
  Router r;
  r.Register("GET", "/healthz", [](const HttpRequest&) { return TextResponse("ok"); });
  r.Register("GET", "/items/:id", [](const HttpRequest& q) { return TextResponse("item " + q.params.at("id")); });
  r.Register("POST", "/echo", [](const HttpRequest& q) { return TextResponse(q.body); });
  r.Register("POST", "/guarded", [](const HttpRequest& q) { return TextResponse("hello " + q.principal); }, "key");
  r.Register("GET", "/throw", [](const HttpRequest&) -> HttpResponse { throw std::runtime_error("secret detail"); });
  return r;
}

// Routes guarded "key" need X-Key: k (principal "holder-of-k").
std::optional<HttpResponse> KeyHook(const HttpRequest& head, const Route& route, std::string* principal) {
  if (route.guard != "key") return std::nullopt;
  if (head.Header("x-key") != "k") return ProblemResponse(401, "unauthenticated", "send X-Key", "", head.request_id);
  *principal = "holder-of-k";
  return std::nullopt;
}

TEST_CASE("server: routes, path parameters, 404, 405 with Allow, HEAD answered as GET", "[http][server]") {
  Router routes = TestRoutes();
  testing::LoopbackServer s(routes, KeyHook);
  auto item = HttpCall(s.port(), "GET", "/items/42");
  CHECK(item.status == 200);
  CHECK(item.body == "item 42");
  CHECK_FALSE(item.headers["x-request-id"].empty());
  auto head = HttpCall(s.port(), "HEAD", "/items/42");
  CHECK(head.status == 200);
  CHECK(head.body.empty());
  auto missing = HttpCall(s.port(), "GET", "/nowhere");
  CHECK(missing.status == 404);
  CHECK(missing.headers["content-type"] == "application/problem+json");
  CHECK(nlohmann::json::parse(missing.body)["type"] == "https://w3id.org/passerelle/problems/not_found");
  for (const char* method : {"DELETE", "PUT", "PATCH", "OPTIONS"}) {
    auto refused = HttpCall(s.port(), method, "/healthz");
    CHECK(refused.status == 405);
    CHECK(refused.headers["allow"] == "GET, HEAD");
  }
  CHECK(HttpCall(s.port(), "GET", "/echo").headers["allow"] == "POST");
  CHECK(HttpCall(s.port(), "HEAD", "/echo").status == 405);
}

TEST_CASE("server: the pre-route hook refuses before the body is read and names the principal", "[http][server]") {
  Router routes = TestRoutes();
  testing::LoopbackServer s(routes, KeyHook, 1024);
  // Over the body cap, but refused by the hook first: 401, not 413.
  auto refused = HttpCall(s.port(), "POST", "/guarded", std::string(100000, 'x'));
  CHECK(refused.status == 401);
  CHECK(refused.headers["connection"] == "close");
  auto ok = HttpCall(s.port(), "POST", "/guarded", "{}", {{"X-Key", "k"}});
  CHECK(ok.status == 200);
  CHECK(ok.body == "hello holder-of-k");
}

TEST_CASE("server: body cap, chunked and compressed bodies refused unread", "[http][server]") {
  Router routes = TestRoutes();
  testing::LoopbackServer s(routes, nullptr, 1024);
  CHECK(HttpCall(s.port(), "POST", "/echo", "{\"a\":1}").body == "{\"a\":1}");
  auto large = HttpCall(s.port(), "POST", "/echo", std::string(5000, ' '));
  CHECK(large.status == 413);
  CHECK(large.headers["content-type"] == "application/problem+json");
  CHECK_THAT(large.body, Catch::Contains("larger than 1024 bytes"));
  auto chunked = HttpCall(s.port(), "POST", "/echo", "", {{"Transfer-Encoding", "chunked"}});
  CHECK(chunked.status == 411);
  auto gzipped = HttpCall(s.port(), "POST", "/echo", "\x1f\x8b\x08\x00", {{"Content-Encoding", "gzip"}});
  CHECK(gzipped.status == 415);
  CHECK(HttpCall(s.port(), "POST", "/echo", "x", {{"Content-Encoding", "identity"}}).status == 200);
}

TEST_CASE("server: one request per connection, a refused body is never read as the next request",
          "[http][server]") {
  Router routes = TestRoutes();
  testing::LoopbackServer s(routes);
  std::string raw = testing::RawExchange(s.port(),
                                         "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n",
                                         "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
  CHECK(raw.rfind("HTTP/1.1 411", 0) == 0);
  CHECK(raw.find("HTTP/1.1", 1) == std::string::npos);
  // Two requests pipelined on one kept-alive connection: only the first is answered.
  std::string two = testing::RawExchange(s.port(), "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n",
                                         "GET /items/1 HTTP/1.1\r\nHost: x\r\n\r\n");
  CHECK(two.rfind("HTTP/1.1 200", 0) == 0);
  CHECK(two.find("HTTP/1.1", 1) == std::string::npos);
  CHECK(HttpCall(s.port(), "GET", "/healthz").status == 200);
}

TEST_CASE("server: a throwing handler is a generic 500 with the request id, details only in the log",
          "[http][server]") {
  Router routes = TestRoutes();
  testing::LoopbackServer s(routes);
  auto r = HttpCall(s.port(), "GET", "/throw");
  CHECK(r.status == 500);
  CHECK(r.body.find("secret detail") == std::string::npos);
  const std::string id = r.headers["x-request-id"];
  REQUIRE_FALSE(id.empty());
  CHECK_THAT(r.body, Catch::Contains(id));
  (void)HttpCall(s.port(), "GET", "/items/%0a%1b[31m");
  s.Stop();
  CHECK_THAT(s.log(), Catch::Contains("test: error: request " + id));
  CHECK_THAT(s.log(), Catch::Contains("secret detail"));
  CHECK(s.log().find('\x1b') == std::string::npos);
}

TEST_CASE("server: --listen addresses, IPv6 in brackets", "[http][server]") {
  auto v4 = ParseListenAddress("127.0.0.1:8080");
  REQUIRE(v4.ok());
  CHECK(v4->host == "127.0.0.1");
  CHECK(v4->port == 8080);
  auto v6 = ParseListenAddress("[::1]:0");
  REQUIRE(v6.ok());
  CHECK(v6->host == "::1");
  CHECK(v6->port == 0);
  CHECK(UrlHost(v6->host) == "[::1]");
  CHECK(UrlHost("127.0.0.1") == "127.0.0.1");
  for (const char* bad : {"8080", ":8080", "host:", "host:65536", "host:-1", "host:80x"})
    CHECK(ParseListenAddress(bad).status().code() == Code::kInvalidArgument);
}

}  // namespace
}  // namespace passerelle::http
