// Passerelle fuzzing — http_input.h.
#include "fuzz/http_input.h"

#include <cstdio>
#include <exception>

#include "formats/ascii_text.h"
#include "fuzz/fuzz_support.h"
#include "http/problem.h"

namespace passerelle::fuzz {

namespace {

bool NextLine(std::string_view& rest, std::string_view* line) {
  std::size_t nl = rest.find('\n');
  if (nl == std::string_view::npos) return false;
  *line = rest.substr(0, nl);
  rest.remove_prefix(nl + 1);
  return true;
}

void ReadQuery(std::string_view query, std::map<std::string, std::string>* out) {
  while (!query.empty()) {
    std::size_t amp = query.find('&');
    std::string_view pair = query.substr(0, amp);
    std::size_t eq = pair.find('=');
    (*out)[std::string(pair.substr(0, eq))] = eq == std::string_view::npos ? "" : std::string(pair.substr(eq + 1));
    if (amp == std::string_view::npos) break;
    query.remove_prefix(amp + 1);
  }
}

}  // namespace

bool ReadHttpRequest(std::string_view bytes, std::string_view token, http::HttpRequest* request) {
  std::string_view rest = bytes, line;
  if (!NextLine(rest, &line)) return false;
  std::size_t sp = line.find(' ');
  if (sp == std::string_view::npos) return false;
  request->method = std::string(line.substr(0, sp));
  std::string_view target = line.substr(sp + 1);
  std::size_t q = target.find('?');
  request->path = std::string(target.substr(0, q));
  if (q != std::string_view::npos) ReadQuery(target.substr(q + 1), &request->query);
  while (NextLine(rest, &line) && !line.empty()) {
    std::size_t colon = line.find(':');
    if (colon == std::string_view::npos) return false;
    std::string name = AsciiLower(line.substr(0, colon));
    std::string value(line.substr(colon + 1));
    if (!value.empty() && value[0] == ' ') value.erase(0, 1);
    if (std::size_t at = value.find("@TOKEN@"); at != std::string::npos) value.replace(at, 7, token);
    request->headers[name] = value;
  }
  request->body = std::string(rest);
  request->request_id = "fuzz-1";
  return true;
}

http::HttpResponse Dispatch(const http::Router& router,
                            const std::function<std::optional<http::HttpResponse>(
                                const http::HttpRequest&, const http::Route&, std::string*)>& hook,
                            std::size_t default_cap, http::HttpRequest request) {
  http::RouteMatch match = router.Match(request.method == "HEAD" ? "GET" : request.method, request.path);
  if (match.route == nullptr) return http::ProblemResponse(match.path_known ? 405 : 404, "route", "no route");
  request.params = match.params;
  std::string body = std::move(request.body);
  request.body.clear();
  if (hook) {
    if (auto refusal = hook(request, *match.route, &request.principal)) return *refusal;
  }
  std::size_t cap = match.route->max_body_bytes != 0 ? match.route->max_body_bytes : default_cap;
  if (body.size() > cap) return http::ProblemResponse(413, "body", "too large");
  request.body = std::move(body);
  http::HttpResponse response;
  try {
    response = match.route->handler(request);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "handler threw: %s\n", e.what());
    Check(false, "an exception escaped a route handler");
  }
  if (response.status == 500) std::fprintf(stderr, "500: %s\n", response.internal_error.c_str());
  Check(response.status != 500, "hostile input got a 500");
  return response;
}

}  // namespace passerelle::fuzz
