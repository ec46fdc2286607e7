// Passerelle — the issuer's HTTP(S) transport (cpp-httplib behind a pimpl).
//
// Serves a Router: matches the route and checks the bearer token before the
// body is read (so an unauthenticated client cannot make the server read a
// large body), caps bodies (413), applies read/write/keep-alive timeouts,
// turns every transport-level error into problem+json, catches whatever a
// handler throws (500 with a request id; details only in the log), and
// writes one access-log line per request. HTTPS when a certificate and key
// are given. Start() binds; Serve() blocks until Stop() (thread-safe).
#pragma once

#include <iosfwd>
#include <memory>
#include <string>

#include "formats/status.h"
#include "issuer/http/router.h"
#include "issuer/store/store.h"

namespace passerelle::http {

struct ServerOptions {
  std::string host = "127.0.0.1";  // loopback unless told otherwise
  int port = 8080;                 // 0: any free port (see Server::port())
  std::string tls_cert_file;       // PEM; both or neither
  std::string tls_key_file;
  std::size_t max_body_bytes = 1 << 20;
  int read_timeout_seconds = 10;
  int write_timeout_seconds = 10;
  int keep_alive_seconds = 5;
  // One request per connection: httplib leaves a refused body unread (and
  // never reads a GET's) and would parse it as the next request on a kept
  // connection (request smuggling). A reverse proxy keeps clients' connections.
  int keep_alive_max_requests = 1;
  int threads = 16;  // worker threads; each keep-alive connection holds one
};

class Server {
 public:
  // `router` and `store` (for tokens) must outlive the server; access-log
  // lines go to `log` (may be null).
  Server(ServerOptions options, const Router& router, const store::IssuerStore& store, std::ostream* log);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds the socket. Errors: kInvalidArgument (TLS files unusable),
  // kIOError (address in use, no permission).
  Status Start();
  // The bound port (after Start).
  int port() const;
  // Serves until Stop(). Errors: kIOError.
  Status Serve();
  void Stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace passerelle::http
