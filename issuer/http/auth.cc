// Passerelle — bearer tokens and scopes.
#include "issuer/http/auth.h"

#include <algorithm>
#include <cctype>

#include "http/problem.h"

namespace passerelle::http {

bool GrantsScope(const store::TokenRecord& token, std::string_view scope) {
  return std::any_of(token.scopes.begin(), token.scopes.end(),
                     [&](const std::string& s) { return scope == "*" || s == scope || s == "admin"; });
}

std::optional<HttpResponse> CheckAccess(std::string_view guard, const HttpRequest& request,
                                        const store::IssuerStore& store, std::string* token_id) {
  if (guard == kPublicRoute || guard == kPublicFormRoute) return std::nullopt;
  const std::string scope(guard);
  std::string header = request.Header("authorization");
  constexpr std::string_view kBearer = "Bearer ";
  auto unauthorized = [&](const std::string& detail) {
    HttpResponse r = ProblemResponse(401, "unauthenticated", detail, "", request.request_id);
    r.headers["WWW-Authenticate"] = "Bearer realm=\"passerelle-issuer\"";
    return r;
  };
  if (header.empty())
    return unauthorized("this route needs a bearer token" +
                        (guard == kAnyToken ? std::string() : " with scope \"" + scope + "\"") +
                        " (Authorization: Bearer psl_…; create one with: issuer token create)");
  if (header.size() <= kBearer.size() || header.compare(0, kBearer.size(), kBearer) != 0)
    return unauthorized("the Authorization header must be \"Bearer TOKEN\"");
  auto record = store.Authenticate(std::string_view(header).substr(kBearer.size()));
  if (!record.ok()) return unauthorized("the bearer token is not valid");
  if (!GrantsScope(*record, scope)) {
    HttpResponse r = ProblemResponse(403, "permission_denied", "token " + record->id + " lacks scope \"" + scope + "\"",
                                     "", request.request_id);
    r.headers["WWW-Authenticate"] =
        "Bearer realm=\"passerelle-issuer\", error=\"insufficient_scope\", scope=\"" + scope + "\"";
    return r;
  }
  *token_id = record->id;
  return std::nullopt;
}

PreRouteHook AccessHook(const store::IssuerStore& store) {
  return [&store](const HttpRequest& head, const Route& route, std::string* principal) -> std::optional<HttpResponse> {
    if (auto refusal = CheckAccess(route.guard, head, store, principal)) return refusal;
    std::string type = head.Header("content-type");
    for (char& c : type) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (route.guard == kPublicFormRoute) return std::nullopt;  // the handler checks its form body
    if (head.method == "POST" && head.headers.count("content-type") != 0 && type.find("json") == std::string::npos)
      return ProblemResponse(415, "unsupported_media_type", "send the request body as application/json", "",
                             head.request_id);
    return std::nullopt;
  };
}

}  // namespace passerelle::http
