// Passerelle — `verifier serve`'s transport: the only verifier file that
// includes httplib.h. Debian's libcpp-httplib is built with OpenSSL, zlib and
// brotli support; the macros below must match it (they change class layouts).
#define CPPHTTPLIB_OPENSSL_SUPPORT
#define CPPHTTPLIB_ZLIB_SUPPORT
#define CPPHTTPLIB_BROTLI_SUPPORT
#include "verifier/http/serve.h"

#include <cctype>
#include <functional>
#include <mutex>
#include <ostream>

#include <httplib.h>
#include <sodium.h>

#include "formats/terminal_text.h"
#include "verifier/http/verify_service.h"

namespace passerelle::verifier_http {

namespace {

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

void Apply(const Response& from, httplib::Response& to) {
  to.status = from.status;
  for (const auto& [name, value] : from.headers) to.set_header(name, value);
  to.set_content(from.body, from.content_type);
}

// Refused by the transport, before the request reached Handle().
Response Refusal(int status, const std::string& detail) { return ProblemResponse(status, "refused", detail); }

}  // namespace

Status Serve(const ServeOptions& options, const VerifyOptions& verify, std::ostream* log,
             const std::function<void(int port)>& ready) {
  httplib::Server svr;
  std::mutex log_mutex;
  const std::size_t threads = static_cast<std::size_t>(options.threads < 2 ? 2 : options.threads);
  svr.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  svr.set_payload_max_length(options.max_body_bytes);
  svr.set_read_timeout(options.timeout_seconds, 0);
  svr.set_write_timeout(options.timeout_seconds, 0);
  // One request per connection: httplib leaves a refused body unread (and
  // never reads a GET's), and would parse it as the next request on a kept
  // connection. A reverse proxy in front keeps clients' connections alive.
  svr.set_keep_alive_max_count(1);
  svr.set_tcp_nodelay(true);
  svr.set_pre_routing_handler([](const httplib::Request& req, httplib::Response& res) {
    // httplib caps bodies by Content-Length only, and inflates compressed
    // bodies with no limit: both are refused before the body is read.
    if (req.has_header("Transfer-Encoding")) {
      Apply(Refusal(411, "send the body with a Content-Length, not chunked"), res);
      return httplib::Server::HandlerResponse::Handled;
    }
    if (req.has_header("Content-Encoding") && Lower(req.get_header_value("Content-Encoding")) != "identity") {
      Apply(Refusal(415, "send the request body uncompressed"), res);
      return httplib::Server::HandlerResponse::Handled;
    }
    return httplib::Server::HandlerResponse::Unhandled;
  });
  auto dispatch = [&verify](const httplib::Request& req, httplib::Response& res) {
    Request request;
    request.method = req.method;
    request.path = req.path;
    std::string type = Lower(req.get_header_value("Content-Type"));
    request.content_type = type.substr(0, type.find(';'));
    while (!request.content_type.empty() && request.content_type.back() == ' ') request.content_type.pop_back();
    request.body = req.body;
    request.sec_fetch_site = Lower(req.get_header_value("Sec-Fetch-Site"));
    request.origin = req.get_header_value("Origin");
    request.host = req.get_header_value("Host");
    try {
      Apply(Handle(request, verify), res);
    } catch (const std::exception&) {  // std::bad_alloc: nothing else throws
      Apply(Refusal(500, "the request could not be served"), res);
    }
  };
  svr.Get(".*", dispatch);
  svr.Post(".*", dispatch);
  svr.Put(".*", dispatch);
  svr.Patch(".*", dispatch);
  svr.Delete(".*", dispatch);
  svr.Options(".*", dispatch);
  svr.set_error_handler([](const httplib::Request&, httplib::Response& res) {
    if (!res.body.empty()) return;
    Apply(Refusal(res.status, res.status == 413 ? "the request body is too large" : "the request failed"), res);
  });
  svr.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
    Apply(Refusal(500, "the request could not be served"), res);
  });
  if (log != nullptr)
    svr.set_logger([&](const httplib::Request& req, const httplib::Response& res) {
      std::lock_guard<std::mutex> lock(log_mutex);
      // The path arrives percent-decoded: no line breaks or escapes in the log.
      *log << "verifier: " << req.remote_addr << " \"" << SanitizeForTerminal(req.method) << " "
           << SanitizeForTerminal(req.path) << "\" " << res.status << "\n"
           << std::flush;
    });
  if (sodium_init() < 0) return Status::Internal("libsodium could not start");
  int port = options.port;
  if (port == 0) {
    port = svr.bind_to_any_port(options.host);
    if (port < 0) return Status::IOError("cannot listen on " + options.host);
  } else if (!svr.bind_to_port(options.host, port)) {
    return Status::IOError("cannot listen on " + options.host + ":" + std::to_string(port));
  }
  if (ready) ready(port);
  if (!svr.listen_after_bind()) return Status::IOError("the server stopped with an error");
  return Status::Ok();
}

}  // namespace passerelle::verifier_http
