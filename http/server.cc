// Passerelle — the HTTP(S) server: one of the two files that include
// httplib.h (the other is client.cc). Debian's libcpp-httplib is built with
// OpenSSL, zlib and brotli support; CMake defines the matching macros for
// this target (they change class layouts).
#include "http/server.h"

#include <sodium.h>

#include <atomic>
#include <cctype>
#include <cstdlib>
#include <ctime>
#include <mutex>
#include <ostream>

#include <httplib.h>

#include "formats/multibase.h"
#include "http/form.h"
#include "formats/terminal_text.h"
#include "http/problem.h"

namespace passerelle::http {

struct Server::Impl {
  Impl(ServerOptions o, const Router& r, PreRouteHook h, std::ostream* l)
      : options(std::move(o)), router(r), hook(std::move(h)), log(l) {}
  ServerOptions options;
  const Router& router;
  PreRouteHook hook;
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
    *log << options.log_name << ": " << line << '\n' << std::flush;
  }
  std::optional<HttpResponse> Refusal(const httplib::Request& req, const std::string& id);
  HttpResponse Dispatch(const httplib::Request& req, const std::string& id);
  void Install();
};

namespace {

constexpr const char* kRequestIdHeader = "X-Request-Id";
// httplib parses multipart bodies itself (no part cap, into its own
// structure) and then hands over no body. The pre-routing hook moves a
// multipart Content-Type here before the body is read, so the body reaches
// the handler raw, for http/form.h's strict parser; ToRequest moves it back.
constexpr const char* kRawContentTypeHeader = "X-Passerelle-Raw-Content-Type";

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// The method routes are registered under (HEAD is answered as GET).
std::string RouteMethod(const httplib::Request& req) { return req.method == "HEAD" ? "GET" : req.method; }

HttpRequest ToRequest(const httplib::Request& req, const std::string& id, bool with_body) {
  HttpRequest r;
  r.method = req.method;
  r.path = req.path;
  if (with_body) r.body = req.body;
  std::string raw_content_type;
  for (const auto& [name, value] : req.headers) {
    std::string lower = Lower(name);
    if (lower == Lower(kRawContentTypeHeader)) raw_content_type = value;
    else r.headers.emplace(std::move(lower), value);
  }
  if (!raw_content_type.empty()) r.headers["content-type"] = raw_content_type;
  std::size_t q = req.target.find('?');
  if (q != std::string::npos) {
    auto query = ParseUrlEncodedForm(std::string_view(req.target).substr(q + 1));
    if (query.ok())
      for (auto& [name, field] : *query) r.query.emplace(name, std::move(field.value));
  }
  r.request_id = id;
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

// 404, or 405 with Allow (HEAD wherever GET is).
HttpResponse NoRoute(const RouteMatch& match, const httplib::Request& req, const std::string& id) {
  if (!match.path_known) return ProblemResponse(404, "not_found", "no route for " + req.path, "", id);
  std::string allow;
  for (const auto& m : match.allowed) allow += (allow.empty() ? "" : ", ") + m + (m == "GET" ? ", HEAD" : "");
  HttpResponse r = ProblemResponse(405, "method_not_allowed", req.method + " is not allowed on " + req.path, "", id);
  r.headers["Allow"] = allow;
  return r;
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

// Everything decided before the body is read: route, hook, body framing.
std::optional<HttpResponse> Server::Impl::Refusal(const httplib::Request& req, const std::string& id) {
  RouteMatch match = router.Match(RouteMethod(req), req.path);
  if (match.route == nullptr) return NoRoute(match, req, id);
  if (hook) {
    HttpRequest head = ToRequest(req, id, false);
    head.params = match.params;
    std::string principal;
    if (auto refusal = hook(head, *match.route, &principal)) return refusal;
  }
  // The route's own cap (the server's is the largest of all): refused unread.
  const std::size_t cap = match.route->max_body_bytes ? match.route->max_body_bytes : options.max_body_bytes;
  const std::string length = req.get_header_value("Content-Length");
  if (!length.empty() && (length.size() > 19 || std::strtoull(length.c_str(), nullptr, 10) > cap))
    return ProblemResponse(413, "resource_exhausted", "the request body is larger than " + std::to_string(cap) + " bytes",
                           "", id);
  // httplib caps bodies by Content-Length only: a chunked body would be read
  // whole before any limit applies, so it is refused unread.
  if (req.has_header("Transfer-Encoding"))
    return ProblemResponse(411, "length_required", "send the body with a Content-Length, not chunked", "", id);
  // A compressed body would be inflated with no limit before any of ours
  // applies (a 1 MiB gzip request can become gigabytes): refused unread.
  if (req.has_header("Content-Encoding") && Lower(req.get_header_value("Content-Encoding")) != "identity")
    return ProblemResponse(415, "unsupported_media_type", "send the request body uncompressed (no Content-Encoding)",
                           "", id);
  return std::nullopt;
}

// The route's handler, behind the hook (run again for the principal) and a
// catch-all: an exception is a generic 500, its text only in the log.
HttpResponse Server::Impl::Dispatch(const httplib::Request& req, const std::string& id) {
  HttpRequest request = ToRequest(req, id, true);
  RouteMatch match = router.Match(RouteMethod(req), req.path);
  if (match.route == nullptr) return NoRoute(match, req, id);
  request.params = std::move(match.params);
  if (hook) {
    HttpRequest head = request;
    head.body.clear();
    if (auto refusal = hook(head, *match.route, &request.principal)) return *refusal;
  }
  try {
    return match.route->handler(request);
  } catch (const std::exception& e) {
    return ProblemResponse(Status::Internal(std::string("handler threw: ") + e.what()), "", id);
  } catch (...) {
    return ProblemResponse(Status::Internal("handler threw a non-exception"), "", id);
  }
}

void Server::Impl::Install() {
  httplib::Server& svr = *server;
  int threads = options.threads < 2 ? 2 : options.threads;
  svr.new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<std::size_t>(threads)); };
  std::size_t largest = options.max_body_bytes;
  for (const auto& route : router.routes()) largest = std::max(largest, route.max_body_bytes);
  svr.set_payload_max_length(largest);
  svr.set_read_timeout(options.read_timeout_seconds, 0);
  svr.set_write_timeout(options.write_timeout_seconds, 0);
  // One request per connection, not an option: httplib leaves a refused body
  // unread (and never reads a GET's) and ignores "Connection: close" from
  // the client, so a kept connection would parse that body as the next
  // request (request smuggling). A reverse proxy keeps clients' connections.
  svr.set_keep_alive_max_count(1);
  svr.set_tcp_nodelay(true);

  svr.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
    std::string id = NewRequestId();
    res.set_header(kRequestIdHeader, id);
    std::optional<HttpResponse> refusal = Refusal(req, id);
    if (!refusal) {
      if (req.is_multipart_form_data()) {
        // See kRawContentTypeHeader. The Request is httplib's own mutable
        // object, handed to this hook as const.
        auto& headers = const_cast<httplib::Request&>(req).headers;
        std::string type = req.get_header_value("Content-Type");
        for (auto it = headers.begin(); it != headers.end();)
          it = Lower(it->first) == "content-type" || Lower(it->first) == Lower(kRawContentTypeHeader)
                   ? headers.erase(it)
                   : std::next(it);
        headers.emplace(kRawContentTypeHeader, type);
        headers.emplace("Content-Type", "application/octet-stream");
      }
      return httplib::Server::HandlerResponse::Unhandled;
    }
    // The body was not read: the connection cannot carry another request.
    if (HasBody(req)) refusal->headers["Connection"] = "close";
    Apply(*refusal, res);
    return httplib::Server::HandlerResponse::Handled;
  });

  auto dispatch = [this](const httplib::Request& req, httplib::Response& res) {
    HttpResponse out = Dispatch(req, res.get_header_value(kRequestIdHeader));
    if (!out.internal_error.empty())
      Log("error: request " + res.get_header_value(kRequestIdHeader) + ": " + out.internal_error);
    Apply(out, res);
  };
  // Every method reaches the router (the pre-routing handler already
  // answered 404/405); httplib needs a handler per method to call it.
  svr.Get(".*", dispatch);
  svr.Post(".*", dispatch);
  svr.Put(".*", dispatch);
  svr.Patch(".*", dispatch);
  svr.Delete(".*", dispatch);
  svr.Options(".*", dispatch);

  // Errors httplib produces itself (413, 400 on a broken request line, …).
  svr.set_error_handler(httplib::Server::HandlerWithResponse([this](const httplib::Request&, httplib::Response& res) {
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
    Log("error: request " + id + ": an exception escaped the transport");
    Apply(ProblemResponse(Status::Internal("exception"), "", id), res);
  });
  // The path arrives percent-decoded: no line breaks or escapes in the log.
  svr.set_logger([this](const httplib::Request& req, const httplib::Response& res) {
    Log(Timestamp() + " " + req.remote_addr + " \"" + SanitizeForTerminal(req.method) + " " +
        SanitizeForTerminal(req.path) + "\" " + std::to_string(res.status) + " " + std::to_string(res.body.size()) +
        " " + res.get_header_value(kRequestIdHeader));
  });
}

Server::Server(ServerOptions options, const Router& router, PreRouteHook hook, std::ostream* log)
    : impl_(std::make_unique<Impl>(std::move(options), router, std::move(hook), log)) {
  unsigned char prefix[4] = {};
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
    if (port < 0) return Status::IOError("cannot listen on " + UrlHost(o.host) + " (any port)");
    impl_->port = port;
  } else {
    if (!impl_->server->bind_to_port(o.host, o.port))
      return Status::IOError("cannot listen on " + UrlHost(o.host) + ":" + std::to_string(o.port) +
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
