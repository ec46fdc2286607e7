// Passerelle — VC-API issue input.
#include "issuer/http/credential_input.h"

#include "formats/json.h"
#include "formats/vc_model.h"
#include "issuer/programme.h"

namespace passerelle::http {

using nlohmann::json;

Result<IssueInput> ParseIssueRequest(const json& body, Cryptosuite default_suite) {
  if (!body.is_object()) return Status::Malformed("/: the request body must be a JSON object");
  const json* credential = FindMember(body, "credential");
  if (credential == nullptr) return Status::Malformed("/credential: missing: send {\"credential\": {...}}");
  if (!credential->is_object()) return Status::Malformed("/credential: must be a JSON object");
  IssueInput in;
  in.credential = *credential;
  in.suite = default_suite;
  if (const json* options = FindMember(body, "options"); options != nullptr && !options->is_null()) {
    if (!options->is_object()) return Status::Malformed("/options: must be a JSON object");
    if (const json* type = FindMember(*options, "type")) {
      if (!type->is_string() || *type != "DataIntegrityProof")
        return Status::Unsupported("/options/type: only DataIntegrityProof is issued");
    }
    if (const json* suite = FindMember(*options, "cryptosuite")) {
      if (!suite->is_string()) return Status::Malformed("/options/cryptosuite: must be a string");
      auto parsed = ParseCryptosuite(suite->get<std::string>());
      if (!parsed.ok()) return parsed.status().Annotate("/options/cryptosuite");
      in.suite = *parsed;
    }
    if (const json* status = FindMember(*options, "credentialStatus"); status != nullptr && !status->is_null()) {
      const json* type = status->is_object() ? FindMember(*status, "type") : nullptr;
      if (type == nullptr || !type->is_string())
        return Status::Malformed("/options/credentialStatus: expected {\"type\": \"BitstringStatusListEntry\"}");
      if (*type != "BitstringStatusListEntry")
        return Status::Unsupported("/options/credentialStatus/type: this node publishes BitstringStatusListEntry only");
      in.status_requested = true;
    }
  }
  return in;
}

bool WantsStatusEntries(const IssueInput& input) {
  auto version = DetectVcVersion(input.credential);
  return input.status_requested || !version.ok() || *version == VcVersion::kV2_0;
}

void CompleteCredential(json& credential, const std::string& did, Timestamp now) {
  if (!credential.is_object()) return;
  if (FindMember(credential, "issuer") == nullptr) credential["issuer"] = did;
  if (FindMember(credential, "id") == nullptr) credential["id"] = NewCredentialId();
  auto version = DetectVcVersion(credential);
  if (!version.ok()) return;  // the data model check names the problem
  if (*version == VcVersion::kV2_0) {
    if (FindMember(credential, "validFrom") == nullptr) credential["validFrom"] = FormatDateTime(now);
    return;
  }
  if (FindMember(credential, "issuanceDate") == nullptr) credential["issuanceDate"] = FormatDateTime(now);
  json& ctx = credential["@context"];
  if (!ctx.is_array()) ctx = json::array({ctx});
  for (const auto& c : ctx)
    if (c.is_string() && c == kDataIntegrityContextV2) return;
  ctx.push_back(std::string(kDataIntegrityContextV2));
}

}  // namespace passerelle::http
