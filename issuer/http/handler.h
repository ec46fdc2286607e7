// Passerelle — the issuer's HTTP abstraction: requests and responses as plain
// values, handlers as functions. No httplib here (only server.cc sees it), so
// handlers are unit-tested without sockets.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>

#include "issuer/store/records.h"

namespace passerelle::http {

struct HttpRequest {
  std::string method;  // "GET", "POST"
  std::string path;    // without the query
  std::string body;
  std::map<std::string, std::string> headers;  // names in lower case
  std::map<std::string, std::string> params;   // path parameters (":id")
  std::string request_id;                      // for logs and 500 responses
  std::optional<store::TokenRecord> token;     // set when the route needs one and it was valid

  // The header's value, or "" (`name` in lower case).
  std::string Header(const std::string& name) const {
    auto it = headers.find(name);
    return it == headers.end() ? std::string() : it->second;
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

using Handler = std::function<HttpResponse(const HttpRequest&)>;

}  // namespace passerelle::http
