// Passerelle issuer CLI — a certification stacked from presented modules.
#include "issuer/cli/stack_certification.h"

#include <iostream>

#include <nlohmann/json.hpp>

#include "env/env.h"
#include "formats/json.h"
#include "issuer/cli/presentation_check.h"
#include "issuer/pathways/certification_rules.h"

namespace passerelle::cli {

using nlohmann::json;

Result<std::vector<std::string>> StackFromPresentation(const IssueArgs& args, const ProgrammeBundle& bundle,
                                                       const std::string& issuer_did, Learner& learner,
                                                       std::ostream& err) {
  auto diag = Diag(err);
  auto usage = [&](Status s, const std::string& hint) -> Status {
    diag.Error(s);
    if (!hint.empty()) diag.Hint(hint);
    return s;
  };
  if (args.from.presentation.empty())
    return usage(Status::InvalidArgument("--kind " + args.kind + " is built from the parts its holder presents: "
                                         "give --from PRESENTATION --challenge C"),
                 "the learner runs wallet present ID... --challenge C --out presentation.json");
  if (!args.from.challenge)
    return usage(Status::InvalidArgument("--from needs --challenge: modules count only when their holder presents them"),
                 "give the learner a fresh challenge for wallet present --challenge C, then pass the same C");
  // The rules live in the programme file beside the modules.
  auto text = Env::Default().ReadFileBounded(args.programme, 4u << 20);
  auto doc = text.ok() ? ParseJson(*text) : Result<json>(text.status());
  auto rules = doc.ok() ? ParseCertificationRules(*doc) : Result<CertificationRules>(doc.status());
  if (!rules.ok()) return usage(rules.status().Annotate("--programme \"" + args.programme + "\""), "");

  PresentationCheck check;
  if (Status s = SetUpPresentationCheck(args.from, check, err); !s.ok()) return usage(s, "");
  auto checked = CheckPresentation(args.from, check, std::cin);
  if (!checked.ok()) return usage(checked.status(), "");
  const VerificationReport& report = checked->report;
  if (report.malformed_input) {
    for (const auto& e : report.errors) diag.Error(args.from.presentation + ": " + e.message);
    return Status::Malformed("unreadable presentation");
  }
  if (!report.verified) {
    for (const auto& reason : FailureReasons(report)) diag.Error(args.from.presentation + ": " + reason);
    return Status::InvalidCredential("the presentation did not verify");
  }
  const std::string& holder = checked->presentation.holder();
  std::vector<Credential> credentials;
  for (const VerifiedCredential& v : report.verified_credentials) {
    const auto& subjects = v.credential().subject_ids();
    if (holder.empty() || subjects.empty() || std::any_of(subjects.begin(), subjects.end(),
                                                          [&](const std::string& s) { return s != holder; })) {
      diag.Error(args.from.presentation + ": credential " + v.credential().id() +
                 " is not about the presenting holder: a " + args.kind +
                 " is awarded to the learner who holds its parts");
      return Status::InvalidCredential("not the holder's");
    }
    credentials.push_back(v.credential());
  }
  learner.did = holder;
  if (learner.given_name.empty() && learner.family_name.empty()) {
    for (const Credential& c : credentials) {
      const json* s = FindMember(c.unsecured(), "credentialSubject");
      if (s == nullptr || !s->is_object()) continue;
      const json* g = FindMember(*s, "givenName");
      const json* f = FindMember(*s, "familyName");
      if (g != nullptr && g->is_string()) learner.given_name = g->get<std::string>();
      if (f != nullptr && f->is_string()) learner.family_name = f->get<std::string>();
      if (!learner.given_name.empty() || !learner.family_name.empty()) break;
    }
  }
  CertificationCheck result =
      Evaluate(bundle.programme, bundle.scales, *rules, issuer_did, credentials, Env::Default().Now());
  if (!result.unmet.empty()) {
    for (const auto& line : result.unmet) diag.Error(line);
    diag.Hint(bundle.programme.code + " is not awarded: nothing was signed");
    return Status::InvalidCredential("programme rules not met");
  }
  return result.used;
}

}  // namespace passerelle::cli
