// Passerelle verifier CLI — `verifier serve`: the verify service's route
// table on the shared HTTP server (http/server.h). No authentication:
// verifying is public, and nothing is stored. Put TLS and rate limits in a
// reverse proxy in front.
#include "verifier/cli/serve_command.h"

#include <iostream>

#include "http/server.h"
#include "verifier/cli/verify_setup.h"
#include "verifier/http/verify_service.h"

namespace passerelle::cli {

int RunServe(const ServeArgs& args, std::ostream& err) {
  auto listen = http::ParseListenAddress(args.listen);
  if (!listen.ok()) {
    err << "verifier: error: " << listen.status().message() << "\n";
    return 2;
  }
  if (args.max_request_bytes < 1024 || args.max_request_bytes > (16u << 20)) {
    err << "verifier: error: --max-request-bytes must be between 1 KiB and 16 MiB\n";
    return 2;
  }
  if (args.threads < 1 || args.threads > 256) {
    err << "verifier: error: --threads must be between 1 and 256\n";
    return 2;
  }
  VerificationSetup setup;
  if (int rc = SetUpVerification(args.verify, std::cin, err, setup); rc != 0) return rc;
  if (args.verify.trust_issuers.empty() && args.verify.trust_roots.empty())
    err << "verifier: warning: no trust anchor given: every issuer will be reported untrusted\n"
        << "verifier: hint: start it with --trust-root and --trust-list (or --trust-issuer)\n";
  http::Router router;
  verifier_http::RegisterRoutes(router, setup.options);
  http::ServerOptions options;
  options.host = listen->host;
  options.port = listen->port;
  options.max_body_bytes = args.max_request_bytes;
  options.threads = args.threads;
  options.log_name = "verifier";
  http::Server server(options, router, nullptr, args.quiet ? nullptr : &err);
  Status served = server.Start();
  if (served.ok()) {
    err << "verifier: serving on http://" << http::UrlHost(options.host) << ":" << server.port() << "/\n" << std::flush;
    served = server.Serve();
  }
  if (!served.ok()) {
    err << "verifier: error: " << served.message() << "\n";
    return 2;
  }
  return 0;
}

}  // namespace passerelle::cli
