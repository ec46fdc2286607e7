// Passerelle — POST /credentials/verify and /presentations/verify (VC-API)
// on an issuer node: the verifier's one VC-API handler
// (verifier/http/vc_api_verify.h) with this node's options. Issuer trust is
// the relying party's decision, not this endpoint's: the "issuer" check is
// left out (with a warning). The node's own DID document resolves its keys;
// status is checked when options.checks asks for "credentialStatus" or names
// no checks, against this node's own current lists.
#include <nlohmann/json.hpp>

#include "formats/json.h"
#include "formats/status_list.h"
#include "formats/vc_model.h"
#include "issuer/http/handlers.h"
#include "verifier/http/vc_api_verify.h"

namespace passerelle::http {

using nlohmann::json;

namespace {

void CollectIssuersAndStatus(const json& doc, std::vector<std::string>* issuers, std::vector<std::string>* lists) {
  if (!doc.is_object()) return;
  if (HasType(doc, "VerifiablePresentation")) {
    const json* vcs = FindMember(doc, "verifiableCredential");
    if (vcs == nullptr) return;
    if (vcs->is_array())
      for (const auto& vc : *vcs) CollectIssuersAndStatus(vc, issuers, lists);
    else
      CollectIssuersAndStatus(*vcs, issuers, lists);
    return;
  }
  if (auto issuer = CredentialIssuerId(doc); issuer.ok()) issuers->push_back(*issuer);
  if (auto entries = StatusEntriesOf(doc); entries.ok())
    for (const auto& e : *entries) lists->push_back(e.list_credential);
}

// Puts the node's current signed lists that `doc` refers to into the verify
// cache, so the status check reads what GET /status-lists/:id serves.
void RefreshOwnLists(Node& node, const std::vector<std::string>& urls) {
  if (node.verify_cache == nullptr) return;
  std::string prefix = node.issuer->public_url() + "/status-lists/";
  for (const auto& url : urls) {
    if (url.rfind(prefix, 0) != 0) continue;
    auto list = node.issuer->StatusList(url.substr(prefix.size()));
    if (!list.ok()) continue;
    auto parsed = ParseJson(list->json, JsonLimits{4u << 20, 32});
    if (parsed.ok()) (void)node.verify_cache->Store(url, *parsed, list->signed_at);
  }
}

HttpResponse Verify(Node& node, const HttpRequest& request, bool presentation) {
  verifier_http::VcApiVerifyOptions options;
  options.limits = JsonLimits{node.options.max_body_bytes, 64};
  options.evaluate_issuer_trust = false;
  options.prepare = [&node](const json& document, bool check_status, VerifyOptions* verify) {
    verify->resolver.Add(node.issuer->folder().Document());
    std::vector<std::string> lists;
    CollectIssuersAndStatus(document, &verify->trusted_issuers, &lists);
    if (!check_status) return;
    RefreshOwnLists(node, lists);
    verify->status_cache = node.verify_cache;
  };
  return verifier_http::HandleVcApiVerify(request, presentation, options);
}

}  // namespace

HttpResponse HandleVerifyCredential(Node& node, const HttpRequest& request) {
  return Verify(node, request, false);
}

HttpResponse HandleVerifyPresentation(Node& node, const HttpRequest& request) {
  return Verify(node, request, true);
}

}  // namespace passerelle::http
