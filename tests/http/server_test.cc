// Passerelle tests — the shared server's hardening, over real loopback
// sockets: routing (404, 405 with Allow, HEAD as GET, path parameters), the
// pre-route hook running before the body is read, body caps, chunked and
// compressed bodies refused unread, one request per connection (a refused
// body is never parsed as a second request), handler exceptions turned
// into a generic 500 with a request id, and slow clients (slowloris): the
// per-address connection cap, the bounded queue and the whole-request
// deadline. Slow and other clients come from 127.0.0.3 and 127.0.0.2 (all of
// 127/8 is loopback).
#include "http/server.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "http/client.h"
#include "http/problem.h"
#include "tests/http/loopback_server.h"
#include "tests/testing/process.h"
#include "tests/testing/temp_dir.h"

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

// A TCP connection from `source` (a loopback address) to 127.0.0.1:`port`;
// reads give up after 20 s. -1 when it cannot connect.
int ConnectFrom(const char* source, int port) {
  int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return -1;
  timeval tv{20, 0};
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  sockaddr_in from{};
  from.sin_family = AF_INET;
  ::inet_pton(AF_INET, source, &from.sin_addr);
  sockaddr_in to{};
  to.sin_family = AF_INET;
  to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  to.sin_port = htons(static_cast<uint16_t>(port));
  if (::bind(fd, reinterpret_cast<sockaddr*>(&from), sizeof from) != 0 ||
      ::connect(fd, reinterpret_cast<sockaddr*>(&to), sizeof to) != 0) {
    ::close(fd);
    return -1;
  }
  return fd;
}

// Everything the server sends until it closes (or 20 s without a byte).
std::string ReadToEnd(int fd) {
  std::string out;
  char buf[4096];
  for (ssize_t n; (n = ::recv(fd, buf, sizeof buf, 0)) > 0;) out.append(buf, static_cast<std::size_t>(n));
  return out;
}

// GET /healthz from `source`: the raw response.
std::string GetHealthFrom(const char* source, int port) {
  int fd = ConnectFrom(source, port);
  if (fd < 0) return "";
  std::string req = "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
  (void)::send(fd, req.data(), req.size(), MSG_NOSIGNAL);
  std::string out = ReadToEnd(fd);
  ::close(fd);
  return out;
}

// The address slow clients connect from: neither the fixture's own health
// check (127.0.0.1) nor the other clients (127.0.0.2) count against its cap.
const char* const kSlowSource = "127.0.0.3";

// What a slowloris client sends before it starts trickling: a request line
// and a header name (the headers never end).
const char* const kHttpStart = "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: ";

// A slowloris client from kSlowSource: sends `start`, then one more byte
// every `interval`, until stopped, the server answers or closes, or
// `give_up` (the server never cut it off). Whatever the server sends is kept.
class SlowClient {
 public:
  SlowClient(int port, std::chrono::milliseconds interval, std::chrono::seconds give_up = std::chrono::seconds(30),
             std::string start = kHttpStart)
      : fd_(ConnectFrom(kSlowSource, port)) {
    if (fd_ < 0) return;
    (void)::send(fd_, start.data(), start.size(), MSG_NOSIGNAL);
    thread_ = std::thread([this, interval, give_up] {
      const auto end = std::chrono::steady_clock::now() + give_up;
      while (!stop_ && std::chrono::steady_clock::now() < end) {
        pollfd p{fd_, POLLIN, 0};
        if (::poll(&p, 1, static_cast<int>(interval.count())) > 0) {  // the server spoke or closed
          answer_ = ReadToEnd(fd_);
          cut_off_ = true;
          return;
        }
        if (::send(fd_, "a", 1, MSG_NOSIGNAL) != 1) {
          cut_off_ = true;
          return;
        }
      }
    });
  }
  ~SlowClient() {
    stop_ = true;
    if (thread_.joinable()) thread_.join();
    if (fd_ >= 0) ::close(fd_);
  }
  bool connected() const { return fd_ >= 0; }
  // Waits until the trickling ended; true when the server ended it.
  bool WaitCutOff() {
    if (thread_.joinable()) thread_.join();
    return cut_off_;
  }
  // Whether the server has ended it by now (no wait).
  bool cut_off() const { return cut_off_; }
  // What the server sent. REQUIRES: WaitCutOff() returned.
  const std::string& answer() const { return answer_; }

 private:
  int fd_;
  std::atomic<bool> stop_{false};
  std::atomic<bool> cut_off_{false};
  std::string answer_;
  std::thread thread_;
};

TEST_CASE("server: slow clients over the per-address cap are refused at once, other clients are served",
          "[http][server][slowloris]") {
  Router routes = TestRoutes();
  ServerOptions options = testing::LoopbackServer::SmallServer();
  options.threads = 3;
  options.max_connections_per_client = 2;
  options.request_deadline_seconds = 60;  // longer than the test: only the cap frees workers here
  testing::LoopbackServer s(routes, options);
  // More slow connections than workers, all from one address, one header byte
  // every 300 ms: without a cap they would hold all 3 workers.
  std::vector<std::unique_ptr<SlowClient>> slow;
  for (int i = 0; i < 5; ++i) {
    slow.push_back(std::make_unique<SlowClient>(s.port(), std::chrono::milliseconds(300)));
    REQUIRE(slow.back()->connected());
  }
  // Accepted in order, so the cap is reached: one more from that address is
  // told why and closed, before it sends anything.
  int over = ConnectFrom(kSlowSource, s.port());
  REQUIRE(over >= 0);
  std::string refused = ReadToEnd(over);
  ::close(over);
  CHECK(refused.rfind("HTTP/1.1 503", 0) == 0);
  CHECK_THAT(refused, Catch::Contains("too many connections from your address (2 at once)"));
  CHECK_THAT(refused, Catch::Contains("Retry-After: 1"));
  // Another address is served while the two admitted slow clients still trickle.
  std::string other = GetHealthFrom("127.0.0.2", s.port());
  CHECK(other.rfind("HTTP/1.1 200", 0) == 0);
  CHECK(other.substr(other.size() - 2) == "ok");
  // The three slow clients over the cap were cut off at once; two still
  // trickle (bounded wait: 20 s).
  auto count_cut_off = [&] {
    int n = 0;
    for (const auto& c : slow) n += c->cut_off() ? 1 : 0;
    return n;
  };
  for (auto until = std::chrono::steady_clock::now() + std::chrono::seconds(20);
       count_cut_off() < 3 && std::chrono::steady_clock::now() < until;)
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  CHECK(count_cut_off() == 3);
  slow.clear();
  s.Stop();
  CHECK_THAT(s.log(), Catch::Contains("127.0.0.3 refused: client limit"));
}

TEST_CASE("server: a request trickled past the deadline gets 408 and the connection is closed",
          "[http][server][slowloris]") {
  Router routes = TestRoutes();
  ServerOptions options = testing::LoopbackServer::SmallServer();
  options.request_deadline_seconds = 2;
  options.read_timeout_seconds = 10;  // each byte comes well within it
  testing::LoopbackServer s(routes, options);
  // One byte every 200 ms would keep the headers coming for the 30 s the
  // client tries; the server ends it at the deadline.
  SlowClient slow(s.port(), std::chrono::milliseconds(200));
  REQUIRE(slow.connected());
  REQUIRE(slow.WaitCutOff());
  CHECK(slow.answer().rfind("HTTP/1.1 408", 0) == 0);
  CHECK_THAT(slow.answer(), Catch::Contains("the request did not arrive within 2 seconds"));
  CHECK_THAT(slow.answer(), Catch::Contains("Connection: close"));
  // The server is free again.
  CHECK(HttpCall(s.port(), "GET", "/healthz").status == 200);
}

TEST_CASE("server: over TLS, a handshake trickled past the deadline is closed and HTTPS clients are served",
          "[http][server][slowloris][tls]") {
  if (!std::filesystem::exists("/usr/bin/openssl")) {
    WARN("no openssl command: cannot make a test certificate");
    return;
  }
  passerelle::testing::TempDir tmp;
  std::string cert = (tmp.path() / "cert.pem").string(), key = (tmp.path() / "key.pem").string();
  auto made = passerelle::testing::RunProcess(
      {"/usr/bin/openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
       "-keyout", key, "-out", cert, "-days", "1", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"});
  REQUIRE(made.exit_code == 0);
  Router routes = TestRoutes();
  ServerOptions options = testing::LoopbackServer::SmallServer();
  options.port = 0;
  options.tls_cert_file = cert;
  options.tls_key_file = key;
  options.request_deadline_seconds = 2;
  options.log_name = "test";
  std::ostringstream log;
  Server server(options, routes, nullptr, &log);
  REQUIRE(server.Start().ok());
  std::thread serving([&] { (void)server.Serve(); });
  const std::string url = "https://127.0.0.1:" + std::to_string(server.port()) + "/healthz";
  GetOptions get;
  get.ca_file = cert;
  get.accept = "text/plain";
  auto healthy = [&] {
    for (auto until = std::chrono::steady_clock::now() + std::chrono::seconds(20);
         std::chrono::steady_clock::now() < until; std::this_thread::sleep_for(std::chrono::milliseconds(50))) {
      auto r = Get(url, get);
      if (r.ok() && r->status == 200 && r->body == "ok") return true;
    }
    return false;
  };
  CHECK(healthy());
  {
    // A TLS handshake record announced as 200 bytes, then one byte of it
    // every 200 ms: without the deadline each byte would restart the 10 s
    // read timeout and the handshake would hold a worker for ever.
    SlowClient slow(server.port(), std::chrono::milliseconds(200), std::chrono::seconds(30),
                    std::string("\x16\x03\x01\x00\xc8", 5));
    REQUIRE(slow.connected());
    CHECK(slow.WaitCutOff());
    CHECK(slow.answer().find("HTTP/1.1") == std::string::npos);  // nothing in the clear
  }
  CHECK(healthy());
  server.Stop();
  serving.join();
}

TEST_CASE("server: connections beyond the queue bound are refused at once", "[http][server][slowloris]") {
  Router routes = TestRoutes();
  ServerOptions options = testing::LoopbackServer::SmallServer();
  options.threads = 2;
  options.max_queued_connections = 1;
  options.max_connections_per_client = 100;
  options.request_deadline_seconds = 60;
  testing::LoopbackServer s(routes, options);
  // Slow clients hold both workers and the one queue place.
  std::vector<std::unique_ptr<SlowClient>> slow;
  for (int i = 0; i < 3; ++i) slow.push_back(std::make_unique<SlowClient>(s.port(), std::chrono::milliseconds(300)));
  // Silent connections from another address: one is refused at once. (Up to
  // 3 may be admitted first if the fixture's health check still held a
  // worker while the slow clients connected; an admitted one says nothing,
  // so each is given 2 s to be refused, then kept open.)
  std::vector<int> admitted;
  std::string refused;
  for (int i = 0; i < 4 && refused.empty(); ++i) {
    int fd = ConnectFrom("127.0.0.2", s.port());
    REQUIRE(fd >= 0);
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, 2000) > 0) {
      refused = ReadToEnd(fd);
      ::close(fd);
    } else {
      admitted.push_back(fd);
    }
  }
  CHECK(refused.rfind("HTTP/1.1 503", 0) == 0);
  CHECK_THAT(refused, Catch::Contains("the server is busy"));
  int slow_admitted = 0;
  for (const auto& c : slow) slow_admitted += c->cut_off() ? 0 : 1;
  CHECK(slow_admitted + static_cast<int>(admitted.size()) <= 3);  // 2 workers + 1 queue place
  for (int fd : admitted) ::close(fd);
  slow.clear();  // closing them frees the workers
  // Each worker notices its client left on its next read; on a loaded
  // machine that can come after our next call, which is then (rightly)
  // refused as busy. The server must serve again within a few seconds.
  int status = 0;
  for (int i = 0; i < 50 && status != 200; ++i) {
    if (i > 0) std::this_thread::sleep_for(std::chrono::milliseconds(100));
    status = HttpCall(s.port(), "GET", "/healthz").status;
  }
  CHECK(status == 200);
  s.Stop();
  CHECK_THAT(s.log(), Catch::Contains("127.0.0.2 refused: queue full"));
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
