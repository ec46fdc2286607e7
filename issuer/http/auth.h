// Passerelle — bearer-token access control for the issuer's routes.
//
// Runs before a request's body is read. Tokens are checked against the
// store's SHA-256 hashes in constant time (IssuerStore::Authenticate);
// scopes: "issue", "status", and "admin", which covers both.
// Thread-safe.
#pragma once

#include <optional>

#include "issuer/http/handler.h"
#include "issuer/http/router.h"
#include "issuer/store/store.h"

namespace passerelle::http {

// Returns nothing when `route_access` lets the request through (setting
// *token for a token route), else the response to send: 401 with
// WWW-Authenticate for a missing or invalid token, 403 for a token without
// the scope.
std::optional<HttpResponse> CheckAccess(const Access& route_access, const HttpRequest& request,
                                        const store::IssuerStore& store, std::optional<store::TokenRecord>* token);

// True when `token` grants `scope`.
bool GrantsScope(const store::TokenRecord& token, std::string_view scope);

}  // namespace passerelle::http
