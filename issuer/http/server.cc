// Passerelle — the issuer's HTTP(S) transport: the only file that includes
// httplib.h. Debian's libcpp-httplib is built with OpenSSL, zlib and brotli
// support; the macros below must match it (they change class layouts).
#define CPPHTTPLIB_OPENSSL_SUPPORT
#define CPPHTTPLIB_ZLIB_SUPPORT
#define CPPHTTPLIB_BROTLI_SUPPORT
#include "issuer/http/server.h"

#include <sodium.h>

#include <atomic>
#include <cctype>
#include <ctime>
#include <mutex>
#include <ostream>

#include <httplib.h>

#include "formats/multibase.h"
#include "issuer/http/auth.h"
#include "issuer/http/problem.h"

namespace passerelle::http {

struct Server::Impl {
  Impl(ServerOptions o, const Router& r, const store::IssuerStore& s, std::ostream* l)
      : options(std::move(o)), router(r), store(s), log(l) {}
  ServerOptions options;
  const Router& router;
  const store::IssuerStore& store;
  std::ostream* log;
  std::unique_ptr<httplib::Server> server;
  int port = 0;
  std::string id_prefix;
  std::atomic<std::uint64_t> next_id{1};
  std::mutex log_mu;

  std::string NewRequestId() { return id_prefix + "-" + std::to_string(next_id++); }
  void Log(const std::string& line) {
    if (log == nullptr) return;
    std::lock_guard<std::mutex> lock(log_mu);
    *log << line << '\n' << std::flush;
  }
  void Install();
};

namespace {

constexpr const char* kRequestIdHeader = "X-Request-Id";

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// The method routes are registered under (HEAD is answered as GET).
std::string RouteMethod(const httplib::Request& req) { return req.method == "HEAD" ? "GET" : req.method; }

HttpRequest ToRequest(const httplib::Request& req, bool with_body) {
  HttpRequest r;
  r.method = req.method;
  r.path = req.path;
  if (with_body) r.body = req.body;
  for (const auto& [name, value] : req.headers) r.headers.emplace(Lower(name), value);
  return r;
}

void Apply(const HttpResponse& from, httplib::Response& to) {
  to.status = from.status;
  for (const auto& [name, value] : from.headers) to.set_header(name, value);
  if (!from.body.empty() || !from.content_type.empty()) to.set_content(from.body, from.content_type);
}

bool HasBody(const httplib::Request& req) {
  return req.has_header("Transfer-Encoding") ||
         (req.has_header("Content-Length") && req.get_header_value("Content-Length") != "0");
}

std::string Timestamp() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

}  // namespace

void Server::Impl::Install() {
  httplib::Server& svr = *server;
  int threads = options.threads < 2 ? 2 : options.threads;
  svr.new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<std::size_t>(threads)); };
  svr.set_payload_max_length(options.max_body_bytes);
  svr.set_read_timeout(options.read_timeout_seconds, 0);
  svr.set_write_timeout(options.write_timeout_seconds, 0);
  svr.set_keep_alive_timeout(options.keep_alive_seconds);
  svr.set_keep_alive_max_count(static_cast<std::size_t>(options.keep_alive_max_requests));
  svr.set_tcp_nodelay(true);

  // Route, then authenticate, before the body is read.
  svr.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
    std::string id = NewRequestId();
    res.set_header(kRequestIdHeader, id);
    RouteMatch match = router.Match(RouteMethod(req), req.path);
    std::optional<HttpResponse> refusal;
    if (match.route == nullptr && match.path_known) {
      std::string allow;
      for (const auto& m : match.allowed) allow += (allow.empty() ? "" : ", ") + m;
      refusal = ProblemResponse(405, "method_not_allowed", req.method + " is not allowed on " + req.path, "", id);
      refusal->headers["Allow"] = allow;
    } else if (match.route == nullptr) {
      refusal = ProblemResponse(404, "not_found", "no route for " + req.path, "", id);
    } else {
      HttpRequest head = ToRequest(req, false);
      head.request_id = id;
      std::optional<store::TokenRecord> token;
      refusal = CheckAccess(match.route->access, head, store, &token);
      if (!refusal && req.method == "POST" && req.has_header("Content-Type") &&
          Lower(req.get_header_value("Content-Type")).find("json") == std::string::npos)
        refusal = ProblemResponse(415, "unsupported_media_type", "send the request body as application/json", "", id);
      // httplib caps bodies by Content-Length only: a chunked body would be
      // read whole before any limit applies, so it is refused unread.
      if (!refusal && req.has_header("Transfer-Encoding"))
        refusal = ProblemResponse(411, "length_required", "send the body with a Content-Length, not chunked", "", id);
      // A compressed body would be inflated with no limit before any of ours
      // applies (a 1 MiB gzip request can become gigabytes): refused unread.
      if (!refusal && req.has_header("Content-Encoding") &&
          Lower(req.get_header_value("Content-Encoding")) != "identity")
        refusal = ProblemResponse(415, "unsupported_media_type",
                                  "send the request body uncompressed (no Content-Encoding)", "", id);
    }
    if (!refusal) return httplib::Server::HandlerResponse::Unhandled;
    // The body was not read: the connection cannot carry another request.
    if (HasBody(req)) refusal->headers["Connection"] = "close";
    Apply(*refusal, res);
    return httplib::Server::HandlerResponse::Handled;
  });

  auto dispatch = [this](const httplib::Request& req, httplib::Response& res) {
    HttpRequest request = ToRequest(req, true);
    request.request_id = res.get_header_value(kRequestIdHeader);
    RouteMatch match = router.Match(RouteMethod(req), req.path);
    HttpResponse out;
    if (match.route == nullptr) {
      out = ProblemResponse(404, "not_found", "no route for " + req.path, "", request.request_id);
    } else {
      request.params = std::move(match.params);
      std::optional<store::TokenRecord> token;
      if (auto refusal = CheckAccess(match.route->access, request, store, &token)) {
        out = std::move(*refusal);
      } else {
        request.token = std::move(token);
        try {
          out = match.route->handler(request);
        } catch (const std::exception& e) {
          out = ProblemResponse(Status::Internal(std::string("handler threw: ") + e.what()), "", request.request_id);
        } catch (...) {
          out = ProblemResponse(Status::Internal("handler threw a non-exception"), "", request.request_id);
        }
      }
    }
    if (!out.internal_error.empty()) Log("issuer: error: request " + request.request_id + ": " + out.internal_error);
    Apply(out, res);
  };
  svr.Get(".*", dispatch);
  svr.Post(".*", dispatch);

  // Errors httplib produces itself (413, 400 on a broken request line, …).
  svr.set_error_handler(httplib::Server::HandlerWithResponse([this](const httplib::Request& req,
                                                                    httplib::Response& res) {
    if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
    std::string id = res.get_header_value(kRequestIdHeader);
    HttpResponse p;
    if (res.status == 413)
      p = ProblemResponse(413, "resource_exhausted",
                          "the request body is larger than " + std::to_string(options.max_body_bytes) + " bytes", "", id);
    else
      p = ProblemResponse(res.status, res.status >= 500 ? "internal" : "malformed",
                          res.status == 400 ? "the HTTP request is malformed" : "the request failed", "", id);
    Apply(p, res);
    return httplib::Server::HandlerResponse::Handled;
  }));
  svr.set_exception_handler([this](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
    std::string id = res.get_header_value(kRequestIdHeader);
    Log("issuer: error: request " + id + ": an exception escaped the transport");
    Apply(ProblemResponse(Status::Internal("exception"), "", id), res);
  });
  svr.set_logger([this](const httplib::Request& req, const httplib::Response& res) {
    Log("issuer: " + Timestamp() + " " + req.remote_addr + " \"" + req.method + " " + req.path + "\" " +
        std::to_string(res.status) + " " + std::to_string(res.body.size()) + " " +
        res.get_header_value(kRequestIdHeader));
  });
}

Server::Server(ServerOptions options, const Router& router, const store::IssuerStore& store, std::ostream* log)
    : impl_(std::make_unique<Impl>(std::move(options), router, store, log)) {
  unsigned char prefix[4];
  if (sodium_init() >= 0) randombytes_buf(prefix, sizeof prefix);
  impl_->id_prefix = HexEncode(std::string_view(reinterpret_cast<char*>(prefix), sizeof prefix));
}

Server::~Server() = default;

Status Server::Start() {
  ServerOptions& o = impl_->options;
  if (o.tls_cert_file.empty() != o.tls_key_file.empty())
    return Status::InvalidArgument("--tls-cert and --tls-key go together");
  if (!o.tls_cert_file.empty()) {
    auto ssl = std::make_unique<httplib::SSLServer>(o.tls_cert_file.c_str(), o.tls_key_file.c_str());
    if (!ssl->is_valid())
      return Status::InvalidArgument("cannot use --tls-cert \"" + o.tls_cert_file + "\" with --tls-key \"" +
                                     o.tls_key_file + "\" (unreadable, not PEM, or not a matching pair)");
    impl_->server = std::move(ssl);
  } else {
    impl_->server = std::make_unique<httplib::Server>();
  }
  impl_->Install();
  if (o.port == 0) {
    int port = impl_->server->bind_to_any_port(o.host);
    if (port < 0) return Status::IOError("cannot listen on " + o.host + " (any port)");
    impl_->port = port;
  } else {
    if (!impl_->server->bind_to_port(o.host, o.port))
      return Status::IOError("cannot listen on " + o.host + ":" + std::to_string(o.port) +
                             " (address in use, or not an address of this machine)");
    impl_->port = o.port;
  }
  return Status::Ok();
}

int Server::port() const { return impl_->port; }

Status Server::Serve() {
  if (!impl_->server) return Status::Internal("Serve() before Start()");
  if (!impl_->server->listen_after_bind()) return Status::IOError("the listening socket failed");
  return Status::Ok();
}

void Server::Stop() {
  if (impl_->server) impl_->server->stop();
}

}  // namespace passerelle::http
