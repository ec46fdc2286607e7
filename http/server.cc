// Passerelle — the HTTP(S) server: one of the two files that include
// httplib.h (the other is client.cc). Debian's libcpp-httplib is built with
// OpenSSL, zlib and brotli support; CMake defines the matching macros for
// this target (they change class layouts). Its ~600 lines are the price of
// that rule: the connection handling that httplib's types shape
// (ConnectionStream, GuardedServer, AdmissionQueue) stays here, and only
// what needs no httplib went to http/internal/connection_pool.h.
#include "http/server.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sodium.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <mutex>
#include <ostream>
#include <type_traits>

#include <httplib.h>
#include <openssl/ssl.h>

#include "formats/multibase.h"
#include "formats/terminal_text.h"
#include "http/form.h"
#include "http/internal/connection_pool.h"
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
  void RefuseConnection(int fd, const std::string& client, internal::Admission why);
};

namespace {

using SteadyClock = std::chrono::steady_clock;

// Set by ConnectionStream when the request deadline cut a read short, so the
// error handler (same worker thread, same connection) answers 408.
thread_local bool t_deadline_passed = false;
// Set when a connection is answered without its request read to the end (a
// refusal before the body, an error httplib met while reading): the close
// then lingers so that unread bytes do not reset the connection before the
// client has read the answer. A request read whole is closed at once.
thread_local bool t_unread_input = false;

// How a connection's socket is found before a worker takes it (see
// AdmissionQueue): httplib hands its task queue a closure that only calls
// process_and_close_socket(sock); run once with t_probing set, our override
// records the socket here and returns without touching it.
thread_local bool t_probing = false;
thread_local int t_probed_socket = -1;

// The peer's address as text ("127.0.0.1", "::1"); "" when unknown.
std::string PeerAddress(int fd) {
  sockaddr_storage addr{};
  socklen_t len = sizeof addr;
  if (::getpeername(fd, reinterpret_cast<sockaddr*>(&addr), &len) != 0) return "";
  char text[INET6_ADDRSTRLEN] = {};
  if (addr.ss_family == AF_INET) {
    ::inet_ntop(AF_INET, &reinterpret_cast<sockaddr_in*>(&addr)->sin_addr, text, sizeof text);
  } else if (addr.ss_family == AF_INET6) {
    const in6_addr& a6 = reinterpret_cast<sockaddr_in6*>(&addr)->sin6_addr;
    if (IN6_IS_ADDR_V4MAPPED(&a6)) ::inet_ntop(AF_INET, &a6.s6_addr[12], text, sizeof text);
    else ::inet_ntop(AF_INET6, &a6, text, sizeof text);
  }
  return text;
}

void AddressAndPort(int fd, bool peer, std::string& ip, int& port) {
  sockaddr_storage addr{};
  socklen_t len = sizeof addr;
  int rc = peer ? ::getpeername(fd, reinterpret_cast<sockaddr*>(&addr), &len)
                : ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  ip.clear();
  port = 0;
  if (rc != 0) return;
  char text[INET6_ADDRSTRLEN] = {};
  if (addr.ss_family == AF_INET) {
    auto* a = reinterpret_cast<sockaddr_in*>(&addr);
    ::inet_ntop(AF_INET, &a->sin_addr, text, sizeof text);
    port = ntohs(a->sin_port);
  } else if (addr.ss_family == AF_INET6) {
    auto* a = reinterpret_cast<sockaddr_in6*>(&addr);
    ::inet_ntop(AF_INET6, &a->sin6_addr, text, sizeof text);
    port = ntohs(a->sin6_port);
  }
  ip = text;
}

// One connection's bytes for httplib's request parser and response writer,
// over a non-blocking socket, through OpenSSL when `ssl` is set. A read
// waits at most the read timeout and never past `deadline`: httplib's own
// stream restarts its timeout at every read, so a client sending one byte
// at a time could hold the worker for ever. Writes wait at most the write
// timeout each. Buffers reads (httplib reads headers a byte at a time).
class ConnectionStream final : public httplib::Stream {
 public:
  ConnectionStream(int fd, SSL* ssl, SteadyClock::time_point deadline, int read_timeout_s, int write_timeout_s)
      : fd_(fd), ssl_(ssl), deadline_(deadline), read_timeout_(std::chrono::seconds(read_timeout_s)),
        write_timeout_(std::chrono::seconds(write_timeout_s)) {}

  // The TLS handshake, within the request deadline. False: close the connection.
  bool Handshake() {
    for (;;) {
      int rc = SSL_accept(ssl_);
      if (rc == 1) return true;
      if (!WaitFor(SSL_get_error(ssl_, rc), true)) return false;
    }
  }

  bool is_readable() const override {
    return pos_ < len_ || (ssl_ != nullptr && SSL_pending(ssl_) > 0) || WaitToRead(POLLIN);
  }
  bool is_writable() const override { return Poll(POLLOUT, write_timeout_); }

  ssize_t read(char* ptr, size_t size) override {
    if (pos_ == len_) {
      ssize_t n = Fill();
      if (n <= 0) return n;
    }
    size_t n = std::min(size, len_ - pos_);
    std::memcpy(ptr, buf_ + pos_, n);
    pos_ += n;
    return static_cast<ssize_t>(n);
  }

  ssize_t write(const char* ptr, size_t size) override {
    for (;;) {
      if (ssl_ != nullptr) {
        int rc = SSL_write(ssl_, ptr, static_cast<int>(std::min<size_t>(size, 1 << 30)));
        if (rc > 0) return rc;
        if (!WaitFor(SSL_get_error(ssl_, rc), false)) return -1;
      } else {
        ssize_t n = ::send(fd_, ptr, size, MSG_NOSIGNAL);
        if (n >= 0) return n;
        if (errno == EINTR) continue;
        if ((errno != EAGAIN && errno != EWOULDBLOCK) || !Poll(POLLOUT, write_timeout_)) return -1;
      }
    }
  }

  void get_remote_ip_and_port(std::string& ip, int& port) const override { AddressAndPort(fd_, true, ip, port); }
  void get_local_ip_and_port(std::string& ip, int& port) const override { AddressAndPort(fd_, false, ip, port); }
  socket_t socket() const override { return fd_; }

 private:
  ssize_t Fill() {
    pos_ = len_ = 0;
    for (;;) {
      if (ssl_ != nullptr) {
        int rc = SSL_read(ssl_, buf_, sizeof buf_);
        if (rc > 0) return static_cast<ssize_t>(len_ = static_cast<size_t>(rc));
        int err = SSL_get_error(ssl_, rc);
        if (err == SSL_ERROR_ZERO_RETURN) return 0;
        if (!WaitFor(err, true)) return -1;
      } else {
        ssize_t n = ::recv(fd_, buf_, sizeof buf_, 0);
        if (n >= 0) return static_cast<ssize_t>(len_ = static_cast<size_t>(n));
        if (errno == EINTR) continue;
        if ((errno != EAGAIN && errno != EWOULDBLOCK) || !WaitToRead(POLLIN)) return -1;
      }
    }
  }

  // After an OpenSSL call wanted the socket: wait for it (reading: within
  // the read timeout and the deadline). False on a timeout or another error.
  bool WaitFor(int ssl_error, bool reading) const {
    short events = ssl_error == SSL_ERROR_WANT_READ ? POLLIN : ssl_error == SSL_ERROR_WANT_WRITE ? POLLOUT : 0;
    if (events == 0) return false;
    return reading ? WaitToRead(events) : Poll(events, write_timeout_);
  }

  bool WaitToRead(short events) const {
    auto left = std::chrono::ceil<std::chrono::milliseconds>(deadline_ - SteadyClock::now());
    if (left >= read_timeout_) return Poll(events, read_timeout_);
    // Whatever ends this wait is the deadline.
    if (left > std::chrono::milliseconds(0) && Poll(events, left)) return true;
    t_deadline_passed = true;
    return false;
  }

  bool Poll(short events, std::chrono::milliseconds timeout) const {
    pollfd p{fd_, events, 0};
    for (;;) {
      int rc = ::poll(&p, 1, static_cast<int>(std::max<long long>(0, timeout.count())));
      if (rc < 0 && errno == EINTR) continue;
      return rc > 0;
    }
  }

  int fd_;
  SSL* ssl_;
  SteadyClock::time_point deadline_;
  std::chrono::milliseconds read_timeout_;
  std::chrono::milliseconds write_timeout_;
  char buf_[4096];
  size_t pos_ = 0;
  size_t len_ = 0;
};

// Ends a connection: TLS close_notify, then FIN; with `linger`, what the
// client still sends is read and dropped for a moment (at most 1 s, 64 KiB)
// so the response is not lost to a reset from unread bytes; then closed.
void CloseConnection(int fd, SSL* ssl, bool linger) {
  if (ssl != nullptr) {
    (void)SSL_shutdown(ssl);
    SSL_free(ssl);
  }
  ::shutdown(fd, SHUT_WR);
  if (!linger) {
    ::close(fd);
    return;
  }
  auto until = SteadyClock::now() + std::chrono::seconds(1);
  char sink[4096];
  for (std::size_t dropped = 0; dropped < (64u << 10);) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(until - SteadyClock::now()).count();
    pollfd p{fd, POLLIN, 0};
    if (left <= 0 || ::poll(&p, 1, static_cast<int>(left)) <= 0) break;
    ssize_t n = ::recv(fd, sink, sizeof sink, 0);
    if (n <= 0) break;
    dropped += static_cast<std::size_t>(n);
  }
  ::close(fd);
}

// httplib's server (plain or TLS) with our connection handling: each
// connection a worker takes is read through a ConnectionStream (request
// deadline) and answered once (close_connection), then closed.
template <class Base>
class GuardedServer final : public Base {
 public:
  template <class... Args>
  GuardedServer(const ServerOptions& options, Args&&... args)
      : Base(std::forward<Args>(args)...), options_(options) {}

 private:
  // Overrides httplib's (private virtual) per-connection entry point; the
  // request itself is still parsed and routed by httplib's process_request.
  bool process_and_close_socket(socket_t sock) override {
    if (t_probing) {
      t_probed_socket = sock;
      return true;
    }
    t_deadline_passed = false;
    t_unread_input = false;
    const auto deadline = SteadyClock::now() + std::chrono::seconds(options_.request_deadline_seconds);
    int flags = ::fcntl(sock, F_GETFL, 0);
    if (flags >= 0) ::fcntl(sock, F_SETFL, flags | O_NONBLOCK);
    SSL* ssl = nullptr;
    if constexpr (std::is_same_v<Base, httplib::SSLServer>) {
      ssl = SSL_new(this->ssl_context());
      if (ssl == nullptr || SSL_set_fd(ssl, sock) != 1) {
        if (ssl != nullptr) SSL_free(ssl);
        CloseConnection(sock, nullptr, false);
        return false;
      }
    }
    ConnectionStream stream(sock, ssl, deadline, options_.read_timeout_seconds, options_.write_timeout_seconds);
    bool ok = false;
    if (ssl == nullptr || stream.Handshake()) {
      bool closed = false;
      ok = this->process_request(stream, true, closed, {});
    } else if (ssl != nullptr) {
      SSL_free(ssl);  // no session to close
      ssl = nullptr;
    }
    // A failed handshake or an unread request: whatever the client still
    // sends must not reset what it was told.
    CloseConnection(sock, ssl, t_unread_input || !ok);
    return ok;
  }

  const ServerOptions& options_;
};

// httplib's task queue, replaced: each accepted connection's socket is found
// (t_probing, above), counted against its peer's address and the queue
// bound in a ConnectionPool, and refused on this, the accepting, thread when
// over either.
class AdmissionQueue final : public httplib::TaskQueue {
 public:
  using Refuse = std::function<void(int fd, const std::string& client, internal::Admission why)>;
  AdmissionQueue(Refuse refuse, internal::PoolLimits limits) : refuse_(std::move(refuse)), pool_(limits) {}

  void enqueue(std::function<void()> fn) override {
    t_probing = true;
    t_probed_socket = -1;
    fn();
    t_probing = false;
    const int fd = t_probed_socket;
    if (fd < 0) {
      // httplib's closure no longer only calls process_and_close_socket:
      // serve it without the per-address cap (a key of its own) rather
      // than lose the connection. Over the queue bound its socket cannot
      // be closed from here: it is served on this thread (within the
      // request deadline). The slowloris tests fail if this path is taken.
      const std::string key = "unprobed-" + std::to_string(unprobed_++);
      if (pool_.Submit(key, fn) != internal::Admission::kAdmitted) fn();
      return;
    }
    const std::string client = PeerAddress(fd);
    internal::Admission admission = pool_.Submit(client, std::move(fn));
    if (admission != internal::Admission::kAdmitted) refuse_(fd, client, admission);
  }
  void shutdown() override { pool_.Shutdown(); }

 private:
  Refuse refuse_;
  internal::ConnectionPool pool_;
  std::uint64_t unprobed_ = 0;  // accepting thread only
};

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
  internal::PoolLimits limits;
  limits.threads = options.threads < 2 ? 2 : options.threads;
  limits.max_queued = options.max_queued_connections;
  limits.max_per_client = options.max_connections_per_client;
  svr.new_task_queue = [this, limits] {
    return new AdmissionQueue(
        [this](int fd, const std::string& client, internal::Admission why) { RefuseConnection(fd, client, why); },
        limits);
  };
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
    if (HasBody(req)) {
      refusal->headers["Connection"] = "close";
      t_unread_input = true;
    }
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
    t_unread_input = true;  // httplib gave up reading the request
    HttpResponse p;
    if (t_deadline_passed)
      p = ProblemResponse(408, "request_timeout",
                          "the request did not arrive within " + std::to_string(options.request_deadline_seconds) +
                              " seconds",
                          "", id);
    else if (res.status == 413)
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

// A connection over a bound of the pool, on the accepting thread: a short
// 503 (plain HTTP only; nothing is written that could block), then closed.
void Server::Impl::RefuseConnection(int fd, const std::string& client, internal::Admission why) {
  if (options.tls_cert_file.empty()) {
    const bool per_client = why == internal::Admission::kClientLimit;
    HttpResponse p = ProblemResponse(
        503, "unavailable",
        per_client ? "too many connections from your address (" + std::to_string(options.max_connections_per_client) +
                         " at once); retry when one has finished"
                   : "the server is busy; retry shortly",
        "", "");
    std::string raw = "HTTP/1.1 503 Service Unavailable\r\nContent-Type: " + p.content_type +
                      "\r\nContent-Length: " + std::to_string(p.body.size()) +
                      "\r\nRetry-After: 1\r\nConnection: close\r\n\r\n" + p.body;
    (void)::send(fd, raw.data(), raw.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
    ::shutdown(fd, SHUT_WR);
  }
  ::close(fd);
  Log(Timestamp() + " " + client + " refused: " + internal::AdmissionName(why));
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
    auto ssl = std::make_unique<GuardedServer<httplib::SSLServer>>(o, o.tls_cert_file.c_str(), o.tls_key_file.c_str());
    if (!ssl->is_valid())
      return Status::InvalidArgument("cannot use --tls-cert \"" + o.tls_cert_file + "\" with --tls-key \"" +
                                     o.tls_key_file + "\" (unreadable, not PEM, or not a matching pair)");
    impl_->server = std::move(ssl);
  } else {
    impl_->server = std::make_unique<GuardedServer<httplib::Server>>(o);
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
