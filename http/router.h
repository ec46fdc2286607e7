// Passerelle — the route table: method + path pattern + handler, and an
// opaque guard the server hands to the pre-route hook.
//
// Patterns are literal segments and ":name" parameters ("/status-lists/:id").
// Match() is what the server asks before reading a request's body: it tells
// 404 from 405 (with the methods for Allow) and which route, hence which
// guard, applies, so authentication happens first. Fill the router, then
// share it read-only (Match is thread-safe; Register is not).
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "http/message.h"

namespace passerelle::http {

struct Route {
  std::string method;
  std::string pattern;
  Handler handler;
  // Meaningless to the router and the server; the pre-route hook reads it
  // (the issuer: "" public, "*" any token, else the scope a token needs).
  std::string guard;
  // Largest body this route accepts, in bytes (413 unread above it); 0:
  // the server's ServerOptions::max_body_bytes.
  std::size_t max_body_bytes = 0;
};

struct RouteMatch {
  const Route* route = nullptr;      // null: no route for this method
  bool path_known = false;           // true with a null route: 405
  std::vector<std::string> allowed;  // methods of the path, for 405's Allow
  std::map<std::string, std::string> params;
};

class Router {
 public:
  // Adds a route. The first registered route wins when two match.
  // REQUIRES: `pattern` starts with '/'.
  void Register(std::string method, std::string pattern, Handler handler, std::string guard = "",
                std::size_t max_body_bytes = 0);

  // The route for `method` on `path` (no trailing-slash aliases), its path
  // parameters, or why there is none.
  RouteMatch Match(std::string_view method, std::string_view path) const;

  const std::vector<Route>& routes() const { return routes_; }

 private:
  std::vector<Route> routes_;
};

}  // namespace passerelle::http
