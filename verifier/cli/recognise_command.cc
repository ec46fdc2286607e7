// Passerelle verifier CLI — `verifier recognise`.
#include "verifier/cli/recognise_command.h"

#include <iostream>

#include <nlohmann/json.hpp>

#include "cmdline/diagnostics.h"
#include "formats/json.h"
#include "formats/recognition_agreement.h"
#include "formats/terminal_text.h"
#include "verifier/cli/verify_setup.h"
#include "verifier/recognition.h"

namespace passerelle::cli {

using nlohmann::json;

namespace {

void PrintHuman(const std::string& file, const RecognitionAgreement& a, const VerificationReport& v,
                const RecognitionReport& r, std::ostream& out) {
  std::string title = a.target_title.count("en") ? a.target_title.at("en")
                      : a.target_title.empty()   ? std::string()
                                                 : a.target_title.begin()->second;
  out << SanitizeForTerminal(file) << ": " << (v.verified ? "verified" : "NOT VERIFIED") << "; "
      << FormatNumber(r.recognised_ects) << (a.max_recognised_ects ? " of at most " + FormatNumber(*a.max_recognised_ects) : std::string())
      << " ECTS recognised towards " << SanitizeForTerminal(a.target_code)
      << (title.empty() ? std::string() : " \"" + SanitizeForTerminal(title) + "\"") << "\n";
  for (const auto& i : r.items) {
    std::string what = (i.module.empty() ? std::string("(no module code)") : i.module) +
                       (i.title.empty() ? std::string() : " \"" + i.title + "\"");
    if (i.recognised)
      out << "  recognised  " << SanitizeForTerminal(what) << " -> " << SanitizeForTerminal(i.to_module) << ", "
          << FormatNumber(i.ects) << " ECTS" << (i.detail.empty() ? std::string() : " (" + SanitizeForTerminal(i.detail) + ")")
          << "\n";
    else
      out << "  no          " << SanitizeForTerminal(what) << ": " << SanitizeForTerminal(i.detail) << "\n";
  }
  for (const auto& w : v.warnings) out << "  warning: " << SanitizeForTerminal(w) << "\n";
}

}  // namespace

int RunRecognise(const RecogniseArgs& args, std::istream& in, std::ostream& out, std::ostream& err) {
  const cmdline::Diagnostics diag("verifier", err);
  auto agreement_text = ReadInput(args.agreement, in);
  auto agreement_json = agreement_text.ok() ? ParseJson(*agreement_text) : Result<json>(agreement_text.status());
  auto agreement =
      agreement_json.ok() ? ParseRecognitionAgreement(*agreement_json) : Result<RecognitionAgreement>(agreement_json.status());
  if (!agreement.ok()) {
    diag.Error("--agreement \"" + args.agreement + "\"", agreement.status());
    return 2;
  }
  // Modules count only when their holder presents them, to this verifier,
  // now: a copy of someone else's credentials, or a replayed presentation,
  // must not earn credits.
  if (!args.verify.challenge) {
    diag.Error("recognise needs --challenge: modules count only when their holder presents them");
    diag.Hint("give the student a fresh challenge for `wallet present --challenge C`, then pass the same C");
    return 2;
  }
  VerificationSetup setup;
  if (int rc = SetUpVerification(args.verify, in, err, setup); rc != 0) return rc;
  if (args.verify.files.empty()) {
    diag.Error("nothing to recognise");
    diag.Hint("give the partner's presentation (or credential files), - for standard input");
    return 2;
  }
  int exit_code = 0;
  json all = json::array();
  // One student's documents: the cap and "each module once" hold across them.
  RecognitionTally tally;
  for (const auto& file : args.verify.files) {
    auto text = ReadInput(file, in);
    if (!text.ok()) {
      diag.Error(file, text.status());
      exit_code = 2;
      continue;
    }
    VerificationReport report = Verify(*text, setup.options);
    if (report.malformed_input) {
      for (const auto& e : report.errors)
        diag.Error(file + ": " + e.message);
      exit_code = 2;
      continue;
    }
    RecognitionReport recognition = Recognise(*agreement, report, &tally);
    if (args.verify.json) {
      all.push_back({{"file", file},
                     {"verification", ReportToJson(report)},
                     {"recognition", RecognitionReportToJson(*agreement, recognition)}});
    } else {
      PrintHuman(file, *agreement, report, recognition, out);
    }
    if (!report.verified) {
      for (const auto& e : report.errors)
        diag.Error(file + ": " + e.message);
      for (const auto& h : report.hints) diag.Hint(h);
      exit_code = std::max(exit_code, 1);
    }
  }
  if (args.verify.json) out << DumpJsonPretty(all.size() == 1 ? all[0] : all) << "\n";
  return exit_code;
}

}  // namespace passerelle::cli
