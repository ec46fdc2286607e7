// Passerelle — status routes: POST /credentials/status, GET and publish
// /status-lists/:id.
#include <nlohmann/json.hpp>

#include "formats/json.h"
#include "issuer/http/handlers.h"
#include "http/problem.h"
#include "issuer/status/status_entries.h"

namespace passerelle::http {

using nlohmann::json;

namespace {

// What one credentialStatus item of the request asks for.
struct Wanted {
  CredentialState state;
  bool to_active = false;  // "active": clear suspension, refuse when revoked
};

Result<Wanted> ParseWanted(const json& item, const std::string& at) {
  if (!item.is_object()) return Status::Malformed(at + ": must be an object");
  if (const json* type = FindMember(item, "type"); type != nullptr && *type != "BitstringStatusListEntry")
    return Status::Unsupported(at + "/type: only BitstringStatusListEntry is supported");
  if (const json* status = FindMember(item, "status")) {
    if (*status == "revoked") return Wanted{CredentialState::kRevoked};
    if (*status == "suspended") return Wanted{CredentialState::kSuspended};
    if (*status == "active") return Wanted{CredentialState::kActive, true};
    return Status::Malformed(at + "/status: expected \"revoked\", \"suspended\" or \"active\"");
  }
  if (const json* purpose = FindMember(item, "statusPurpose")) {
    if (*purpose == "revocation") return Wanted{CredentialState::kRevoked};
    if (*purpose == "suspension") return Wanted{CredentialState::kSuspended};
    return Status::Malformed(at + "/statusPurpose: expected \"revocation\" or \"suspension\"");
  }
  return Status::Malformed(at + ": missing \"status\" (revoked, suspended or active)");
}

const char* StateName(const store::CredentialRecord& r) {
  return r.revoked ? "revoked" : (r.suspended ? "suspended" : "active");
}

bool ValidListId(std::string_view id) {
  if (id.empty() || id.size() > 64) return false;
  for (char c : id)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  return true;
}

}  // namespace

HttpResponse HandleStatusChange(Node& node, const HttpRequest& request) {
  auto body = ParseBody(node, request);
  if (!body.ok()) return ProblemResponse(body.status(), "", request.request_id);
  if (!body->is_object()) return ProblemResponse(Status::Malformed("/: the request body must be a JSON object"));
  auto id = GetString(*body, "credentialId", "");
  if (!id.ok()) return ProblemResponse(id.status(), "", request.request_id);
  const json* items = FindMember(*body, "credentialStatus");
  if (items == nullptr)
    return ProblemResponse(Status::Malformed("/credentialStatus: missing: say what the status becomes"), "",
                           request.request_id);
  const OneOrMany list(*items);
  if (list.size() == 0) return ProblemResponse(Status::Malformed("/credentialStatus: empty"), "", request.request_id);
  std::vector<Wanted> wanted;
  for (std::size_t i = 0; i < list.size(); ++i) {
    auto w = ParseWanted(list[i], items->is_array() ? "/credentialStatus/" + std::to_string(i) : "/credentialStatus");
    if (!w.ok()) return ProblemResponse(w.status(), "", request.request_id);
    wanted.push_back(*w);
  }
  auto record = node.issuer->FindCredential(*id);
  if (!record.ok()) return ProblemResponse(record.status().Annotate("/credentialId"), "", request.request_id);
  std::string actor = request.principal.empty() ? "anonymous" : "token:" + request.principal;
  bool changed = false;
  store::CredentialRecord latest = *record;
  for (const auto& w : wanted) {
    if (w.to_active && latest.revoked)
      return ProblemResponse(409, "revoked", "/credentialId: \"" + *id + "\" is revoked; revocation is permanent",
                             "/credentialId", request.request_id);
    auto outcome = node.issuer->SetStatus(*id, w.state, actor);
    if (!outcome.ok()) return ProblemResponse(outcome.status().Annotate("/credentialId"), "", request.request_id);
    changed = changed || outcome->changed;
    latest = outcome->record;
  }
  json lists = json::array();
  for (const auto& slot : latest.status) lists.push_back(StatusListUrl(node.issuer->public_url(), slot.list_id));
  return JsonResponse(200, {{"credentialId", *id}, {"status", StateName(latest)}, {"changed", changed},
                            {"statusListCredential", lists}});
}

HttpResponse HandleGetStatusList(Node& node, const HttpRequest& request) {
  auto it = request.params.find("id");
  std::string id = it == request.params.end() ? std::string() : it->second;
  if (!ValidListId(id)) return ProblemResponse(404, "not_found", "no such status list", "", request.request_id);
  auto list = node.issuer->StatusList(id);
  if (!list.ok()) return ProblemResponse(list.status(), "", request.request_id);
  HttpResponse r;
  r.status = 200;
  r.body = list->json;
  r.headers["Cache-Control"] = "public, max-age=60";
  r.headers["ETag"] = "\"" + id + "-" + std::to_string(list->version) + "-" + std::to_string(list->signed_at.seconds) + "\"";
  return r;
}

HttpResponse HandlePublishStatusList(Node& node, const HttpRequest& request) {
  auto it = request.params.find("id");
  std::string id = it == request.params.end() ? std::string() : it->second;
  if (!ValidListId(id)) return ProblemResponse(404, "not_found", "no such status list", "", request.request_id);
  auto list = node.issuer->PublishStatusList(id);
  if (!list.ok()) return ProblemResponse(list.status(), "", request.request_id);
  HttpResponse r;
  r.status = 204;
  r.content_type.clear();
  return r;
}

}  // namespace passerelle::http
