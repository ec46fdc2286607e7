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

struct ImportArgs {
  CommonArgs common;
  std::string source;  // FILE, "-" or an http(s) URL
  std::vector<std::string> did_documents;
  std::optional<std::string> status_cache;
};

struct ListArgs {
  CommonArgs common;
  bool json = false;
};

struct ShowArgs {
  CommonArgs common;
  std::string id;
  bool json = false;
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
  std::vector<std::string> did_documents;
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
  std::string id;
  std::string format;
  std::optional<std::string> out_file;
};

int RunInit(const CommonArgs& args, std::ostream& out, std::ostream& err);
int RunDid(const CommonArgs& args, std::ostream& out, std::ostream& err);
int RunImport(const ImportArgs& args, std::istream& in, std::ostream& out, std::ostream& err);
int RunList(const ListArgs& args, std::ostream& out, std::ostream& err);
int RunShow(const ShowArgs& args, std::ostream& out, std::ostream& err);
int RunPresent(const PresentArgs& args, std::ostream& out, std::ostream& err);
int RunQr(const QrArgs& args, std::ostream& out, std::ostream& err);
int RunExport(const ExportArgs& args, std::ostream& out, std::ostream& err);

}  // namespace passerelle::wallet::cli
