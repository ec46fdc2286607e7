// Passerelle — HTTP requests and responses as plain values, handlers as
// functions. No httplib here: only http/server.cc and http/client.cc see it,
// so every handler is unit-tested by calling it, without sockets.
// Values only; thread-safe as any std type.
#pragma once

#include <functional>
#include <map>
#include <string>

namespace passerelle::http {

struct HttpRequest {
  std::string method;  // "GET", "POST", … (HEAD is routed as GET)
  std::string path;    // without the query, percent-decoded
  std::string body;    // empty until the route and the pre-route hook accepted it
  std::map<std::string, std::string> headers;  // names in lower case
  std::map<std::string, std::string> params;   // path parameters (":id" → "id")
  // The query string's parameters, percent-decoded; empty when it is
  // malformed or repeats a name (see http/form.h).
  std::map<std::string, std::string> query;
  std::string request_id;                      // for logs and 5xx responses
  // Who the pre-route hook authenticated (the issuer: a token id); empty
  // for public routes and servers without a hook.
  std::string principal;

  // The header's value, or "" (`name` in lower case).
  std::string Header(const std::string& name) const {
    auto it = headers.find(name);
    return it == headers.end() ? std::string() : it->second;
  }
  // The query parameter's value, or "".
  std::string Query(const std::string& name) const {
    auto it = query.find(name);
    return it == query.end() ? std::string() : it->second;
  }
};

struct HttpResponse {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::map<std::string, std::string> headers;
  // For the server's log only, never sent: what went wrong behind a 5xx.
  std::string internal_error;
};

// A route's handler. Returns errors as responses (see http/problem.h); the
// server turns anything it throws into a generic 500.
using Handler = std::function<HttpResponse(const HttpRequest&)>;

}  // namespace passerelle::http
