// Passerelle — VC-API verify: the request parser, the checks the caller did
// not ask for left out of the verdict, and the response.
#include "verifier/http/vc_api_verify.h"

#include <algorithm>
#include <cctype>

#include "http/problem.h"

namespace passerelle::verifier_http {

using nlohmann::json;

namespace {

bool AllOk(const std::vector<CheckResult>& checks) {
  return std::all_of(checks.begin(), checks.end(), [](const CheckResult& c) { return c.ok; });
}

// Leaves out the issuer check (when trust is not this endpoint's to judge)
// and the status check (when options.checks did not ask for it), and what
// they reported, then decides the verdict again.
void LeaveOut(VerificationReport& r, bool issuer, bool status) {
  if (!issuer && !status) return;
  auto dropped = [&](const CheckResult& c) { return (issuer && c.check == "issuer") || (status && c.check == "status"); };
  auto drop = [&](std::vector<CheckResult>& checks) { checks.erase(std::remove_if(checks.begin(), checks.end(), dropped), checks.end()); };
  drop(r.checks);
  bool credentials_ok = true;
  for (auto& c : r.credentials) {
    drop(c.checks);
    c.verified = AllOk(c.checks);
    credentials_ok = credentials_ok && c.verified;
  }
  r.errors.erase(std::remove_if(r.errors.begin(), r.errors.end(),
                                [&](const ReportError& e) {
                                  return (issuer && e.code == CodeName(Code::kUntrustedIssuer)) ||
                                         (status && e.path.find("/credentialStatus") != std::string::npos);
                                }),
                 r.errors.end());
  if (!r.malformed_input) r.verified = AllOk(r.checks) && credentials_ok && !r.checks.empty();
  if (issuer) {
    r.hints.clear();
    r.warnings.push_back("issuer trust was not evaluated: whether to trust the issuer is the relying party's decision");
  }
}

}  // namespace

Result<VcApiVerifyRequest> ParseVcApiVerifyRequest(std::string_view body, bool presentation, const JsonLimits& limits) {
  if (body.empty()) return Status::Malformed("the request body is empty: send a JSON object");
  auto parsed = ParseJson(body, limits);
  if (!parsed.ok()) return parsed.status().Annotate("request body");
  if (!parsed->is_object()) return Status::Malformed("/: the request body must be a JSON object");
  const std::string member = presentation ? "verifiablePresentation" : "verifiableCredential";
  const json* doc = FindMember(*parsed, member);
  if (doc == nullptr) return Status::Malformed("/" + member + ": missing");
  if (!doc->is_object()) return Status::Malformed("/" + member + ": must be a JSON object");
  VcApiVerifyRequest in;
  in.document = *doc;
  const json* options = FindMember(*parsed, "options");
  if (options == nullptr || options->is_null()) return in;
  if (!options->is_object()) return Status::Malformed("/options: must be a JSON object");
  if (const json* checks = FindMember(*options, "checks")) {
    if (!checks->is_array()) return Status::Malformed("/options/checks: must be an array of strings");
    in.check_status =
        checks->empty() || std::find(checks->begin(), checks->end(), json("credentialStatus")) != checks->end();
  }
  if (const json* binding = FindMember(*options, "holderBinding")) {
    if (!binding->is_boolean()) return Status::Malformed("/options/holderBinding: must be true or false");
    in.holder_binding = binding->get<bool>();
  }
  for (const char* name : {"challenge", "domain"}) {
    const json* v = FindMember(*options, name);
    if (v == nullptr) continue;
    if (!v->is_string()) return Status::Malformed("/options/" + std::string(name) + ": must be a string");
    (std::string(name) == "challenge" ? in.challenge : in.domain) = v->get<std::string>();
  }
  return in;
}

http::HttpResponse HandleVcApiVerify(const http::HttpRequest& request, bool presentation,
                                     const VcApiVerifyOptions& options) {
  std::string type = request.Header("content-type");
  for (char& c : type) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (request.headers.count("content-type") != 0 && type.find("json") == std::string::npos)
    return http::ProblemResponse(415, "unsupported_media_type", "send the request body as application/json", "",
                                 request.request_id);
  auto input = ParseVcApiVerifyRequest(request.body, presentation, options.limits);
  if (!input.ok()) return http::ProblemResponse(input.status(), "", request.request_id);
  VerifyOptions verify = options.verify;
  verify.now = Now();
  verify.challenge = input->challenge;
  verify.domain = input->domain;
  verify.require_holder_binding = input->holder_binding;
  if (!input->check_status) verify.status_cache = nullptr;
  if (options.prepare) options.prepare(input->document, input->check_status, &verify);
  VerificationReport report = VerifyDocument(input->document, verify);
  LeaveOut(report, !options.evaluate_issuer_trust, !input->check_status);
  json body = ReportToJson(report);
  if (!options.evaluate_issuer_trust) body.erase("hints");
  http::HttpResponse r;
  r.status = report.malformed_input ? 400 : report.verified ? 200 : 422;
  r.body = DumpJson(body);
  r.headers["Cache-Control"] = "no-store";
  return r;
}

}  // namespace passerelle::verifier_http
