// Passerelle — the issuer node's HTTP handlers (routes.cc maps them).
//
// Each takes the shared Node and a request whose route already matched and
// whose bearer token (when the route needs one) was already checked by the
// server, and returns a response; none throws (errors are problem+json).
// Thread-safe.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "http/message.h"
#include "issuer/http/node.h"

namespace passerelle::http {

// POST /credentials/issue {"credential", "options"} -> 201 {"verifiableCredential"}
HttpResponse HandleIssue(Node& node, const HttpRequest& request);
// POST /credentials/status {"credentialId", "credentialStatus": [{"type", "status"}]}
HttpResponse HandleStatusChange(Node& node, const HttpRequest& request);
// GET /status-lists/:id -> the signed BitstringStatusListCredential
HttpResponse HandleGetStatusList(Node& node, const HttpRequest& request);
// POST /status-lists/:id/publish -> 204 (signs the list again now)
HttpResponse HandlePublishStatusList(Node& node, const HttpRequest& request);
// POST /credentials/verify, POST /presentations/verify -> 200 / 422 / 400
HttpResponse HandleVerifyCredential(Node& node, const HttpRequest& request);
HttpResponse HandleVerifyPresentation(Node& node, const HttpRequest& request);
// GET /.well-known/did.json (and /PATH/did.json for did:web:HOST:PATH)
HttpResponse HandleDidDocument(Node& node, const HttpRequest& request);
// GET /healthz
HttpResponse HandleHealth(Node& node, const HttpRequest& request);

// OID4VCI 1.0 (oid4vci_handlers.cc; docs/claiming.md). Errors are OAuth
// error objects {"error", "error_description"}, not problem+json.
// GET /.well-known/openid-credential-issuer, /.well-known/oauth-authorization-server
HttpResponse HandleCredentialIssuerMetadata(Node& node, const HttpRequest& request);
HttpResponse HandleAuthorizationServerMetadata(Node& node, const HttpRequest& request);
// POST /token (form: grant_type, pre-authorized_code, tx_code) -> {access_token, token_type, expires_in}
HttpResponse HandleToken(Node& node, const HttpRequest& request);
// POST /nonce -> {c_nonce}
HttpResponse HandleNonce(Node& node, const HttpRequest& request);
// POST /credential (Bearer access token; key proof) -> {credentials: [{credential}]}
HttpResponse HandleCredential(Node& node, const HttpRequest& request);
// An application/x-www-form-urlencoded body. Errors: kMalformed (bad
// escape, a repeated parameter, more than 16).
Result<std::map<std::string, std::string>> ParseFormBody(std::string_view body);

// Reads a JSON request body with the node's limits. Errors: kMalformed
// ("at byte N: …"), kResourceExhausted.
Result<nlohmann::json> ParseBody(const Node& node, const HttpRequest& request);
// A JSON response.
HttpResponse JsonResponse(int status, const nlohmann::json& body);

}  // namespace passerelle::http
