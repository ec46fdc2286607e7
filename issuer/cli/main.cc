// Passerelle issuer CLI — argument parsing only; each verb runs elsewhere.
#include <iostream>

#include <CLI/CLI.hpp>

#include "issuer/cli/commands.h"

namespace {
constexpr const char* kVersion = "passerelle issuer 0.1.0";

void AddCommon(CLI::App* cmd, passerelle::cli::CommonIssuerArgs& common) {
  cmd->add_option("--dir", common.dir, "the issuer's data folder")->required();
  cmd->add_option("--passphrase-file", common.passphrase_file,
                  "read the key passphrase from this file (else $PASSERELLE_PASSPHRASE, else a prompt)");
}
}  // namespace

int main(int argc, char** argv) {
  using namespace passerelle::cli;
  CLI::App app{"Passerelle issuer: signs learning credentials (W3C VC 2.0, Data Integrity EdDSA)."};
  app.set_version_flag("--version", kVersion);
  app.require_subcommand(1);

  InitArgs init;
  CLI::App* init_cmd = app.add_subcommand("init", "create an issuer folder with a new encrypted key");
  AddCommon(init_cmd, init.common);
  init_cmd->add_option("--did", init.did_web, "did:web:HOST[:PATH] identity (default: --did-key)");
  init_cmd->add_flag("--did-key", init.did_key, "use a did:key identity derived from the key");
  init_cmd->add_option("--name", init.name, "the awarding body's name");
  init_cmd->add_option("--country", init.country, "ISO 3166-1 alpha-2 country code, e.g. FR");

  SignArgs sign;
  CLI::App* sign_cmd = app.add_subcommand("sign", "sign a credential as given; prints the signed credential");
  AddCommon(sign_cmd, sign.common);
  sign_cmd->add_option("--suite", sign.suite, "eddsa-rdfc-2022 (default) or eddsa-jcs-2022");
  sign_cmd->add_option("file", sign.file, "the unsigned credential (- for stdin)")->required();

  IssueArgs issue;
  CLI::App* issue_cmd = app.add_subcommand("issue", "build a credential from programme data, sign it, print it");
  AddCommon(issue_cmd, issue.common);
  issue_cmd->add_option("--kind", issue.kind, "module or certification")->required();
  issue_cmd->add_option("--programme", issue.programme, "programme file (docs/formats/programme.md)")->required();
  issue_cmd->add_option("--grading-scales", issue.grading_scales, "grading scales file (default: the programme's)");
  issue_cmd->add_option("--module", issue.module, "module code, e.g. HQ-M01 (--kind module)");
  issue_cmd->add_option("--learner-did", issue.learner_did, "the learner's DID (from their wallet)");
  issue_cmd->add_option("--given-name", issue.given_name, "the learner's given name");
  issue_cmd->add_option("--family-name", issue.family_name, "the learner's family name");
  issue_cmd->add_option("--grade", issue.grade, "the grade on its national scale, e.g. 18.1");
  issue_cmd->add_option("--grading-scale", issue.grading_scale, "the scale's name, e.g. FR-0-20");
  issue_cmd->add_option("--awarded-on", issue.awarded_on, "award date, YYYY-MM-DD or RFC 3339 (default: now)");
  issue_cmd->add_option("--part", issue.parts, "a module credential id the certification is built from");
  issue_cmd->add_option("--suite", issue.suite, "eddsa-rdfc-2022 (default) or eddsa-jcs-2022");

  CommonIssuerArgs did;
  CLI::App* did_cmd = app.add_subcommand("did", "print the issuer's DID document");
  did_cmd->add_option("--dir", did.dir, "the issuer's data folder")->required();

  CommonIssuerArgs rotate;
  CLI::App* key_cmd = app.add_subcommand("key", "manage signing keys");
  key_cmd->require_subcommand(1);
  CLI::App* rotate_cmd = key_cmd->add_subcommand("rotate", "add a new signing key; earlier credentials keep verifying");
  AddCommon(rotate_cmd, rotate);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "issuer: error: " << e.what() << "\n"
              << "issuer: hint: run issuer --help, or issuer VERB --help\n";
    return 2;
  }
  if (init_cmd->parsed()) return RunInit(init, std::cout, std::cerr);
  if (sign_cmd->parsed()) return RunSign(sign, std::cin, std::cout, std::cerr);
  if (issue_cmd->parsed()) return RunIssue(issue, std::cout, std::cerr);
  if (did_cmd->parsed()) return RunDid(did, std::cout, std::cerr);
  if (rotate_cmd->parsed()) return RunKeyRotate(rotate, std::cout, std::cerr);
  return 2;
}
