// Passerelle — the whole HTTP surface of an issuer node.
#include "issuer/http/routes.h"

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
  const Access kPublic = Access::Public(), kAnyToken = Access::AnyToken(), kIssue = Access::Scope("issue"),
               kStatus = Access::Scope("status");

  //     method  path                          who may call it   handler
  r.Post("/credentials/issue",          kIssue,           h(HandleIssue));
  r.Post("/credentials/status",         kStatus,          h(HandleStatusChange));
  r.Post("/credentials/verify",         kAnyToken,        h(HandleVerifyCredential));
  r.Post("/presentations/verify",       kAnyToken,        h(HandleVerifyPresentation));
  r.Get ("/status-lists/:id",           kPublic,          h(HandleGetStatusList));
  r.Post("/status-lists/:id/publish",   kStatus,          h(HandlePublishStatusList));
  r.Get ("/.well-known/did.json",       kPublic,          h(HandleDidDocument));
  r.Get ("/healthz",                    kPublic,          h(HandleHealth));
  if (std::string path = DidWebPathDocument(did); !path.empty())
    r.Get(path,                         kPublic,          h(HandleDidDocument));
}

}  // namespace passerelle::http
