// Passerelle tests — the one GET client against a real loopback server
// (http/server.h, in process): the body of a 200, redirects followed, other
// statuses returned as such, size caps, bad URLs, closed ports, and
// conditional requests (ETag / Last-Modified in, 304 out).
#include "http/client.h"

#include <catch2/catch.hpp>

#include "tests/http/loopback_server.h"

namespace passerelle::http {
namespace {

using testing::TextResponse;

constexpr const char* kLastModified = "Wed, 02 Dec 2026 10:00:00 GMT";

Router ClientRoutes() {
  Router r;
  r.Register("GET", "/healthz", [](const HttpRequest&) { return TextResponse("ok"); });
  r.Register("GET", "/vc.json", [](const HttpRequest& q) { return TextResponse("{\"hello\":\"world\"}"); });
  r.Register("GET", "/accept", [](const HttpRequest& q) { return TextResponse(q.Header("accept")); });
  r.Register("GET", "/big", [](const HttpRequest&) { return TextResponse(std::string(100000, 'x')); });
  r.Register("GET", "/moved", [](const HttpRequest&) {
    HttpResponse res = TextResponse("", 302);
    res.headers["Location"] = "/vc.json";
    return res;
  });
  r.Register("GET", "/loop", [](const HttpRequest&) {
    HttpResponse res = TextResponse("", 307);
    res.headers["Location"] = "loop";
    return res;
  });
  r.Register("GET", "/list", [](const HttpRequest& q) {
    HttpResponse res = TextResponse("{\"list\":1}");
    if (q.Header("if-none-match") == "\"v1\"" || q.Header("if-modified-since") == kLastModified) res = TextResponse("", 304);
    res.headers["ETag"] = "\"v1\"";
    res.headers["Last-Modified"] = kLastModified;
    return res;
  });
  return r;
}

// The routes above on a loopback server; options capped at 1 KiB.
struct ClientFixture {
  ClientFixture() { options.max_bytes = 1024; }
  Router routes = ClientRoutes();
  testing::LoopbackServer server{routes};
  GetOptions options;
};

TEST_CASE_METHOD(ClientFixture, "client: the body of a 200, redirects followed, the Accept header sent", "[http][client]") {
  auto body = GetBody(server.Url("/vc.json"), options);
  INFO(body.status().ToString());
  REQUIRE(body.ok());
  CHECK(*body == "{\"hello\":\"world\"}");
  auto moved = Get(server.Url("/moved#fragment"), options);
  REQUIRE(moved.ok());
  CHECK(moved->status == 200);
  CHECK(moved->body == "{\"hello\":\"world\"}");
  CHECK(moved->url == server.Url("/vc.json"));
  options.follow_redirects = false;
  CHECK(Get(server.Url("/moved"), options)->status == 302);
  options.accept = "application/vc+ld+json, application/json";
  CHECK(*GetBody(server.Url("/accept"), options) == "application/vc+ld+json, application/json");
}

TEST_CASE_METHOD(ClientFixture, "client: other statuses, oversize bodies, bad URLs, redirect loops", "[http][client]") {
  auto missing = Get(server.Url("/missing"), options);
  REQUIRE(missing.ok());
  CHECK(missing->status == 404);
  auto missing_body = GetBody(server.Url("/missing"), options);
  CHECK(missing_body.status().code() == Code::kIOError);
  CHECK_THAT(missing_body.status().message(), Catch::Contains("HTTP 404"));
  CHECK(GetBody(server.Url("/big"), options).status().code() == Code::kResourceExhausted);
  CHECK(GetBody(server.Url("/loop"), options).status().code() == Code::kIOError);
  CHECK(GetBody("ftp://example.org/vc.json", options).status().code() == Code::kInvalidArgument);
  CHECK(GetBody("http://", options).status().code() == Code::kInvalidArgument);
  CHECK(GetBody("http:///path", options).status().code() == Code::kInvalidArgument);
  CHECK(GetBody("http://exa mple.org/", options).status().code() == Code::kInvalidArgument);
  CHECK(IsHttpUrl("https://x.example/a"));
  CHECK_FALSE(IsHttpUrl("file:///etc/passwd"));
  CHECK_FALSE(IsHttpUrl("vc.json"));
}

TEST_CASE_METHOD(ClientFixture, "client: conditional requests: validators out, 304 in", "[http][client]") {
  auto first = Get(server.Url("/list"), options);
  REQUIRE(first.ok());
  CHECK(first->status == 200);
  CHECK(first->etag() == "\"v1\"");
  CHECK(first->last_modified() == kLastModified);
  options.if_none_match = first->etag();
  auto by_etag = Get(server.Url("/list"), options);
  REQUIRE(by_etag.ok());
  CHECK(by_etag->status == 304);
  CHECK(by_etag->body.empty());
  options.if_none_match.clear();
  options.if_modified_since = first->last_modified();
  CHECK(Get(server.Url("/list"), options)->status == 304);
  options.if_modified_since = "Tue, 01 Dec 2026 10:00:00 GMT";
  CHECK(Get(server.Url("/list"), options)->status == 200);
}

TEST_CASE("client: a closed port is an I/O error", "[http][client]") {
  int port = testing::FreeLoopbackPort();
  auto r = GetBody("http://127.0.0.1:" + std::to_string(port) + "/vc.json", GetOptions{});
  CHECK(r.status().code() == Code::kIOError);
}

}  // namespace
}  // namespace passerelle::http
