// Passerelle wallet CLI — `wallet present` and `wallet qr`: a signed,
// self-checked presentation, as JSON or as a QR code.
#include <sys/ioctl.h>
#include <unistd.h>

#include <filesystem>
#include <ostream>

#include <nlohmann/json.hpp>

#include "formats/json.h"
#include "formats/qr_payload.h"
#include "verifier/challenge_code.h"
#include "verifier/qr/qr_scan.h"
#include "wallet-cli/commands/commands.h"
#include "wallet-cli/commands/common.h"
#include "wallet-cli/presentation.h"
#include "wallet-cli/qr_render.h"

namespace passerelle::wallet::cli {

namespace {

// The challenge code --challenge-from names: the text of the QR code in an
// image file, else the argument itself, in canonical form.
// Errors: kInvalidArgument (not a challenge code), those of ReadQrCodeFile.
Result<std::string> ChallengeFrom(const std::string& from) {
  std::error_code ec;
  std::string text = from;
  if (from.size() < 4096 && std::filesystem::is_regular_file(from, ec)) {
    PSL_ASSIGN_OR_RETURN(text, qr::ReadQrCodeFile(from));
  }
  auto code = ParseChallengeCode(text);
  if (!code.ok()) return code.status().Annotate("--challenge-from");
  return code;
}

// The verified compact JSON of a new presentation of `args.ids`.
Result<std::string> Present(const PresentArgs& args, std::ostream& err) {
  if (args.challenge && args.challenge_from)
    return Status::InvalidArgument("--challenge and --challenge-from can't be used together");
  if (args.ids.empty()) return Status::InvalidArgument("name at least one credential ID (see wallet list)");
  PSL_ASSIGN_OR_RETURN(OpenedWallet wallet, OpenWallet(args.common, LockMode::kShared, err));
  PSL_ASSIGN_OR_RETURN(DidResolver resolver, LoadIssuerKeys(wallet.store, args.keys));
  std::vector<nlohmann::json> credentials;
  for (const auto& id : args.ids) {
    PSL_ASSIGN_OR_RETURN(IndexEntry entry, wallet.store.Find(id));
    PSL_ASSIGN_OR_RETURN(StoredCredential stored, wallet.store.Load(entry));
    PSL_ASSIGN_OR_RETURN(nlohmann::json vc,
                         ParseJson(stored.credential_json, JsonLimits{kMaxStoredCredentialBytes, 64}));
    credentials.push_back(std::move(vc));
  }
  PSL_ASSIGN_OR_RETURN(Ed25519SigningKey holder, wallet.store.HolderKey(wallet.passphrase));
  PresentOptions options;
  options.challenge = args.challenge;
  if (args.challenge_from) {
    PSL_ASSIGN_OR_RETURN(std::string code, ChallengeFrom(*args.challenge_from));
    options.challenge = code;
  }
  options.domain = args.domain;
  options.resolver = std::move(resolver);
  return MakePresentation(credentials, holder, options);
}

void HintChallenge(const PresentArgs& args, std::ostream& err) {
  if (!args.challenge && !args.challenge_from)
    Diag(err).Hint("no --challenge: a verifier cannot tell this presentation from a replay; "
                   "ask the verifier for a challenge and pass it with --challenge");
}

}  // namespace

int RunPresent(const PresentArgs& args, std::ostream& out, std::ostream& err) {
  auto presentation = Present(args, err);
  if (!presentation.ok()) return Fail(err, presentation.status());
  std::string bytes = *presentation + "\n";
  if (args.out_file && *args.out_file != "-") {
    Status s = WriteOutput(*args.out_file, bytes, out);
    if (!s.ok()) return Fail(err, s);
    err << "wallet: wrote a presentation of " << args.ids.size() << " credential(s) to \"" << *args.out_file
        << "\"\n";
  } else {
    out << bytes;
  }
  HintChallenge(args, err);
  return 0;
}

int RunQr(const QrArgs& args, std::ostream& out, std::ostream& err) {
  int outputs = (args.png ? 1 : 0) + (args.svg ? 1 : 0) + (args.terminal ? 1 : 0) + (args.text ? 1 : 0);
  if (outputs != 1) {
    Diag(err).Error(outputs == 0 ? "choose where the QR code goes"
                                 : "--png, --svg, --terminal and --text can't be used together");
    Diag(err).Hint("--terminal draws it here; --png FILE or --svg FILE saves an image; --text prints the payload");
    return 2;
  }
  if (args.png && *args.png == "-" && ::isatty(STDOUT_FILENO)) {
    Diag(err).Error("refusing to write a PNG image to the terminal");
    Diag(err).Hint("use --png FILE, redirect standard output, or --terminal to draw the code here");
    return 2;
  }
  auto presentation = Present(args.present, err);
  if (!presentation.ok()) return Fail(err, presentation.status());
  // The payload carries exactly the bytes that were just verified.
  auto payload = EncodeQrPayload(*presentation);
  if (!payload.ok()) return Fail(err, payload.status());
  auto matrix = EncodeQrMatrix(*payload);
  if (!matrix.ok()) {
    int code = Fail(err, matrix.status());
    Diag(err).Hint("present fewer credentials per QR code, or send the file from wallet present");
    return code;
  }
  int columns_needed = matrix->size + 2 * kQuietZoneModules;
  winsize window{};
  if (args.terminal && ::isatty(STDOUT_FILENO) && ::ioctl(STDOUT_FILENO, TIOCGWINSZ, &window) == 0 &&
      window.ws_col > 0 && window.ws_col < columns_needed) {
    Diag(err).Warning("the code is " + std::to_string(columns_needed) + " columns wide and this terminal has " +
                          std::to_string(window.ws_col) + ": it will not scan");
    Diag(err).Hint("widen the terminal or make the font smaller, or use --png FILE");
  }
  std::string image;
  if (args.text) {
    image = *payload + "\n";
  } else if (args.terminal) {
    image = RenderTerminal(*matrix);
  } else if (args.svg) {
    image = RenderSvg(*matrix);
  } else {
    auto png = RenderPng(*matrix, args.scale);
    if (!png.ok()) return Fail(err, png.status());
    image = std::move(*png);
  }
  const std::string target = args.terminal || args.text ? "-" : (args.png ? *args.png : *args.svg);
  Status written = WriteOutput(target, image, out);
  if (!written.ok()) return Fail(err, written);
  err << "wallet: QR code version " << matrix->version << " (" << matrix->size << "×" << matrix->size
      << " modules, level M), " << payload->size() << " characters, " << presentation->size()
      << " bytes of presentation" << (target == "-" ? "" : " → \"" + target + "\"") << "\n";
  HintChallenge(args.present, err);
  return 0;
}

}  // namespace passerelle::wallet::cli
