// Passerelle wallet CLI — the verbs' arguments and run functions. main.cc
// only parses arguments; each Run* returns the exit status (0 done, 1 a
// definite no: refused, does not verify; 2 no verdict: usage, unreadable
// input, wrong passphrase, I/O), writes data to `out` and diagnostics
// ("wallet: error: …", "warning:", "hint:") to `err`.
#pragma once

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

namespace passerelle::wallet::cli {

struct CommonArgs {
  std::optional<std::string> dir;              // --dir, else PASSERELLE_WALLET_DIR, else the default
  std::optional<std::string> passphrase_file;  // else PASSERELLE_PASSPHRASE, else a prompt
};

// What resolves a did:web issuer offline (docs/cli/wallet.md, "did:web
// issuers"): DID document files, and trust lists (with the roots they chain
// to) whose entries give issuers' keys.
struct IssuerKeyArgs {
  std::vector<std::string> did_documents;
  std::vector<std::string> trust_roots;
  std::vector<std::string> trust_lists;
  bool empty() const { return did_documents.empty() && trust_roots.empty() && trust_lists.empty(); }
};

struct ImportArgs {
  CommonArgs common;
  std::string source;  // FILE, "-" or an http(s) URL
  IssuerKeyArgs keys;
  std::optional<std::string> status_cache;
};

// wallet claim OFFER [--pin PIN] (docs/claiming.md)
struct ClaimArgs {
  CommonArgs common;
  std::string offer;               // the URI, a QR image, a .txt file, or "-"
  std::optional<std::string> pin;  // the transaction code sent separately
  std::optional<std::string> pin_file;  // or read from this file (keeps it out of `ps`)
  IssuerKeyArgs keys;  // for a did:web issuer, as with import (kept the same way)
};

// wallet passphrase: re-encrypt the wallet under a new passphrase.
struct PassphraseArgs {
  CommonArgs common;                               // the current passphrase, as for every verb
  std::optional<std::string> new_passphrase_file;  // else PASSERELLE_NEW_PASSPHRASE, else a prompt (twice)
};

struct ListArgs {
  CommonArgs common;
  bool json = false;
};

struct ShowArgs {
  CommonArgs common;
  std::string id;
  bool json = false;
  IssuerKeyArgs keys;
};

struct PresentArgs {
  CommonArgs common;
  std::vector<std::string> ids;
  std::optional<std::string> challenge;
  // --challenge-from: a photo of a verifier page's challenge QR code, or
  // its code as typed ("k7qx 3mpa"); signed in canonical form ("K7QX-3MPA").
  std::optional<std::string> challenge_from;
  std::optional<std::string> domain;
  std::optional<std::string> out_file;  // present: --out
  IssuerKeyArgs keys;
};

struct QrArgs {
  PresentArgs present;
  std::optional<std::string> png;
  std::optional<std::string> svg;
  bool terminal = false;
  bool text = false;  // the payload itself, for verifier verify --qr-text
  int scale = 8;
};

struct ExportArgs {
  CommonArgs common;
  std::vector<std::string> ids;  // one, or several for --format pdf
  std::string format;
  std::optional<std::string> out_file;
  std::optional<std::string> lang;  // pdf: language of the page (default: the user's)
  std::string qr = "credential";    // pdf: credential | presentation | none
  std::optional<std::string> challenge;  // pdf --qr presentation: the verifier's challenge
  std::optional<std::string> domain;
};

// wallet progress: how far the verified credentials go towards a programme.
struct ProgressArgs {
  CommonArgs common;
  std::string programme;
  IssuerKeyArgs keys;
  bool json = false;
};

int RunInit(const CommonArgs& args, std::ostream& out, std::ostream& err);
int RunDid(const CommonArgs& args, std::ostream& out, std::ostream& err);
// Re-encrypts everything under a new passphrase (the current one opens the
// wallet); says so on `err`, nothing on `out`. 2 on a wrong or missing
// passphrase, the same passphrase twice, or an I/O error (the message says
// which passphrase opens the wallet then).
int RunPassphrase(const PassphraseArgs& args, std::ostream& out, std::ostream& err);
int RunImport(const ImportArgs& args, std::istream& in, std::ostream& out, std::ostream& err);
int RunClaim(const ClaimArgs& args, std::istream& in, std::ostream& out, std::ostream& err);
int RunList(const ListArgs& args, std::ostream& out, std::ostream& err);
int RunShow(const ShowArgs& args, std::ostream& out, std::ostream& err);
int RunPresent(const PresentArgs& args, std::ostream& out, std::ostream& err);
int RunQr(const QrArgs& args, std::ostream& out, std::ostream& err);
int RunExport(const ExportArgs& args, std::ostream& out, std::ostream& err);
// Always 0 once the programme and the wallet are read (the report says what
// is missing); 2 when either cannot be read.
int RunProgress(const ProgressArgs& args, std::ostream& out, std::ostream& err);

}  // namespace passerelle::wallet::cli
