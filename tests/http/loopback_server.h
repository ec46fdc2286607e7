// Passerelle tests — an http::Server on a loopback port, in process: give it
// a filled Router (and a hook); it serves on a thread until destroyed. Every
// route table it serves must answer GET /healthz (the fixture waits for it).
#pragma once

#include <catch2/catch.hpp>

#include <sstream>
#include <thread>

#include "http/server.h"
#include "tests/issuer/node_process.h"

namespace passerelle::testing {

class LoopbackServer {
 public:
  explicit LoopbackServer(const http::Router& router, http::PreRouteHook hook = nullptr,
                          std::size_t max_body_bytes = 4096)
      : LoopbackServer(router, SmallServer(max_body_bytes), std::move(hook)) {}
  // With the limits in `options` (port and log name are the fixture's).
  LoopbackServer(const http::Router& router, http::ServerOptions options, http::PreRouteHook hook = nullptr) {
    options.port = 0;
    options.log_name = "test";
    server_ = std::make_unique<http::Server>(options, router, std::move(hook), &log_);
    Status started = server_->Start();
    REQUIRE(started.ok());
    thread_ = std::thread([this] { (void)server_->Serve(); });
    // Stop() only stops a server that is serving: wait until it answers.
    REQUIRE(WaitForHealth(port()));
  }
  ~LoopbackServer() { Stop(); }
  LoopbackServer(const LoopbackServer&) = delete;
  LoopbackServer& operator=(const LoopbackServer&) = delete;

  // The options of the default fixture: 2 threads, `max_body_bytes`.
  static http::ServerOptions SmallServer(std::size_t max_body_bytes = 4096) {
    http::ServerOptions options;
    options.max_body_bytes = max_body_bytes;
    options.threads = 2;
    return options;
  }

  int port() const { return server_->port(); }
  std::string Url(const std::string& path) const { return "http://127.0.0.1:" + std::to_string(port()) + path; }
  // Stops serving (in-flight requests finish); idempotent.
  void Stop() {
    if (!thread_.joinable()) return;
    server_->Stop();
    thread_.join();
  }
  // The access log and 5xx details. REQUIRES: Stop() (no writer left).
  std::string log() const { return log_.str(); }

 private:
  std::ostringstream log_;
  std::unique_ptr<http::Server> server_;
  std::thread thread_;
};

inline http::HttpResponse TextResponse(std::string body, int status = 200) {
  http::HttpResponse r;
  r.status = status;
  r.content_type = "text/plain";
  r.body = std::move(body);
  return r;
}

// Routes for a static document server: GET `path` answers `*document`
// (read at each request, so it may be set after the server starts) as
// `content_type`, and GET /healthz. `document` must outlive the router.
inline http::Router DocumentRoutes(const std::string& path, const std::string* document,
                                   const std::string& content_type = "application/vc+ld+json") {
  http::Router routes;
  routes.Register("GET", "/healthz", [](const http::HttpRequest&) { return TextResponse("ok"); });
  routes.Register("GET", path, [document, content_type](const http::HttpRequest&) {
    http::HttpResponse res = TextResponse(*document);
    res.content_type = content_type;
    return res;
  });
  return routes;
}

}  // namespace passerelle::testing
