// Passerelle — the one HTTP(S) server set-up (cpp-httplib behind a pimpl),
// shared by `issuer serve` and `verifier serve`.
//
// Serves a Router with the hardening both need: the route is matched and the
// pre-route hook (authentication) runs before the body is read, so an
// unknown or unauthenticated client cannot make the server read a large
// body; bodies are capped (413); chunked (411) and compressed (415) bodies
// are refused unread, because httplib would read or inflate them before any
// limit applies; one request per connection, because httplib leaves a
// refused body unread and would parse it as the next request (request
// smuggling); read/write timeouts; a fixed thread pool. multipart/form-data
// bodies reach the handler raw (httplib's own multipart parser is bypassed)
// for http/form.h's strict parser. Every response
// carries an X-Request-Id; whatever a handler throws becomes a generic 500
// (details only in the log); one access-log line per request, its method
// and path sanitised. HTTPS when a certificate and key are given.
// Start() binds; Serve() blocks until Stop(), which is thread-safe.
#pragma once

#include <cstddef>
#include <functional>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "formats/status.h"
#include "http/router.h"

namespace passerelle::http {

struct ListenAddress {
  std::string host;  // without brackets ("::1")
  int port = 0;
};

// Parses "127.0.0.1:8080", "[::1]:8080", "0.0.0.0:0" (port 0: any free port).
// Errors: kInvalidArgument (no port, a port outside 0–65535), naming --listen.
Result<ListenAddress> ParseListenAddress(std::string_view listen);

// `host` as it goes in a URL: an IPv6 address in brackets.
std::string UrlHost(std::string_view host);

struct ServerOptions {
  std::string host = "127.0.0.1";  // loopback unless told otherwise
  int port = 8080;                 // 0: any free port (see Server::port())
  std::string tls_cert_file;       // PEM; both or neither
  std::string tls_key_file;
  // Larger bodies get 413, unread; a route may set its own cap
  // (Route::max_body_bytes), checked against Content-Length first.
  std::size_t max_body_bytes = 1 << 20;
  int read_timeout_seconds = 10;
  int write_timeout_seconds = 10;
  int threads = 16;                // worker threads (at least 2)
  std::string log_name = "http";   // access-log prefix: "issuer", "verifier"
};

// Runs after the route matched and before the body is read, with `head`
// (method, path, headers, params, request_id; no body) and its route.
// Returns nothing to let the request through (setting *principal, e.g. a
// token id, for the handler), or the response to send instead. Called again
// with the same head before the handler runs, which sees *principal as
// HttpRequest::principal. Must be thread-safe.
using PreRouteHook =
    std::function<std::optional<HttpResponse>(const HttpRequest& head, const Route& route, std::string* principal)>;

class Server {
 public:
  // `router` must outlive the server; access-log lines and 5xx details go to
  // `log` (may be null). `hook` may be empty.
  Server(ServerOptions options, const Router& router, PreRouteHook hook, std::ostream* log);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds the socket. Errors: kInvalidArgument (TLS files unusable or only
  // one given), kIOError (address in use, no permission).
  Status Start();
  // The bound port (after Start).
  int port() const;
  // Serves until Stop(). REQUIRES: Start() succeeded. Errors: kIOError.
  Status Serve();
  // Stops Serve(): in-flight requests finish. Thread-safe.
  void Stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace passerelle::http
