// Passerelle verifier CLI — `verifier serve`: the employer's verify page and
// the VC-API verify routes over HTTP, with the trust given at start.
#pragma once

#include <iosfwd>
#include <string>

#include "verifier/cli/verify_command.h"

namespace passerelle::cli {

struct ServeArgs {
  VerifyArgs verify;  // the trust and status options of `verify` (files unused)
  std::string listen = "127.0.0.1:8081";
  std::size_t max_request_bytes = 1 << 20;
  int threads = 8;
  std::size_t max_upload_bytes = 8u << 20;  // POST /verify (a photo)
  int challenge_minutes = 15;
  int max_connections_per_client = 6;  // http::ServerOptions; raise it behind a reverse proxy
  bool quiet = false;
};

// Serves until the process is stopped. Returns 2 on a usage error or when
// the address cannot be bound.
int RunServe(const ServeArgs& args, std::ostream& err);

}  // namespace passerelle::cli
