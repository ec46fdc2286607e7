// Passerelle — the verification report as JSON (verifier verify --json).
#include <nlohmann/json.hpp>

#include "formats/datetime.h"
#include "verifier/verifier.h"

namespace passerelle {

using nlohmann::json;

namespace {
json ChecksToJson(const std::vector<CheckResult>& checks) {
  json out = json::array();
  for (const auto& c : checks) out.push_back({{"check", c.check}, {"ok", c.ok}, {"detail", c.detail}});
  return out;
}
}  // namespace

json ReportToJson(const VerificationReport& r) {
  json errors = json::array();
  for (const auto& e : r.errors) {
    json err = {{"code", e.code}, {"message", e.message}};
    if (!e.path.empty()) err["path"] = e.path;
    errors.push_back(std::move(err));
  }
  json credentials = json::array();
  for (const auto& c : r.credentials) {
    credentials.push_back({{"id", c.id()},
                           {"issuer", c.issuer()},
                           {"type", c.types()},
                           {"verified", c.verified},
                           {"checks", ChecksToJson(c.checks)}});
  }
  json freshness = json::object();
  freshness["status"] = r.status_freshness ? json(FormatDateTime(*r.status_freshness)) : json(nullptr);
  freshness["trust"] = r.trust_freshness ? json(FormatDateTime(*r.trust_freshness)) : json(nullptr);
  return {{"verified", r.verified},
          {"kind", r.kind},
          {"checks", ChecksToJson(r.checks)},
          {"errors", errors},
          {"warnings", r.warnings},
          {"hints", r.hints},
          {"credentials", credentials},
          {"freshness", freshness}};
}

}  // namespace passerelle
