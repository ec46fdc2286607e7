// Passerelle issuer CLI — `issuer recognise`: the receiving institution
// verifies a partner's modules presented by their holder, applies the
// recognition agreement as `verifier recognise` does, and issues one
// `recognition` credential per recognised module to that holder.
#include <filesystem>
#include <iostream>

#include <nlohmann/json.hpp>

#include "env/env.h"
#include "formats/json.h"
#include "formats/recognition_agreement.h"
#include "formats/terminal_text.h"
#include "issuer/cli/commands.h"
#include "issuer/cli/presentation_check.h"
#include "issuer/cli/registered_issuer.h"
#include "issuer/pathways/recognition_credential.h"
#include "verifier/recognition.h"

namespace passerelle::cli {
namespace {

using nlohmann::json;

constexpr std::size_t kMaxAgreementBytes = 4u << 20;

Result<RecognitionAgreement> ReadAgreement(const std::string& file) {
  PSL_ASSIGN_OR_RETURN(std::string text, Env::Default().ReadFileBounded(file, kMaxAgreementBytes));
  PSL_ASSIGN_OR_RETURN(json doc, ParseJson(text));
  return ParseRecognitionAgreement(doc);
}

// What one recognised module became.
struct Issued {
  std::string credential_id, to_module, file;
  bool is_new = false;
};

}  // namespace

int RunRecognise(const RecogniseArgs& args, std::istream& in, std::ostream& out, std::ostream& err) {
  auto diag = Diag(err);
  auto agreement = ReadAgreement(args.agreement);
  if (!agreement.ok()) {
    diag.Error("--agreement \"" + args.agreement + "\"", agreement.status());
    return 2;
  }
  // Modules count only when their holder presents them, to this issuer,
  // now: a copy of someone else's credentials, or a replayed presentation,
  // must not earn credits.
  if (!args.check.challenge) {
    diag.Error("recognise needs --challenge: modules count only when their holder presents them");
    diag.Hint("give the student a fresh challenge for `wallet present --challenge C`, then pass the same C");
    return 2;
  }
  PresentationCheck check;
  if (Status s = SetUpPresentationCheck(args.check, check, err); !s.ok()) {
    diag.Error(s);
    return 2;
  }
  auto checked = CheckPresentation(args.check, check, in);
  if (!checked.ok()) {
    diag.Error(checked.status());
    return 2;
  }
  const VerificationReport& report = checked->report;
  if (report.malformed_input) {
    for (const auto& e : report.errors) diag.Error(args.check.presentation + ": " + e.message);
    return 2;
  }
  auto node = OpenRegisteredIssuer(args.common, args.public_url, "issuer recognise", err);
  if (!node.ok()) {
    diag.Error(node.status());
    return 2;
  }
  const IssuerDir folder = (*node)->folder();
  if (agreement->target_issuer.rfind("did:", 0) == 0 && agreement->target_issuer != folder.did) {
    diag.Error("the agreement's receiving institution is " + agreement->target_issuer + ", not this issuer (" +
               folder.did + ")");
    diag.Hint("name this issuer's DID in the agreement's institutionDids");
    return 2;
  }
  const std::string holder = checked->presentation.holder();

  RecognitionReport recognition = Recognise(*agreement, report);
  std::vector<Issued> issued;
  std::error_code ec;
  std::filesystem::create_directories(args.out, ec);
  if (ec) {
    diag.Error("--out \"" + args.out + "\": " + ec.message());
    return 2;
  }
  const Timestamp now = Env::Default().Now();
  for (std::size_t i = 0; i < recognition.items.size() && i < report.credentials.size(); ++i) {
    RecognitionItem& item = recognition.items[i];
    const CredentialVerdict& verdict = report.credentials[i];  // items[i] is about credentials[i]
    if (!item.recognised) {
      // Say why a credential that failed verification earns nothing.
      if (!verdict.verified)
        for (const auto& c : verdict.checks)
          if (!c.ok) item.detail += "; " + c.check + ": " + c.detail;
      continue;
    }
    const RecognitionRule* rule = item.rule;
    if (rule == nullptr || holder.empty()) continue;  // set when recognised; the holder verified
    const std::string key = RecognitionKey(verdict.credential, *agreement, *rule);
    const std::string file = (std::filesystem::path(args.out) / (rule->to_module + ".json")).string();
    auto earlier = FindIssuedByKey(**node, key);
    if (!earlier.ok()) {
      diag.Error(earlier.status());
      return 2;
    }
    Issued done{"", rule->to_module, file, false};
    json credential;
    if (*earlier) {
      credential = std::move(**earlier);
      done.credential_id = credential.value("id", "");
      diag.Warning(item.module + " was already recognised as " + rule->to_module + " (" + done.credential_id +
                   "): nothing new was issued");
    } else {
      RecognitionDecision decision{NewCredentialId(), holder, args.decision_ref.value_or(""), now};
      decision.decided_on.nanos = 0;
      auto built = BuildRecognitionCredential(verdict.credential, *agreement, *rule,
                                              IssuerIdentity{folder.did, folder.name, folder.country}, decision);
      if (!built.ok()) {
        item.recognised = false;
        item.detail = built.status().message();
        continue;
      }
      IssueRequest request;
      request.credential = std::move(*built);
      request.idempotency_key = key;
      request.actor = "cli";
      request.programme = agreement->target_code;
      request.module = rule->to_module;
      IssueStep step = IssueStep::kPrepare;
      auto signed_credential = (*node)->Issue(std::move(request), &step);
      if (!signed_credential.ok()) {
        diag.Error(signed_credential.status().Annotate("issue the recognition of " + item.module));
        return 2;
      }
      credential = std::move(*signed_credential);
      done.credential_id = decision.credential_id;
      done.is_new = true;
    }
    Status written = Env::Default().WriteFileAtomic(file, DumpJsonPretty(credential) + "\n",
                                                    WriteOptions{0644, Durability::kSynced});
    if (!written.ok()) {
      diag.Error(written.Annotate("--out"));
      return 2;
    }
    issued.push_back(std::move(done));
  }

  if (args.json) {
    json items = json::array();
    for (const auto& d : issued)
      items.push_back({{"credential", d.credential_id}, {"to", d.to_module}, {"file", d.file}, {"new", d.is_new}});
    out << DumpJsonPretty({{"verification", ReportToJson(report)},
                           {"recognition", RecognitionReportToJson(*agreement, recognition)},
                           {"issued", std::move(items)}})
        << "\n";
  } else {
    for (const auto& item : recognition.items) {
      if (item.recognised) continue;
      out << "not recognised  " << SanitizeForTerminal(item.module.empty() ? item.credential_id : item.module) << ": "
          << SanitizeForTerminal(item.detail) << "\n";
    }
    for (const auto& d : issued)
      out << (d.is_new ? "recognised      " : "already issued  ") << SanitizeForTerminal(d.to_module) << "  "
          << SanitizeForTerminal(d.credential_id) << "  " << SanitizeForTerminal(d.file) << "\n";
  }
  if (!report.verified)
    for (const auto& reason : FailureReasons(report)) diag.Error(args.check.presentation + ": " + reason);
  if (issued.empty()) {
    diag.Error("nothing was recognised from \"" + args.check.presentation + "\"");
    return 1;
  }
  return 0;
}

}  // namespace passerelle::cli
