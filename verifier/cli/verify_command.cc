// Passerelle verifier CLI — `verifier verify`.
#include "verifier/cli/verify_command.h"

#include <fstream>
#include <iostream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "cmdline/diagnostics.h"
#include "formats/json.h"
#include "formats/terminal_text.h"
#include "keys/did_document.h"
#include "verifier/cli/verify_setup.h"
#include "verifier/qr/qr_scan.h"
#include "verifier/status_cache.h"
#include "verifier/sync/did_web.h"
#include "verifier/sync/sync.h"
#include "verifier/verifier.h"

namespace passerelle::cli {

using nlohmann::json;

namespace {


void PrintHuman(const std::string& name, const VerificationReport& r, Timestamp now, std::ostream& out) {
  out << SanitizeForTerminal(name) << ": " << (r.verified ? "VERIFIED" : "NOT VERIFIED") << " ("
      << r.kind << ")\n";
  auto print_checks = [&](const std::vector<CheckResult>& checks, const std::string& indent) {
    for (const auto& c : checks)
      out << indent << (c.ok ? "ok    " : "FAIL  ") << c.check << ": " << SanitizeForTerminal(c.detail) << "\n";
  };
  if (r.kind == "presentation") {
    print_checks(r.checks, "  ");
    for (const auto& c : r.credentials) {
      out << "  credential " << SanitizeForTerminal(c.id().empty() ? "(no id)" : c.id()) << ": "
          << (c.verified ? "verified" : "NOT verified") << "\n";
      print_checks(c.checks, "    ");
    }
  } else {
    print_checks(r.checks, "  ");
  }
  if (r.trust_freshness)
    out << "  trust list issued " << FormatDateTime(*r.trust_freshness) << ", " << DescribeAge(*r.trust_freshness, now)
        << " before this verdict\n";
  if (r.status_freshness)
    out << "  status lists fetched " << FormatDateTime(*r.status_freshness) << ", "
        << DescribeAge(*r.status_freshness, now) << " before this verdict\n";
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
    if (args.json) {
      all.push_back(ReportToJson(report));
    } else {
      PrintHuman(file, report, options.now, out);
    }
    if (!report.verified) {
      for (const auto& e : report.errors)
        diag.Error(file + ": " + e.message);
      for (const auto& h : report.hints) diag.Hint(h);
      int code = report.malformed_input ? 2 : 1;
      exit_code = std::max(exit_code, code);
    }
  }
  if (args.json) out << DumpJsonPretty(all.size() == 1 ? all[0] : all) << "\n";
  return exit_code;
}

}  // namespace passerelle::cli
