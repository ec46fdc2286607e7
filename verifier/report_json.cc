// Passerelle — the verification report as JSON (verifier verify --json).
#include <algorithm>
#include <cstdint>

#include <nlohmann/json.hpp>

#include "formats/datetime.h"
#include "verifier/double_diploma.h"
#include "verifier/verifier.h"

namespace passerelle {

using nlohmann::json;

namespace {
json ChecksToJson(const std::vector<CheckResult>& checks) {
  json out = json::array();
  for (const auto& c : checks) out.push_back({{"check", c.check}, {"ok", c.ok}, {"detail", c.detail}});
  return out;
}

// The claims a person reads first, from the typed credential. They are
// vouched for only where `verified` (and `outcome`) say so.
void AddClaims(const VerificationReport& r, const CredentialVerdict& c, json& out) {
  const Credential& vc = c.credential;
  const Party& issuer = vc.issuer();
  out["outcome"] = OutcomeName(OutcomeOf(r, c));
  out["awardingBody"] = {{"id", issuer.id},
                         {"name", LanguageMapToJson(issuer.name)},
                         {"country", issuer.country.empty() ? json(nullptr) : json(issuer.country)}};
  out["accreditedBy"] = c.accredited_by.empty() ? json(nullptr) : json(c.accredited_by);
  const Achievement* a = vc.achievement();
  if (a == nullptr) return;
  out["kind"] = a->kind ? json(CredentialKindName(*a->kind)) : json(nullptr);
  // A joint award: every awarding body it names (the issuer first).
  if (a->awarding_bodies.size() > 1) out["awardingBodies"] = a->awarding_bodies;
  if (auto pairing = PairingOf(vc))
    out["doubleDiploma"] = {{"agreement", pairing->agreement}, {"pairedWith", pairing->paired_with}};
  out["holderName"] = a->holder_name.empty() ? json(nullptr) : json(a->holder_name);
  out["title"] = LanguageMapToJson(a->title);
  out["grade"] = a->grade ? json{{"value", a->grade->value}, {"scale", a->grade->scheme}} : json(nullptr);
  // Whole credits print as integers ("6", not "6.0").
  if (a->ects && *a->ects == static_cast<double>(static_cast<std::int64_t>(*a->ects)))
    out["ects"] = static_cast<std::int64_t>(*a->ects);
  else
    out["ects"] = a->ects ? json(*a->ects) : json(nullptr);
  out["eqfLevel"] = a->eqf_level > 0 ? json(a->eqf_level) : json(nullptr);
  out["nqfLevel"] = a->nqf_level.empty() ? json(nullptr) : json(a->nqf_level);
  out["obtainedBy"] = ObtainedByName(a->obtained_by);
  out["awardedOn"] = a->awarded_on ? json(FormatDateTime(*a->awarded_on)) : json(nullptr);
}

}  // namespace

Outcome OutcomeOf(const VerificationReport& r, const CredentialVerdict& c) {
  bool own_checks = !c.checks.empty();
  for (const auto& check : c.checks)
    if (!check.ok && check.check != "holder") own_checks = false;
  if (!own_checks) return Outcome::kRefused;
  // Presented: its holder proved it theirs (the holder-binding check held).
  const bool bound = std::any_of(c.checks.begin(), c.checks.end(),
                                 [](const CheckResult& check) { return check.check == "holder" && check.ok; });
  return r.kind == "presentation" && r.verified && c.verified && bound ? Outcome::kPresented : Outcome::kAuthentic;
}

const char* OutcomeName(Outcome outcome) {
  switch (outcome) {
    case Outcome::kPresented: return "presented";
    case Outcome::kAuthentic: return "authentic";
    case Outcome::kRefused: return "refused";
  }
  return "refused";
}

json ReportToJson(const VerificationReport& r) {
  json errors = json::array();
  for (const auto& e : r.errors) {
    json err = {{"code", e.code}, {"message", e.message}};
    if (!e.path.empty()) err["path"] = e.path;
    errors.push_back(std::move(err));
  }
  json credentials = json::array();
  for (const auto& c : r.credentials) {
    json entry = {{"id", c.id()},
                  {"issuer", c.issuer()},
                  {"type", c.types()},
                  {"verified", c.verified},
                  {"checks", ChecksToJson(c.checks)}};
    AddClaims(r, c, entry);
    credentials.push_back(std::move(entry));
  }
  json freshness = json::object();
  freshness["status"] = r.status_freshness ? json(FormatDateTime(*r.status_freshness)) : json(nullptr);
  freshness["trust"] = r.trust_freshness ? json(FormatDateTime(*r.trust_freshness)) : json(nullptr);
  // Ages at the verdict's time (a document confirmed after an --at time: 0).
  auto age = [&](const std::optional<Timestamp>& t) {
    return t ? json(std::max<std::int64_t>(0, r.verified_at.seconds - t->seconds)) : json(nullptr);
  };
  freshness["statusAgeSeconds"] = age(r.status_freshness);
  freshness["trustAgeSeconds"] = age(r.trust_freshness);
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
