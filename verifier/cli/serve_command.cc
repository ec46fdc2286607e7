// Passerelle verifier CLI — `verifier serve`.
#include "verifier/cli/serve_command.h"

#include <charconv>
#include <iostream>

#include "formats/terminal_text.h"
#include "verifier/cli/verify_setup.h"
#include "verifier/http/serve.h"

namespace passerelle::cli {

int RunServe(const ServeArgs& args, std::ostream& err) {
  verifier_http::ServeOptions options;
  std::size_t colon = args.listen.rfind(':');
  int port = -1;
  if (colon != std::string::npos) {
    auto r = std::from_chars(args.listen.data() + colon + 1, args.listen.data() + args.listen.size(), port);
    if (r.ec != std::errc() || r.ptr != args.listen.data() + args.listen.size()) port = -1;
  }
  if (colon == std::string::npos || colon == 0 || port < 0 || port > 65535) {
    err << "verifier: error: --listen \"" << SanitizeForTerminal(args.listen) << "\": expected HOST:PORT\n";
    return 2;
  }
  options.host = args.listen.substr(0, colon);
  if (options.host.size() > 2 && options.host.front() == '[' && options.host.back() == ']')
    options.host = options.host.substr(1, options.host.size() - 2);  // [::1]:8081
  options.port = port;
  if (args.max_request_bytes < 1024 || args.max_request_bytes > (16u << 20)) {
    err << "verifier: error: --max-request-bytes must be between 1 KiB and 16 MiB\n";
    return 2;
  }
  if (args.threads < 1 || args.threads > 256) {
    err << "verifier: error: --threads must be between 1 and 256\n";
    return 2;
  }
  options.max_body_bytes = args.max_request_bytes;
  options.threads = args.threads;
  VerificationSetup setup;
  if (int rc = SetUpVerification(args.verify, std::cin, err, setup); rc != 0) return rc;
  if (args.verify.trust_issuers.empty() && args.verify.trust_roots.empty())
    err << "verifier: warning: no trust anchor given: every issuer will be reported untrusted\n"
        << "verifier: hint: start it with --trust-root and --trust-list (or --trust-issuer)\n";
  Status served = verifier_http::Serve(options, setup.options, args.quiet ? nullptr : &err, [&](int bound) {
    const bool v6 = options.host.find(':') != std::string::npos;
    err << "verifier: serving on http://" << (v6 ? "[" + options.host + "]" : options.host) << ":" << bound << "/\n"
        << std::flush;
  });
  if (!served.ok()) {
    err << "verifier: error: " << served.message() << "\n";
    return 2;
  }
  return 0;
}

}  // namespace passerelle::cli
