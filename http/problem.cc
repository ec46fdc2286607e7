// Passerelle — problem+json responses (see problem.h).
#include "http/problem.h"

#include <nlohmann/json.hpp>

#include "formats/json.h"

namespace passerelle::http {

namespace {

const char* Title(int status) {
  switch (status) {
    case 400: return "Bad request";
    case 401: return "Authentication required";
    case 403: return "Forbidden";
    case 404: return "Not found";
    case 405: return "Method not allowed";
    case 409: return "Conflict";
    case 411: return "Length required";
    case 413: return "Request too large";
    case 415: return "Unsupported media type";
    case 422: return "Unprocessable content";
    case 503: return "Service unavailable";
    case 507: return "Insufficient storage";
    default: return status >= 500 ? "Internal error" : "Request failed";
  }
}

}  // namespace

int HttpStatusFor(Code code) {
  switch (code) {
    case Code::kOk: return 200;
    case Code::kInvalidArgument:
    case Code::kMalformed: return 400;
    case Code::kPermissionDenied: return 403;
    case Code::kNotFound: return 404;
    case Code::kAlreadyExists:
    case Code::kRevoked: return 409;
    case Code::kResourceExhausted: return 413;
    case Code::kUnsupported:
    case Code::kVerificationFailed:
    case Code::kInvalidCredential:
    case Code::kExpired:
    case Code::kUntrustedIssuer: return 422;
    case Code::kIOError:
    case Code::kInternal: return 500;
  }
  return 500;
}

std::string LeadingPointer(std::string_view m) {
  if (m.empty() || m[0] != '/') return {};
  std::size_t colon = m.find(": ");
  std::size_t space = m.find(' ');
  if (colon == std::string_view::npos || (space != std::string_view::npos && space < colon)) return {};
  return std::string(m.substr(0, colon));
}

HttpResponse ProblemResponse(int http_status, std::string_view code, std::string_view detail,
                             std::string_view pointer, std::string_view request_id) {
  nlohmann::json body = {{"type", std::string(kProblemTypeBase) + std::string(code)},
                         {"title", Title(http_status)},
                         {"status", http_status},
                         {"code", std::string(code)},
                         {"detail", std::string(detail)}};
  if (!pointer.empty()) body["pointer"] = std::string(pointer);
  if (!request_id.empty()) body["instance"] = "urn:passerelle:request:" + std::string(request_id);
  HttpResponse r;
  r.status = http_status;
  r.content_type = std::string(kProblemContentType);
  r.body = DumpJson(body);
  return r;
}

HttpResponse ProblemResponse(const Status& status, std::string_view prefix, std::string_view request_id) {
  int http = HttpStatusFor(status.code());
  if (http >= 500) {
    HttpResponse r = ProblemResponse(http, CodeName(status.code()),
                                     "the server could not complete the request; the operator can find it in "
                                     "the log under request " + std::string(request_id),
                                     "", request_id);
    r.internal_error = status.ToString();
    return r;
  }
  std::string pointer = LeadingPointer(status.message());
  std::string detail = status.message();
  if (!pointer.empty() && !prefix.empty()) {
    detail = std::string(prefix) + detail;
    pointer = std::string(prefix) + pointer;
  }
  return ProblemResponse(http, CodeName(status.code()), detail, pointer, request_id);
}

}  // namespace passerelle::http
