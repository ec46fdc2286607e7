// Passerelle — bearer-token access control for the issuer's routes, and the
// pre-route hook `issuer serve` gives the shared server (http/server.h).
//
// Runs before a request's body is read. Tokens are checked against the
// store's SHA-256 hashes in constant time (IssuerStore::Authenticate);
// scopes: "issue", "status", and "admin", which covers both.
// Thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "http/message.h"
#include "http/server.h"
#include "issuer/store/store.h"

namespace passerelle::http {

// Route guards (http::Route::guard) of the issuer: anyone, any valid token;
// any other guard is the scope a token needs ("issue", "status").
inline constexpr std::string_view kPublicRoute = "";
inline constexpr std::string_view kAnyToken = "*";
// Public too, and its POST body is a form (the OAuth token endpoint), not JSON.
inline constexpr std::string_view kPublicFormRoute = "form";

// Returns nothing when `guard` lets the request through (setting *token_id
// for a token route), else the response to send: 401 with WWW-Authenticate
// for a missing or invalid token, 403 for a token without the scope.
std::optional<HttpResponse> CheckAccess(std::string_view guard, const HttpRequest& request,
                                        const store::IssuerStore& store, std::string* token_id);

// True when `token` grants `scope` ("*": any scope).
bool GrantsScope(const store::TokenRecord& token, std::string_view scope);

// The hook `issuer serve` runs before a body is read: CheckAccess, then 415
// for a POST whose Content-Type is given and is not JSON. The principal is
// the token id. `store` must outlive the hook.
PreRouteHook AccessHook(const store::IssuerStore& store);

}  // namespace passerelle::http
