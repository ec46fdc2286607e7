// Passerelle — bearer tokens and scopes.
#include "issuer/http/auth.h"

#include <algorithm>

#include "issuer/http/problem.h"

namespace passerelle::http {

bool GrantsScope(const store::TokenRecord& token, std::string_view scope) {
  return std::any_of(token.scopes.begin(), token.scopes.end(),
                     [&](const std::string& s) { return scope == "*" || s == scope || s == "admin"; });
}

std::optional<HttpResponse> CheckAccess(const Access& access, const HttpRequest& request,
                                        const store::IssuerStore& store, std::optional<store::TokenRecord>* token) {
  if (access.is_public()) return std::nullopt;
  std::string header = request.Header("authorization");
  constexpr std::string_view kBearer = "Bearer ";
  auto unauthorized = [&](const std::string& detail) {
    HttpResponse r = ProblemResponse(401, "unauthenticated", detail, "", request.request_id);
    r.headers["WWW-Authenticate"] = "Bearer realm=\"passerelle-issuer\"";
    return r;
  };
  if (header.empty())
    return unauthorized("this route needs a bearer token" +
                        (access.scope == "*" ? std::string() : " with scope \"" + access.scope + "\"") +
                        " (Authorization: Bearer psl_…; create one with: issuer token create)");
  if (header.size() <= kBearer.size() || header.compare(0, kBearer.size(), kBearer) != 0)
    return unauthorized("the Authorization header must be \"Bearer TOKEN\"");
  auto record = store.Authenticate(std::string_view(header).substr(kBearer.size()));
  if (!record.ok()) return unauthorized("the bearer token is not valid");
  if (!GrantsScope(*record, access.scope)) {
    HttpResponse r = ProblemResponse(403, "permission_denied",
                                     "token " + record->id + " lacks scope \"" + access.scope + "\"", "",
                                     request.request_id);
    r.headers["WWW-Authenticate"] = "Bearer realm=\"passerelle-issuer\", error=\"insufficient_scope\", scope=\"" +
                                    access.scope + "\"";
    return r;
  }
  *token = std::move(*record);
  return std::nullopt;
}

}  // namespace passerelle::http
