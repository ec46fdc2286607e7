// Passerelle — public routes: the DID document and health.
#include <nlohmann/json.hpp>

#include "formats/json.h"
#include "issuer/http/handlers.h"
#include "http/problem.h"
#include "keys/did_document.h"

namespace passerelle::http {

HttpResponse HandleDidDocument(Node& node, const HttpRequest& request) {
  HttpResponse r = JsonResponse(200, node.issuer->DidDocumentJson());
  r.content_type = "application/did+json";
  r.headers["Cache-Control"] = "public, max-age=300";
  return r;
}

HttpResponse HandleHealth(Node& node, const HttpRequest& request) {
  auto count = node.issuer->store()->CountCredentials();
  if (!count.ok()) {
    HttpResponse r = ProblemResponse(503, "io_error", "the store cannot be read", "", request.request_id);
    r.internal_error = count.status().ToString();
    return r;
  }
  return JsonResponse(200, {{"status", "ok"}, {"did", node.issuer->folder().did}});
}

}  // namespace passerelle::http
