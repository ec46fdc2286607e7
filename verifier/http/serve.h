// Passerelle — `verifier serve`: the verify service over HTTP (cpp-httplib,
// included by serve.cc only). Bodies are capped, chunked and compressed
// request bodies are refused unread (httplib would read or inflate them
// before any limit), read and write timeouts apply, and a fixed pool of
// threads serves. No authentication: verifying is public, and nothing is
// stored. Put TLS and rate limits in a reverse proxy in front.
#pragma once

#include <functional>
#include <iosfwd>
#include <string>

#include "formats/status.h"
#include "verifier/verifier.h"

namespace passerelle::verifier_http {

struct ServeOptions {
  std::string host = "127.0.0.1";
  int port = 8081;  // 0: any free port
  std::size_t max_body_bytes = 1 << 20;
  int threads = 8;
  int timeout_seconds = 10;
};

// Serves until the process is stopped. `ready` is called with the bound
// port once listening. Errors: kIOError (cannot bind).
Status Serve(const ServeOptions& options, const VerifyOptions& verify, std::ostream* log,
             const std::function<void(int port)>& ready);

}  // namespace passerelle::verifier_http
