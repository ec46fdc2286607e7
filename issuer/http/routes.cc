// Passerelle — the whole HTTP surface of an issuer node.
#include "issuer/http/routes.h"

#include "issuer/http/auth.h"
#include "issuer/http/handlers.h"

namespace passerelle::http {

namespace {

// "did:web:host:a:b" -> "/a/b/did.json"; "" for a DID without a path.
std::string DidWebPathDocument(std::string_view did) {
  if (did.rfind("did:web:", 0) != 0) return {};
  std::string_view rest = did.substr(8);
  std::size_t colon = rest.find(':');
  if (colon == std::string_view::npos) return {};
  std::string path(rest.substr(colon));
  for (char& c : path)
    if (c == ':') c = '/';
  return path + "/did.json";
}

}  // namespace

void RegisterRoutes(Router& r, Node& n, std::string_view did) {
  auto h = [&n](HttpResponse (*f)(Node&, const HttpRequest&)) {
    return [&n, f](const HttpRequest& req) { return f(n, req); };
  };
  const std::string kPublic(kPublicRoute), kToken(kAnyToken), kIssue = "issue", kStatus = "status",
                    kForm(kPublicFormRoute);

  //          method  path                          handler                        who may call it
  r.Register("POST", "/credentials/issue",          h(HandleIssue),                kIssue);
  r.Register("POST", "/credentials/status",         h(HandleStatusChange),         kStatus);
  r.Register("POST", "/credentials/verify",         h(HandleVerifyCredential),     kToken);
  r.Register("POST", "/presentations/verify",       h(HandleVerifyPresentation),   kToken);
  r.Register("GET",  "/status-lists/:id",           h(HandleGetStatusList),        kPublic);
  r.Register("POST", "/status-lists/:id/publish",   h(HandlePublishStatusList),    kStatus);
  r.Register("GET",  "/.well-known/did.json",       h(HandleDidDocument),          kPublic);
  r.Register("GET",  "/healthz",                    h(HandleHealth),               kPublic);
  // Claiming (OID4VCI 1.0, docs/claiming.md): the access token of /credential is the offer's, checked there.
  r.Register("GET",  "/.well-known/openid-credential-issuer",   h(HandleCredentialIssuerMetadata),    kPublic);
  r.Register("GET",  "/.well-known/oauth-authorization-server", h(HandleAuthorizationServerMetadata), kPublic);
  r.Register("POST", "/token",                      h(HandleToken),                kForm);
  r.Register("POST", "/nonce",                      h(HandleNonce),                kPublic);
  r.Register("POST", "/credential",                 h(HandleCredential),           kPublic);
  if (std::string path = DidWebPathDocument(did); !path.empty())
    r.Register("GET", path,                         h(HandleDidDocument),          kPublic);
}

}  // namespace passerelle::http
