// Passerelle — POST /credentials/verify and /presentations/verify (VC-API).
//
// Both run verifier::VerifyDocument, the pipeline `verifier verify` runs, and
// answer 200 when the document verified, 422 when it did not and 400 when it
// could not be read — the W3C suites check only these codes. Issuer trust is
// the relying party's decision, not this endpoint's: the "issuer" check is
// left out (with a warning). Status is checked when options.checks asks for
// "credentialStatus" or names no checks, against this node's own lists.
#include <algorithm>

#include <nlohmann/json.hpp>

#include "formats/json.h"
#include "formats/status_list.h"
#include "formats/vc_model.h"
#include "issuer/http/handlers.h"
#include "issuer/http/problem.h"
#include "verifier/verifier.h"

namespace passerelle::http {

using nlohmann::json;

namespace {

struct VerifyInput {
  json document;
  VerifyOptions options;
  bool check_status = true;
};

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
  std::string prefix = node.options.public_base_url + "/status-lists/";
  for (const auto& url : urls) {
    if (url.rfind(prefix, 0) != 0) continue;
    auto list = node.publisher->Get(url.substr(prefix.size()));
    if (!list.ok()) continue;
    auto parsed = ParseJson(list->json, JsonLimits{4u << 20, 32});
    if (parsed.ok()) (void)node.verify_cache->Store(url, *parsed, list->signed_at);
  }
}

Result<VerifyInput> ReadInput(Node& node, const HttpRequest& request, const char* member) {
  PSL_ASSIGN_OR_RETURN(json body, ParseBody(node, request));
  if (!body.is_object()) return Status::Malformed("/: the request body must be a JSON object");
  const json* doc = FindMember(body, member);
  if (doc == nullptr) return Status::Malformed("/" + std::string(member) + ": missing");
  if (!doc->is_object()) return Status::Malformed("/" + std::string(member) + ": must be a JSON object");
  VerifyInput in;
  in.document = *doc;
  if (const json* options = FindMember(body, "options"); options != nullptr && !options->is_null()) {
    if (!options->is_object()) return Status::Malformed("/options: must be a JSON object");
    if (const json* checks = FindMember(*options, "checks")) {
      if (!checks->is_array()) return Status::Malformed("/options/checks: must be an array of strings");
      in.check_status = checks->empty() ||
                        std::find(checks->begin(), checks->end(), json("credentialStatus")) != checks->end();
    }
    for (const char* name : {"challenge", "domain"}) {
      const json* v = FindMember(*options, name);
      if (v == nullptr) continue;
      if (!v->is_string()) return Status::Malformed("/options/" + std::string(name) + ": must be a string");
      (std::string(name) == "challenge" ? in.options.challenge : in.options.domain) = v->get<std::string>();
    }
  }
  auto snapshot = node.signer->Current();
  in.options.resolver.Add(snapshot->issuer.Document());
  std::vector<std::string> lists;
  CollectIssuersAndStatus(in.document, &in.options.trusted_issuers, &lists);
  if (in.check_status) {
    RefreshOwnLists(node, lists);
    in.options.status_cache = node.verify_cache;
  }
  return in;
}

bool Dropped(const CheckResult& c, bool check_status) {
  return c.check == "issuer" || (c.check == "status" && !check_status);
}

void Filter(VerificationReport& r, bool check_status) {
  auto drop = [&](std::vector<CheckResult>& checks) {
    checks.erase(std::remove_if(checks.begin(), checks.end(), [&](const CheckResult& c) { return Dropped(c, check_status); }),
                 checks.end());
  };
  auto all_ok = [](const std::vector<CheckResult>& checks) {
    return std::all_of(checks.begin(), checks.end(), [](const CheckResult& c) { return c.ok; });
  };
  drop(r.checks);
  bool credentials_ok = true;
  for (auto& c : r.credentials) {
    drop(c.checks);
    c.verified = all_ok(c.checks);
    credentials_ok = credentials_ok && c.verified;
  }
  r.errors.erase(std::remove_if(r.errors.begin(), r.errors.end(),
                                [&](const ReportError& e) {
                                  return e.code == CodeName(Code::kUntrustedIssuer) ||
                                         (!check_status && e.path.find("/credentialStatus") != std::string::npos);
                                }),
                 r.errors.end());
  r.hints.clear();
  if (!r.malformed_input) r.verified = all_ok(r.checks) && credentials_ok && !r.checks.empty();
  r.warnings.push_back("issuer trust was not evaluated: whether to trust the issuer is the relying party's decision");
}

HttpResponse Verify(Node& node, const HttpRequest& request, const char* member) {
  auto input = ReadInput(node, request, member);
  if (!input.ok()) return ProblemResponse(input.status(), "", request.request_id);
  VerificationReport report = VerifyDocument(input->document, input->options);
  Filter(report, input->check_status);
  json body = ReportToJson(report);
  body.erase("hints");
  int status = report.verified ? 200 : (report.malformed_input ? 400 : 422);
  return JsonResponse(status, body);
}

}  // namespace

HttpResponse HandleVerifyCredential(Node& node, const HttpRequest& request) {
  return Verify(node, request, "verifiableCredential");
}

HttpResponse HandleVerifyPresentation(Node& node, const HttpRequest& request) {
  return Verify(node, request, "verifiablePresentation");
}

}  // namespace passerelle::http
