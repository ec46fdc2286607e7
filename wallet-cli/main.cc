// Passerelle wallet CLI — declares the verbs and their options; cmdline/app.h
// parses and dispatches, and each verb runs in commands/.
#include <iostream>

#include "cmdline/app.h"
#include "wallet-cli/commands/commands.h"

namespace {

constexpr const char* kVersion = "passerelle wallet 0.1.0";

void AddCommon(CLI::App* cmd, passerelle::wallet::cli::CommonArgs& common) {
  cmd->add_option("--dir", common.dir,
                  "the wallet's data folder (default: $PASSERELLE_WALLET_DIR, else ~/.local/share/passerelle/wallet)");
  cmd->add_option("--passphrase-file", common.passphrase_file,
                  "read the wallet passphrase from this file (else $PASSERELLE_PASSPHRASE, else a prompt)");
}

void AddIssuerKeyOptions(CLI::App* cmd, passerelle::wallet::cli::IssuerKeyArgs& keys) {
  cmd->add_option("--did-document", keys.did_documents,
                  "a did:web issuer's DID document (kept by import, so later verbs need it no more); repeatable");
  cmd->add_option("--trust-list", keys.trust_lists,
                  "a trust list whose entries give did:web issuers' keys (kept by import); repeatable");
  cmd->add_option("--trust-root", keys.trust_roots, "the root list a --trust-list chains to; repeatable");
}

void AddPresentOptions(CLI::App* cmd, passerelle::wallet::cli::PresentArgs& present) {
  AddCommon(cmd, present.common);
  cmd->add_option("ids", present.ids, "wallet IDs (from wallet list) or credential ids")->required();
  cmd->add_option("--challenge", present.challenge, "the verifier's challenge, signed into the presentation");
  cmd->add_option("--challenge-from", present.challenge_from,
                  "IMAGE|TEXT: a photo of the verifier page's challenge QR code, or the code as shown (K7QX-3MPA)");
  cmd->add_option("--domain", present.domain, "the verifier's domain, signed into the presentation");
  AddIssuerKeyOptions(cmd, present.keys);
}

}  // namespace

int main(int argc, char** argv) {
  using namespace passerelle::wallet::cli;
  passerelle::cmdline::CommandLine program(
      "wallet",
      "Passerelle wallet: keeps your learning credentials encrypted and presents them.\n"
      "Exit status: 0 done, 1 refused (does not verify), 2 usage or I/O error, wrong passphrase.",
      kVersion);

  CommonArgs init;
  CLI::App* init_cmd = program.AddVerb("init", "create the wallet: a holder DID (did:key) and an encrypted store",
                                       [&] { return RunInit(init, std::cout, std::cerr); });
  AddCommon(init_cmd, init);

  PassphraseArgs passphrase;
  CLI::App* passphrase_cmd = program.AddVerb(
      "passphrase", "change the wallet's passphrase (re-encrypts the holder key and every credential)",
      [&] { return RunPassphrase(passphrase, std::cout, std::cerr); });
  AddCommon(passphrase_cmd, passphrase.common);
  passphrase_cmd->add_option("--new-passphrase-file", passphrase.new_passphrase_file,
                             "read the new passphrase from this file, - for stdin (else $PASSERELLE_NEW_PASSPHRASE, "
                             "else a prompt, twice)");

  CommonArgs did;
  CLI::App* did_cmd = program.AddVerb("did", "print the holder's DID",
                                      [&] { return RunDid(did, std::cout, std::cerr); });
  did_cmd->add_option("--dir", did.dir, "the wallet's data folder");

  ImportArgs import;
  CLI::App* import_cmd = program.AddVerb("import", "verify a credential, then store it (FILE, - for stdin, or an http(s) URL)",
                                         [&] { return RunImport(import, std::cin, std::cout, std::cerr); });
  AddCommon(import_cmd, import.common);
  import_cmd->add_option("source", import.source, "FILE, - or URL")->required();
  AddIssuerKeyOptions(import_cmd, import.keys);
  import_cmd->add_option("--status-cache", import.status_cache, "status lists fetched by verifier sync");

  ClaimArgs claim;
  CLI::App* claim_cmd = program.AddVerb("claim",
      "claim credentials an issuer offers (OpenID4VCI): bound to your key, verified, then stored",
      [&] { return RunClaim(claim, std::cin, std::cout, std::cerr); });
  AddCommon(claim_cmd, claim.common);
  claim_cmd->add_option("offer", claim.offer,
                        "the offer: an openid-credential-offer:// URI, its QR image (PNG/JPEG), a .txt file, or -")
      ->required();
  auto* pin = claim_cmd->add_option("--pin", claim.pin, "the PIN the issuer sent you separately");
  claim_cmd->add_option("--pin-file", claim.pin_file, "read the PIN from this file's first line (kept out of ps)")
      ->excludes(pin);
  AddIssuerKeyOptions(claim_cmd, claim.keys);

  ListArgs list;
  CLI::App* list_cmd = program.AddVerb("list", "list the credentials (titles in your language, from LANG)",
                                       [&] { return RunList(list, std::cout, std::cerr); });
  AddCommon(list_cmd, list.common);
  list_cmd->add_flag("--json", list.json, "print a JSON array");

  ProgressArgs progress;
  CLI::App* progress_cmd = program.AddVerb(
      "progress", "how far your verified credentials go towards a programme: ECTS earned, modules missing",
      [&] { return RunProgress(progress, std::cout, std::cerr); });
  AddCommon(progress_cmd, progress.common);
  progress_cmd->add_option("--programme", progress.programme, "programme file (docs/formats/programme.md)")->required();
  progress_cmd->add_flag("--json", progress.json, "print JSON");
  AddIssuerKeyOptions(progress_cmd, progress.keys);

  ShowArgs show;
  CLI::App* show_cmd = program.AddVerb("show", "show one credential in full",
                                       [&] { return RunShow(show, std::cout, std::cerr); });
  AddCommon(show_cmd, show.common);
  show_cmd->add_option("id", show.id, "wallet ID (from wallet list) or credential id")->required();
  show_cmd->add_flag("--json", show.json, "print JSON");
  AddIssuerKeyOptions(show_cmd, show.keys);

  PresentArgs present;
  CLI::App* present_cmd = program.AddVerb("present", "sign a verifiable presentation of chosen credentials",
                                          [&] { return RunPresent(present, std::cout, std::cerr); });
  AddPresentOptions(present_cmd, present);
  present_cmd->add_option("--out", present.out_file, "write it to FILE (default: standard output)");

  QrArgs qr;
  CLI::App* qr_cmd = program.AddVerb("qr", "sign a presentation and draw it as a QR code",
                                     [&] { return RunQr(qr, std::cout, std::cerr); });
  AddPresentOptions(qr_cmd, qr.present);
  qr_cmd->add_option("--png", qr.png, "write a PNG image to FILE");
  qr_cmd->add_option("--svg", qr.svg, "write an SVG image to FILE");
  qr_cmd->add_flag("--terminal", qr.terminal, "draw the code in the terminal");
  qr_cmd->add_flag("--text", qr.text, "print the payload text (PSL1:…) instead of drawing it");
  qr_cmd->add_option("--scale", qr.scale, "PNG pixels per module (default 8)")->check(CLI::Range(1, 64));

  ExportArgs export_args;
  CLI::App* export_cmd = program.AddVerb("export", "write a stored credential out",
                                         [&] { return RunExport(export_args, std::cout, std::cerr); });
  AddCommon(export_cmd, export_args.common);
  export_cmd->add_option("id", export_args.ids, "wallet ID or credential id (several for pdf)")->required();
  export_cmd->add_option("--format", export_args.format, "json, europass, openbadges or pdf")->required();
  export_cmd->add_option("--out", export_args.out_file, "write to FILE (default: standard output)");
  export_cmd->add_option("--lang", export_args.lang, "pdf, openbadges: language of the text, e.g. kk (default: LANG; openbadges: en)");
  export_cmd->add_option("--qr", export_args.qr, "pdf: credential (default), presentation (signed by you) or none");
  export_cmd->add_option("--challenge", export_args.challenge, "pdf --qr presentation: the verifier's challenge");
  export_cmd->add_option("--domain", export_args.domain, "pdf --qr presentation: the verifier's domain");

  return program.Run(argc, argv, std::cout, std::cerr);
}
