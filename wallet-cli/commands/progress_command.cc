// Passerelle wallet CLI — `wallet progress --programme FILE`: how far the
// holder's verified credentials go towards a programme's certification
// (per mandatory module: covered by which credential, own, partner,
// recognised or prior learning; ECTS earned of required; what is missing).
#include <ostream>

#include <nlohmann/json.hpp>

#include "formats/json.h"
#include "formats/terminal_text.h"
#include "issuer/pathways/certification_rules.h"
#include "issuer/programme_files.h"
#include "verifier/recognition.h"
#include "wallet-cli/commands/commands.h"
#include "wallet-cli/commands/common.h"
#include "wallet-cli/import_check.h"
#include "wallet-cli/language.h"

namespace passerelle::wallet::cli {
namespace {

using nlohmann::json;

const char* SourceText(CoverageSource s) {
  switch (s) {
    case CoverageSource::kOwn: return "own";
    case CoverageSource::kPartner: return "partner";
    case CoverageSource::kRecognised: return "recognised";
    case CoverageSource::kPriorLearning: return "prior learning";
  }
  return "own";
}

}  // namespace

int RunProgress(const ProgressArgs& args, std::ostream& out, std::ostream& err) {
  auto bundle = LoadProgrammeBundle(args.programme);
  if (!bundle.ok()) return Fail(err, bundle.status().Annotate("--programme"));
  auto text = Env::Default().ReadFileBounded(args.programme, 4u << 20);
  auto doc = text.ok() ? ParseJson(*text) : Result<json>(text.status());
  auto rules = doc.ok() ? ParseCertificationRules(*doc) : Result<CertificationRules>(doc.status());
  if (!rules.ok()) return Fail(err, rules.status().Annotate("--programme"));

  auto wallet = OpenWallet(args.common, LockMode::kShared, err);
  if (!wallet.ok()) return Fail(err, wallet.status());
  auto resolver = LoadIssuerKeys(wallet->store, args.keys);
  if (!resolver.ok()) return Fail(err, resolver.status());
  VerifyOptions options;
  options.resolver = std::move(*resolver);
  // Only what verifies now counts (an expired or altered credential does not).
  std::vector<Credential> credentials;
  for (const auto& entry : wallet->store.entries()) {
    auto stored = wallet->store.Load(entry);
    if (!stored.ok()) return Fail(err, stored.status());
    ImportCheck check = CheckForImport(stored->credential_json, wallet->store.holder_did(), options);
    if (!check.accepted) continue;
    auto vc = ParseCredential(stored->credential_json);
    if (vc.ok()) credentials.push_back(std::move(*vc));
  }
  CertificationCheck progress = Evaluate(bundle->programme, bundle->scales, *rules, "", credentials, Now());

  const std::string language = PreferredLanguage();
  auto title_of = [&](const std::string& code) {
    const ProgrammeModule* m = bundle->programme.FindModule(code);
    return m != nullptr ? PickText(m->title, language).text : std::string();
  };
  if (args.json) {
    json modules = json::array();
    for (const auto& m : progress.modules) {
      json j = {{"code", m.module}, {"title", title_of(m.module)}, {"covered", m.covered}};
      if (m.covered) {
        j["source"] = CoverageSourceName(m.source);
        j["ects"] = m.ects;
        j["credential"] = m.credential_id;
        if (!m.grade.empty()) j["grade"] = m.grade;
      } else if (!m.problem.empty()) {
        j["problem"] = m.problem;
      }
      modules.push_back(std::move(j));
    }
    out << DumpJsonPretty({{"programme", bundle->programme.code},
                           {"title", PickText(bundle->programme.title, language).text},
                           {"ectsEarned", progress.ects},
                           {"ectsRequired", progress.required_ects},
                           {"complete", progress.unmet.empty()},
                           {"modules", std::move(modules)},
                           {"missing", progress.unmet}})
        << "\n";
    return 0;
  }
  out << SanitizeForTerminal(bundle->programme.code) << " \""
      << SanitizeForTerminal(PickText(bundle->programme.title, language).text) << "\": " << FormatNumber(progress.ects)
      << " of " << FormatNumber(progress.required_ects) << " ECTS\n";
  for (const auto& m : progress.modules) {
    out << "  " << SanitizeForTerminal(m.module) << " \"" << SanitizeForTerminal(title_of(m.module)) << "\"  ";
    if (m.covered)
      out << "done (" << SourceText(m.source) << ", " << FormatNumber(m.ects) << " ECTS"
          << (m.grade.empty() ? std::string() : ", grade " + SanitizeForTerminal(m.grade)) << ")\n";
    else
      out << "missing" << (m.problem.empty() ? std::string() : ": " + SanitizeForTerminal(m.problem)) << "\n";
  }
  if (progress.unmet.empty())
    out << "complete: every rule of " << SanitizeForTerminal(bundle->programme.code)
        << " is met; present these credentials to the awarding body\n";
  else
    for (const auto& line : progress.unmet) out << "still needed: " << SanitizeForTerminal(line) << "\n";
  return 0;
}

}  // namespace passerelle::wallet::cli
