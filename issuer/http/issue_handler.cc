// Passerelle — POST /credentials/issue.
#include <nlohmann/json.hpp>

#include "formats/json.h"
#include "issuer/http/credential_input.h"
#include "issuer/http/handlers.h"
#include "http/problem.h"

namespace passerelle::http {

HttpResponse HandleIssue(Node& node, const HttpRequest& request) {
  auto body = ParseBody(node, request);
  if (!body.ok()) return ProblemResponse(body.status(), "", request.request_id);
  auto input = ParseIssueRequest(*body, node.options.default_suite);
  if (!input.ok()) return ProblemResponse(input.status(), "", request.request_id);

  Timestamp now = Now();
  now.nanos = 0;
  CompleteCredential(input->credential, node.issuer->folder().did, now);
  IssueRequest issue;
  issue.with_status = WantsStatusEntries(*input);
  issue.credential = std::move(input->credential);
  issue.suite = input->suite;
  issue.actor = request.principal.empty() ? "anonymous" : "token:" + request.principal;
  IssueStep step = IssueStep::kPrepare;
  auto issued = node.issuer->Issue(std::move(issue), &step);
  if (issued.ok()) return JsonResponse(201, {{"verifiableCredential", std::move(*issued)}});
  const Status& refused = issued.status();
  if (refused.code() == Code::kAlreadyExists)
    return ProblemResponse(409, "already_exists", "/credential/id: " + refused.message(), "/credential/id",
                           request.request_id);
  if (step == IssueStep::kPrepare) return ProblemResponse(refused, "/credential", request.request_id);
  if (refused.code() == Code::kResourceExhausted)
    return ProblemResponse(507, "resource_exhausted", "the issuer's store is full; nothing was issued", "",
                           request.request_id);
  return ProblemResponse(refused, "", request.request_id);
}

}  // namespace passerelle::http
