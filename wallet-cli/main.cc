// Passerelle wallet CLI — argument parsing only; each verb runs in commands/.
#include <iostream>

#include <CLI/CLI.hpp>

#include "wallet-cli/commands/commands.h"

namespace {

constexpr const char* kVersion = "passerelle wallet 0.1.0";

void AddCommon(CLI::App* cmd, passerelle::wallet::cli::CommonArgs& common) {
  cmd->add_option("--dir", common.dir,
                  "the wallet's data folder (default: $PASSERELLE_WALLET_DIR, else ~/.local/share/passerelle/wallet)");
  cmd->add_option("--passphrase-file", common.passphrase_file,
                  "read the wallet passphrase from this file (else $PASSERELLE_PASSPHRASE, else a prompt)");
}

void AddPresentOptions(CLI::App* cmd, passerelle::wallet::cli::PresentArgs& present) {
  AddCommon(cmd, present.common);
  cmd->add_option("ids", present.ids, "wallet IDs (from wallet list) or credential ids")->required();
  cmd->add_option("--challenge", present.challenge, "the verifier's challenge, signed into the presentation");
  cmd->add_option("--domain", present.domain, "the verifier's domain, signed into the presentation");
  cmd->add_option("--did-document", present.did_documents, "a DID document for a did:web issuer (self-check)");
}

}  // namespace

int main(int argc, char** argv) {
  using namespace passerelle::wallet::cli;
  CLI::App app{"Passerelle wallet: keeps your learning credentials encrypted and presents them.\n"
               "Exit status: 0 done, 1 refused (does not verify), 2 usage or I/O error, wrong passphrase."};
  app.set_version_flag("--version", kVersion);
  app.require_subcommand(1);

  CommonArgs init;
  CLI::App* init_cmd = app.add_subcommand("init", "create the wallet: a holder DID (did:key) and an encrypted store");
  AddCommon(init_cmd, init);

  CommonArgs did;
  CLI::App* did_cmd = app.add_subcommand("did", "print the holder's DID");
  did_cmd->add_option("--dir", did.dir, "the wallet's data folder");

  ImportArgs import;
  CLI::App* import_cmd = app.add_subcommand("import", "verify a credential, then store it (FILE, - for stdin, or an http(s) URL)");
  AddCommon(import_cmd, import.common);
  import_cmd->add_option("source", import.source, "FILE, - or URL")->required();
  import_cmd->add_option("--did-document", import.did_documents, "a DID document to resolve a did:web issuer offline");
  import_cmd->add_option("--status-cache", import.status_cache, "status lists fetched by verifier sync");

  ListArgs list;
  CLI::App* list_cmd = app.add_subcommand("list", "list the credentials (titles in your language, from LANG)");
  AddCommon(list_cmd, list.common);
  list_cmd->add_flag("--json", list.json, "print a JSON array");

  ShowArgs show;
  CLI::App* show_cmd = app.add_subcommand("show", "show one credential in full");
  AddCommon(show_cmd, show.common);
  show_cmd->add_option("id", show.id, "wallet ID (from wallet list) or credential id")->required();
  show_cmd->add_flag("--json", show.json, "print JSON");

  PresentArgs present;
  CLI::App* present_cmd = app.add_subcommand("present", "sign a verifiable presentation of chosen credentials");
  AddPresentOptions(present_cmd, present);
  present_cmd->add_option("--out", present.out_file, "write it to FILE (default: standard output)");

  QrArgs qr;
  CLI::App* qr_cmd = app.add_subcommand("qr", "sign a presentation and draw it as a QR code");
  AddPresentOptions(qr_cmd, qr.present);
  qr_cmd->add_option("--png", qr.png, "write a PNG image to FILE");
  qr_cmd->add_option("--svg", qr.svg, "write an SVG image to FILE");
  qr_cmd->add_flag("--terminal", qr.terminal, "draw the code in the terminal");
  qr_cmd->add_flag("--text", qr.text, "print the payload text (PSL1:…) instead of drawing it");
  qr_cmd->add_option("--scale", qr.scale, "PNG pixels per module (default 8)")->check(CLI::Range(1, 64));

  ExportArgs export_args;
  CLI::App* export_cmd = app.add_subcommand("export", "write a stored credential out");
  AddCommon(export_cmd, export_args.common);
  export_cmd->add_option("id", export_args.id, "wallet ID or credential id")->required();
  export_cmd->add_option("--format", export_args.format, "json (europass and openbadges: not yet)")->required();
  export_cmd->add_option("--out", export_args.out_file, "write to FILE (default: standard output)");

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "wallet: error: " << e.what() << "\n"
              << "wallet: hint: run wallet --help, or wallet VERB --help\n";
    return 2;
  }
  if (init_cmd->parsed()) return RunInit(init, std::cout, std::cerr);
  if (did_cmd->parsed()) return RunDid(did, std::cout, std::cerr);
  if (import_cmd->parsed()) return RunImport(import, std::cin, std::cout, std::cerr);
  if (list_cmd->parsed()) return RunList(list, std::cout, std::cerr);
  if (show_cmd->parsed()) return RunShow(show, std::cout, std::cerr);
  if (present_cmd->parsed()) return RunPresent(present, std::cout, std::cerr);
  if (qr_cmd->parsed()) return RunQr(qr, std::cout, std::cerr);
  if (export_cmd->parsed()) return RunExport(export_args, std::cout, std::cerr);
  return 2;
}
