// Passerelle verifier CLI — `verifier verify`.
#include "verifier/cli/verify_command.h"

#include <fstream>
#include <iostream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "cmdline/diagnostics.h"
#include "cmdline/locale.h"
#include "formats/duration.h"
#include "formats/json.h"
#include "formats/terminal_text.h"
#include "i18n/accept_language.h"
#include "i18n/messages.h"
#include "keys/did_document.h"
#include "verifier/cli/verify_setup.h"
#include "verifier/double_diploma.h"
#include "verifier/qr/qr_scan.h"
#include "verifier/recognition.h"
#include "verifier/status_cache.h"
#include "verifier/sync/did_web.h"
#include "verifier/sync/sync.h"
#include "verifier/verifier.h"

namespace passerelle::cli {

using nlohmann::json;

namespace {

// The awarding bodies a joint credential names: "name (country)" each, or the DID.
std::string JointBodies(const Credential& vc) {
  std::string out;
  const json* s = FindMember(vc.unsecured(), "credentialSubject");
  if (s != nullptr && s->is_array()) s = s->empty() ? nullptr : &(*s)[0];
  const json* a = s != nullptr && s->is_object() ? FindMember(*s, "achievement") : nullptr;
  const json* bodies = a != nullptr && a->is_object() ? FindMember(*a, "awardingBody") : nullptr;
  if (bodies == nullptr || !bodies->is_array()) return out;
  for (const auto& b : *bodies) {
    std::string one;
    if (b.is_string()) one = b.get<std::string>();
    if (b.is_object()) {
      const json* name = FindMember(b, "name");
      const json* id = FindMember(b, "id");
      const json* country = FindMember(b, "country");
      one = name != nullptr && name->is_string() ? name->get<std::string>()
            : id != nullptr && id->is_string()   ? id->get<std::string>()
                                                 : std::string("?");
      if (country != nullptr && country->is_string()) one += " (" + country->get<std::string>() + ")";
    }
    out += (out.empty() ? "" : ", ") + one;
  }
  return out;
}

// What a person reads first about one credential, before the checks: its
// title, kind, credits and level, the holder, the grade, the awarding body
// and who accredits it, then one sentence for the outcome; in the reader's
// language (i18n/messages/*.txt, keys "cli.*"), credential texts along the
// fallback chain (kk -> ru -> en).
void PrintClaims(const VerificationReport& r, const CredentialVerdict& c, const std::string& indent,
                 std::ostream& out) {
  const Credential& vc = c.credential;
  const Outcome outcome = OutcomeOf(r, c);
  const std::string lang = cmdline::PreferredLanguage();
  auto msg = [&](std::string_view key, const std::vector<std::string>& args = {}) {
    return i18n::Message(lang, key, args);
  };
  // A refused credential says why before anything else, and what it claims
  // is marked as not vouched for.
  std::string claims_indent = indent;
  if (outcome == Outcome::kRefused) {
    for (const auto& check : c.checks)
      if (!check.ok && check.check != "holder") {
        out << indent << SanitizeForTerminal(msg("cli.refused", {check.detail})) << "\n";
        break;
      }
    out << indent << msg("cli.not_vouched") << "\n";
    claims_indent += "  ";
  }
  std::vector<std::string> fallbacks = i18n::FallbackChain(lang);
  fallbacks.erase(fallbacks.begin());
  if (const Achievement* a = vc.achievement()) {
    std::string line = std::string(PickLanguage(a->title, lang, fallbacks));
    if (line.empty()) line = msg("field.untitled");
    if (a->kind) line += " - " + msg(std::string("kind.") + CredentialKindName(*a->kind));
    if (a->ects) line += ", " + FormatNumber(*a->ects) + " ECTS";
    if (a->eqf_level > 0) line += ", EQF " + std::to_string(a->eqf_level);
    else if (!a->nqf_level.empty()) line += ", " + msg("cli.national_level", {a->nqf_level});
    out << claims_indent << SanitizeForTerminal(line) << "\n";
    std::vector<std::string> parts;
    if (!a->holder_name.empty()) parts.push_back(msg("cli.holder", {a->holder_name}));
    if (a->grade) parts.push_back(msg("cli.grade", {a->grade->value, a->grade->scheme}));
    if (a->awarded_on) parts.push_back(msg("cli.awarded", {FormatDateTime(*a->awarded_on).substr(0, 10)}));
    if (a->obtained_by != ObtainedBy::kCourse)
      parts.push_back(msg("cli.obtained_by", {msg(std::string("obtained.") + ObtainedByName(a->obtained_by))}));
    std::string holder;
    for (const auto& p : parts) holder += (holder.empty() ? "" : "; ") + p;
    if (!holder.empty()) out << claims_indent << SanitizeForTerminal(holder) << "\n";
  }
  const Party& issuer = vc.issuer();
  std::string body = std::string(PickLanguage(issuer.name, lang, fallbacks));
  if (body.empty()) body = issuer.id;
  if (!issuer.country.empty()) body += " (" + issuer.country + ")";
  if (!c.accredited_by.empty()) body += ", " + msg("cli.accredited_by", {c.accredited_by});
  out << claims_indent << SanitizeForTerminal(msg("cli.awarded_by", {body})) << "\n";
  if (const Achievement* a = vc.achievement(); a != nullptr && a->awarding_bodies.size() > 1)
    out << claims_indent << SanitizeForTerminal(msg("cli.awarded_jointly", {JointBodies(vc)})) << "\n";
  if (auto pairing = PairingOf(vc))
    out << claims_indent
        << SanitizeForTerminal(msg("cli.double_diploma", {pairing->agreement, pairing->paired_with})) << "\n";
  if (outcome == Outcome::kPresented) out << indent << msg("cli.outcome_presented") << "\n";
  if (outcome == Outcome::kAuthentic) out << indent << msg("cli.outcome_authentic") << "\n";
}

void PrintHuman(const std::string& name, const VerificationReport& r, const VerifyOptions& options, std::ostream& out) {
  const Timestamp now = options.now;
  out << SanitizeForTerminal(name) << ": " << (r.verified ? "VERIFIED" : "NOT VERIFIED") << " ("
      << r.kind << ")\n";
  if (r.kind != "presentation" && !r.credentials.empty()) PrintClaims(r, r.credentials.front(), "  ", out);
  auto print_checks = [&](const std::vector<CheckResult>& checks, const std::string& indent) {
    for (const auto& c : checks)
      out << indent << (c.ok ? "ok    " : "FAIL  ") << c.check << ": " << SanitizeForTerminal(c.detail) << "\n";
  };
  if (r.kind == "presentation") {
    print_checks(r.checks, "  ");
    for (const auto& c : r.credentials) {
      out << "  credential " << SanitizeForTerminal(c.id().empty() ? "(no id)" : c.id()) << ": "
          << (c.verified ? "verified" : "NOT verified") << "\n";
      PrintClaims(r, c, "    ", out);
      print_checks(c.checks, "    ");
    }
  } else {
    print_checks(r.checks, "  ");
  }
  // Ages in every verdict, with the policy they were held to.
  if (r.trust_freshness)
    out << "  trust lists as of " << FormatDateTime(*r.trust_freshness) << ", " << DescribeAge(*r.trust_freshness, now)
        << " before this verdict (maximum " << FormatDuration(options.max_trust_age_seconds) << ")\n";
  else
    out << "  trust lists: none relied on\n";
  if (r.status_freshness)
    out << "  status lists fetched " << FormatDateTime(*r.status_freshness) << ", "
        << DescribeAge(*r.status_freshness, now) << " before this verdict (maximum "
        << FormatDuration(options.max_status_age_seconds) << ")\n";
  else
    out << "  status lists: none relied on\n";
  for (const auto& w : r.warnings) out << "  warning: " << SanitizeForTerminal(w) << "\n";
}

}  // namespace

int RunVerify(const VerifyArgs& args, std::istream& in, std::ostream& out, std::ostream& err) {
  const cmdline::Diagnostics diag("verifier", err);
  VerificationSetup setup;
  if (int rc = SetUpVerification(args, in, err, setup); rc != 0) return rc;
  const VerifyOptions& options = setup.options;
  if (args.files.empty() && !args.qr_image && !args.qr_text) {
    diag.Error("nothing to verify");
    diag.Hint("give a credential or presentation file, - for standard input, or --qr IMAGE");
    return 2;
  }

  int exit_code = 0;
  json all = json::array();
  std::vector<Credential> verified;  // across every input: double diplomas come in two files
  // Files, then a QR image, then QR text: each yields the document to verify.
  std::vector<std::pair<std::string, Result<std::string>>> inputs;
  for (const auto& file : args.files) inputs.emplace_back(file, ReadInput(file, in));
  if (args.qr_image) inputs.emplace_back(*args.qr_image, qr::DocumentFromQrImage(*args.qr_image));
  if (args.qr_text) inputs.emplace_back("--qr-text", qr::DocumentFromQrText(*args.qr_text, "--qr-text"));
  for (const auto& [file, text] : inputs) {
    if (!text.ok()) {
      diag.Error(text.status());
      if (text.status().code() == Code::kNotFound && args.qr_image && file == *args.qr_image)
        diag.Hint("photograph the code square-on, filling most of the frame, in even light");
      exit_code = 2;
      continue;
    }
    VerificationReport report = Verify(*text, options);
    for (const auto& v : report.verified_credentials) verified.push_back(v.credential());
    if (args.json) {
      all.push_back(ReportToJson(report));
    } else {
      PrintHuman(file, report, options, out);
    }
    if (!report.verified) {
      for (const auto& e : report.errors)
        diag.Error(file + ": " + e.message);
      for (const auto& h : report.hints) diag.Hint(h);
      int code = report.malformed_input ? 2 : 1;
      exit_code = std::max(exit_code, code);
    }
  }
  // Double diplomas: two halves given together must name each other.
  for (std::size_t i = 0; i < verified.size(); ++i) {
    auto pairing = PairingOf(verified[i]);
    if (!pairing) continue;
    for (std::size_t j = i + 1; j < verified.size(); ++j) {
      auto other = PairingOf(verified[j]);
      if (!other || (pairing->paired_with != verified[j].id() && other->paired_with != verified[i].id())) continue;
      Status match = CheckDoubleDiploma(verified[i], verified[j]);
      if (match.ok()) {
        if (!args.json)
          out << SanitizeForTerminal("double diploma: " + verified[i].id() + " and " + verified[j].id() +
                                     " match (agreement \"" + pairing->agreement + "\", the same learner, awarded by " +
                                     verified[i].issuer().id + " and " + verified[j].issuer().id + ")")
              << "\n";
      } else {
        diag.Error("double diploma: " + match.message());
        exit_code = std::max(exit_code, 1);
      }
    }
  }
  if (args.json) out << DumpJsonPretty(all.size() == 1 ? all[0] : all) << "\n";
  return exit_code;
}

}  // namespace passerelle::cli
