// Passerelle — POST /credentials/issue.
#include <nlohmann/json.hpp>

#include "formats/json.h"
#include "issuer/http/credential_input.h"
#include "issuer/http/handlers.h"
#include "http/problem.h"
#include "issuer/service/issuance.h"

namespace passerelle::http {

HttpResponse HandleIssue(Node& node, const HttpRequest& request) {
  auto body = ParseBody(node, request);
  if (!body.ok()) return ProblemResponse(body.status(), "", request.request_id);
  auto input = ParseIssueRequest(*body, node.options.default_suite);
  if (!input.ok()) return ProblemResponse(input.status(), "", request.request_id);

  auto snapshot = node.signer->Current();
  Timestamp now = Now();
  now.nanos = 0;
  CompleteCredential(input->credential, snapshot->issuer.did, now);
  // Refuse a known id before spending status indexes on it.
  if (const nlohmann::json* id = FindMember(input->credential, "id"); id != nullptr && id->is_string()) {
    auto known = node.store->FindCredential(id->get<std::string>());
    if (known.ok())
      return ProblemResponse(409, "already_exists",
                             "/credential/id: \"" + id->get<std::string>() + "\" was already issued; "
                             "a credential id names one credential",
                             "/credential/id", request.request_id);
  }
  IssueRequest issue;
  issue.credential = std::move(input->credential);
  issue.suite = input->suite;
  issue.actor = request.principal.empty() ? "anonymous" : "token:" + request.principal;
  auto signed_issuance = SignForIssuance(IssuanceContext{node.signer, node.slots, node.options.public_base_url},
                                         std::move(issue));
  if (!signed_issuance.ok()) return ProblemResponse(signed_issuance.status(), "/credential", request.request_id);

  Status committed = node.committer->Commit((*signed_issuance)->pending);
  if (committed.code() == Code::kAlreadyExists)
    return ProblemResponse(409, "already_exists", "/credential/id: " + committed.message(), "/credential/id",
                           request.request_id);
  if (committed.code() == Code::kResourceExhausted)
    return ProblemResponse(507, "resource_exhausted", "the issuer's store is full; nothing was issued", "",
                           request.request_id);
  if (!committed.ok()) return ProblemResponse(committed, "", request.request_id);
  return JsonResponse(201, {{"verifiableCredential", std::move((*signed_issuance)->credential)}});
}

}  // namespace passerelle::http
