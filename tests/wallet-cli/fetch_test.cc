// Passerelle wallet — fetching a credential over HTTP: the body of a 200,
// a clear error for anything else, and a size cap.
#include "wallet-cli/fetch.h"

// The same macros as cpp-httplib's pkg-config flags, which built the library.
#define CPPHTTPLIB_OPENSSL_SUPPORT
#define CPPHTTPLIB_ZLIB_SUPPORT
#define CPPHTTPLIB_BROTLI_SUPPORT
#include <httplib.h>

#include <chrono>
#include <string>
#include <thread>

#include <catch2/catch.hpp>

namespace passerelle::wallet {
namespace {

class TestServer {
 public:
  TestServer() {
    server_.Get("/vc.json", [](const httplib::Request&, httplib::Response& res) {
      res.set_content("{\"hello\":\"world\"}", "application/json");
    });
    server_.Get("/big", [](const httplib::Request&, httplib::Response& res) {
      res.set_content(std::string(100000, 'x'), "application/json");
    });
    server_.Get("/moved", [](const httplib::Request&, httplib::Response& res) { res.set_redirect("/vc.json"); });
    port_ = server_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    while (!server_.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  ~TestServer() {
    server_.stop();
    thread_.join();
  }
  std::string Url(const std::string& path) const { return "http://127.0.0.1:" + std::to_string(port_) + path; }

 private:
  httplib::Server server_;
  int port_ = 0;
  std::thread thread_;
};

TEST_CASE("fetch returns the body of a 200 and follows redirects", "[wallet][fetch]") {
  TestServer server;
  auto body = FetchUrl(server.Url("/vc.json"), 1024);
  INFO(body.status().ToString());
  REQUIRE(body.ok());
  CHECK(*body == "{\"hello\":\"world\"}");
  CHECK(*FetchUrl(server.Url("/moved"), 1024) == "{\"hello\":\"world\"}");
}

TEST_CASE("fetch refuses other statuses, oversize bodies and non-http URLs", "[wallet][fetch]") {
  TestServer server;
  auto missing = FetchUrl(server.Url("/missing"), 1024);
  CHECK(missing.status().code() == Code::kIOError);
  CHECK_THAT(missing.status().message(), Catch::Contains("HTTP 404"));
  CHECK(FetchUrl(server.Url("/big"), 1024).status().code() == Code::kResourceExhausted);
  CHECK(FetchUrl("ftp://example.org/vc.json", 1024).status().code() == Code::kInvalidArgument);
  CHECK(FetchUrl("http://", 1024).status().code() == Code::kInvalidArgument);
  CHECK(FetchUrl("http://exa mple.org/", 1024).status().code() == Code::kInvalidArgument);
  CHECK(IsHttpUrl("https://x.example/a"));
  CHECK_FALSE(IsHttpUrl("file:///etc/passwd"));
  CHECK_FALSE(IsHttpUrl("vc.json"));
}

TEST_CASE("fetch reports a closed port as an I/O error", "[wallet][fetch]") {
  int port = 0;
  {
    TestServer server;  // a port that was just free, now closed again
    std::string url = server.Url("/");
    port = std::stoi(url.substr(url.rfind(':') + 1));
  }
  auto r = FetchUrl("http://127.0.0.1:" + std::to_string(port) + "/vc.json", 1024);
  CHECK(r.status().code() == Code::kIOError);
}

}  // namespace
}  // namespace passerelle::wallet
