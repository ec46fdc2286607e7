// Passerelle — JSON request bodies and responses.
#include <nlohmann/json.hpp>

#include "formats/json.h"
#include "issuer/http/handlers.h"

namespace passerelle::http {

Result<nlohmann::json> ParseBody(const Node& node, const HttpRequest& request) {
  if (request.body.empty()) return Status::Malformed("the request body is empty: send a JSON object");
  auto parsed = ParseJson(request.body, JsonLimits{node.options.max_body_bytes, 64});
  if (!parsed.ok()) return parsed.status().Annotate("request body");
  return parsed;
}

HttpResponse JsonResponse(int status, const nlohmann::json& body) {
  HttpResponse r;
  r.status = status;
  r.body = DumpJson(body);
  return r;
}

}  // namespace passerelle::http
