// Passerelle — routes: method + path pattern + who may call it.
//
// Patterns are literal segments and ":name" parameters ("/status-lists/:id").
// Match() is what the server asks before reading a request's body: it tells
// 404 from 405 and which scope the route needs, so authentication happens
// first. Fill the router, then share it read-only (thread-safe for Match).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "issuer/http/handler.h"

namespace passerelle::http {

// Who may call a route: anyone, a bearer token holding `scope`, or any
// valid token (scope "*").
struct Access {
  static Access Public() { return Access{""}; }
  static Access AnyToken() { return Access{"*"}; }
  static Access Scope(std::string scope) { return Access{std::move(scope)}; }
  bool is_public() const { return scope.empty(); }
  std::string scope;
};

struct Route {
  std::string method;
  std::string pattern;
  Access access;
  Handler handler;
};

struct RouteMatch {
  const Route* route = nullptr;          // null: no route
  bool path_known = false;               // true with null route: 405
  std::vector<std::string> allowed;      // methods of the path, for 405's Allow
  std::map<std::string, std::string> params;
};

class Router {
 public:
  void Register(std::string method, std::string pattern, Access access, Handler handler);
  void Get(std::string pattern, Access access, Handler handler) {
    Register("GET", std::move(pattern), std::move(access), std::move(handler));
  }
  void Post(std::string pattern, Access access, Handler handler) {
    Register("POST", std::move(pattern), std::move(access), std::move(handler));
  }

  RouteMatch Match(std::string_view method, std::string_view path) const;
  const std::vector<Route>& routes() const { return routes_; }

 private:
  std::vector<Route> routes_;
};

}  // namespace passerelle::http
