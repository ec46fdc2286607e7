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
// smuggling); read/write timeouts and a deadline for the whole request
// (a client trickling bytes cannot hold a worker longer); a fixed thread
// pool with a bounded queue and a cap on the connections one client address
// holds, both refused at once with 503 on the accepting thread (slowloris
// from one address cannot take every worker). multipart/form-data
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
  int read_timeout_seconds = 10;   // for each read alone
  int write_timeout_seconds = 10;
  // The whole request (request line, headers, body; TLS handshake included)
  // must arrive within this many seconds of a worker taking the connection,
  // however the client paces its bytes: past it, 408 and the connection is
  // closed. 60 s lets a phone upload the largest photo the employer page
  // takes (8 MiB) at about 1.1 Mbit/s.
  int request_deadline_seconds = 60;
  int threads = 16;                // worker threads (at least 2)
  // Connections one client address may hold at once, waiting or being
  // served; more are refused at once (503 over HTTP, closed over TLS). 6 is
  // what a browser opens to one host, and leaves most of the workers to
  // other addresses. Behind a reverse proxy every client has the proxy's
  // address: raise it to `threads` plus `max_queued_connections` there.
  int max_connections_per_client = 6;
  // Accepted connections waiting for a free worker; more are refused at
  // once the same way, so a flood queues bounded work.
  int max_queued_connections = 64;
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
