// Passerelle verifier CLI — `verifier serve`: the verify service's route
// table on the shared HTTP server (http/server.h). No authentication:
// verifying is public, and nothing is stored. Put TLS and rate limits in a
// reverse proxy in front.
#include "verifier/cli/serve_command.h"

#include <iostream>

#include "cmdline/diagnostics.h"
#include "http/server.h"
#include "verifier/cli/verify_setup.h"
#include "verifier/http/verify_service.h"

namespace passerelle::cli {

int RunServe(const ServeArgs& args, std::ostream& err) {
  const cmdline::Diagnostics diag("verifier", err);
  auto listen = http::ParseListenAddress(args.listen);
  if (!listen.ok()) {
    diag.Error(listen.status());
    return 2;
  }
  if (args.max_request_bytes < 1024 || args.max_request_bytes > (16u << 20)) {
    diag.Error("--max-request-bytes must be between 1 KiB and 16 MiB");
    return 2;
  }
  if (args.threads < 1 || args.threads > 256) {
    diag.Error("--threads must be between 1 and 256");
    return 2;
  }
  if (args.max_upload_bytes < 64 * 1024 || args.max_upload_bytes > (64u << 20)) {
    diag.Error("--max-upload-bytes must be between 64 KiB and 64 MiB");
    return 2;
  }
  if (args.max_connections_per_client < 1 || args.max_connections_per_client > 4096) {
    diag.Error("--max-connections-per-client must be between 1 and 4096");
    return 2;
  }
  if (args.challenge_minutes < 1 || args.challenge_minutes > 24 * 60) {
    diag.Error("--challenge-minutes must be between 1 and 1440");
    return 2;
  }
  VerificationSetup setup;
  if (int rc = SetUpVerification(args.verify, std::cin, err, setup); rc != 0) return rc;
  if (args.verify.trust_issuers.empty() && args.verify.trust_roots.empty()) {
    diag.Warning("no trust anchor given: every issuer will be reported untrusted");
    diag.Hint("start it with --trust-root and --trust-list (or --trust-issuer)");
  }
  http::Router router;
  verifier_http::EmployerPageOptions page;
  page.max_upload_bytes = args.max_upload_bytes;
  page.challenge_minutes = args.challenge_minutes;
  verifier_http::RegisterRoutes(router, setup.options, page);
  http::ServerOptions options;
  options.host = listen->host;
  options.port = listen->port;
  options.max_body_bytes = args.max_request_bytes;
  options.threads = args.threads;
  options.max_connections_per_client = args.max_connections_per_client;
  options.log_name = "verifier";
  http::Server server(options, router, nullptr, args.quiet ? nullptr : &err);
  Status served = server.Start();
  if (served.ok()) {
    err << "verifier: serving on http://" << http::UrlHost(options.host) << ":" << server.port() << "/\n" << std::flush;
    served = server.Serve();
  }
  if (!served.ok()) {
    diag.Error(served);
    return 2;
  }
  return 0;
}

}  // namespace passerelle::cli
