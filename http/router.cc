// Passerelle — path matching for the route table (see router.h).
#include "http/router.h"

#include <algorithm>

namespace passerelle::http {

namespace {

std::vector<std::string_view> Segments(std::string_view path) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < path.size()) {
    if (path[i] == '/') {
      ++i;
      continue;
    }
    std::size_t j = path.find('/', i);
    if (j == std::string_view::npos) j = path.size();
    out.push_back(path.substr(i, j - i));
    i = j;
  }
  return out;
}

bool MatchPattern(std::string_view pattern, std::string_view path, std::map<std::string, std::string>* params) {
  auto p = Segments(pattern), s = Segments(path);
  if (p.size() != s.size()) return false;
  if (!path.empty() && path.back() == '/' && path.size() > 1) return false;  // no trailing slash aliases
  std::map<std::string, std::string> found;
  for (std::size_t i = 0; i < p.size(); ++i) {
    if (!p[i].empty() && p[i][0] == ':') {
      if (s[i].empty()) return false;
      found.emplace(std::string(p[i].substr(1)), std::string(s[i]));
    } else if (p[i] != s[i]) {
      return false;
    }
  }
  *params = std::move(found);
  return true;
}

}  // namespace

void Router::Register(std::string method, std::string pattern, Handler handler, std::string guard,
                      std::size_t max_body_bytes) {
  routes_.push_back({std::move(method), std::move(pattern), std::move(handler), std::move(guard), max_body_bytes});
}

RouteMatch Router::Match(std::string_view method, std::string_view path) const {
  RouteMatch m;
  for (const auto& r : routes_) {
    std::map<std::string, std::string> params;
    if (!MatchPattern(r.pattern, path, &params)) continue;
    m.path_known = true;
    if (std::find(m.allowed.begin(), m.allowed.end(), r.method) == m.allowed.end()) m.allowed.push_back(r.method);
    if (r.method == method && m.route == nullptr) {
      m.route = &r;
      m.params = std::move(params);
    }
  }
  return m;
}

}  // namespace passerelle::http
