// Passerelle issuer CLI — `issuer serve`: the VC-API node.
#include <pthread.h>
#include <signal.h>

#include <iostream>
#include <thread>

#include "issuer/cli/commands.h"
#include "http/server.h"
#include "issuer/cli/node_setup.h"
#include "issuer/http/auth.h"
#include "issuer/http/node.h"
#include "issuer/http/routes.h"
#include "issuer/cli/unlock_issuer.h"

namespace passerelle::cli {

namespace {

sigset_t StopSignals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  return set;
}

// Stops the server on SIGINT/SIGTERM. The signals are blocked in every
// thread (RunServe blocks them before any thread starts; threads inherit
// the mask) and taken by sigwait here: no handler, no global state.
class SignalStopper {
 public:
  explicit SignalStopper(http::Server& server) : set_(StopSignals()) {
    thread_ = std::thread([this, &server] {
      int sig = 0;
      sigwait(&set_, &sig);
      if (!done_) server.Stop();
    });
  }
  ~SignalStopper() {
    done_ = true;
    pthread_kill(thread_.native_handle(), SIGTERM);
    thread_.join();
  }

 private:
  sigset_t set_;
  std::atomic<bool> done_{false};
  std::thread thread_;
};

}  // namespace

int RunServe(const ServeArgs& args, std::ostream& out, std::ostream& err) {
  auto fail = [&](const Status& s) {
    Diag(err).Error(s);
    return 2;
  };
  auto listen = http::ParseListenAddress(args.listen);
  if (!listen.ok()) return fail(listen.status());
  if (args.tls_cert.has_value() != args.tls_key.has_value())
    return fail(Status::InvalidArgument("--tls-cert and --tls-key go together"));
  if (args.max_connections_per_client < 1 || args.max_connections_per_client > 4096)
    return fail(Status::InvalidArgument("--max-connections-per-client must be between 1 and 4096"));
  auto suite = ParseCryptosuite(args.suite);
  if (!suite.ok()) return fail(suite.status().Annotate("--suite"));
  auto issuer = OpenIssuerDir(args.common.dir);
  if (!issuer.ok()) return fail(issuer.status());
  auto store = OpenNodeStore(args.common.dir);
  if (!store.ok()) return fail(store.status());
  std::string scheme = args.tls_cert ? "https://" : "http://";
  std::string listen_url = scheme + http::UrlHost(listen->host) + ":" + std::to_string(listen->port);
  auto public_url = ResolvePublicUrl(**store, *issuer, args.public_url, err,
                                     listen->port == 0 ? std::nullopt : std::optional<std::string>(listen_url));
  if (!public_url.ok()) return fail(public_url.status());
  store->reset();  // the URL is settled; the Issuer opens the store again

  IssuerOptions issuer_options;
  issuer_options.public_url = *public_url;
  issuer_options.list_suite = *suite;
  auto node = OpenCliIssuer(args.common, std::move(issuer_options));
  if (!node.ok()) return fail(node.status());
  // From here on threads start: they must inherit the blocked stop signals.
  sigset_t stop_signals = StopSignals();
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  http::NodeOptions node_options;
  node_options.default_suite = *suite;
  node_options.max_body_bytes = args.max_request_bytes;
  auto parts = http::BuildNode(**node, StoreDir(args.common.dir), node_options);
  if (!parts.ok()) return fail(parts.status());
  http::Router router;
  http::RegisterRoutes(router, (*parts)->node, issuer->did);

  http::ServerOptions server_options;
  server_options.host = listen->host;
  server_options.port = listen->port;
  if (args.tls_cert) server_options.tls_cert_file = *args.tls_cert;
  if (args.tls_key) server_options.tls_key_file = *args.tls_key;
  server_options.max_body_bytes = args.max_request_bytes;
  server_options.threads = args.threads;
  server_options.read_timeout_seconds = args.timeout_seconds;
  server_options.max_connections_per_client = args.max_connections_per_client;
  server_options.write_timeout_seconds = args.timeout_seconds;
  server_options.log_name = "issuer";
  http::Server server(server_options, router, http::AccessHook(*(*node)->store()), args.quiet ? nullptr : &err);
  SignalStopper stopper(server);
  Status started = server.Start();
  if (!started.ok()) return fail(started);
  err << "issuer: serving " << issuer->did << " on " << scheme << http::UrlHost(listen->host) << ":" << server.port()
      << " (status lists under " << *public_url << "/status-lists/)\n";
  if (listen->host != "127.0.0.1" && listen->host != "localhost" && listen->host != "::1" && !args.tls_cert)
    Diag(err).Warning("serving plain HTTP on " + listen->host +
                      "; put it behind a TLS proxy or give --tls-cert and --tls-key");
  if (auto tokens = (*node)->store()->ListTokens(); tokens.ok() && tokens->empty())
    Diag(err).Hint("no API token yet: create one with issuer token create --dir " + args.common.dir +
                   " --scope issue,status");
  err << std::flush;
  Status served = server.Serve();
  err << "issuer: stopped\n";
  return served.ok() ? 0 : fail(served);
}

}  // namespace passerelle::cli
