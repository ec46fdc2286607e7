// Passerelle wallet CLI — `wallet export ID... --format json|europass|pdf|openbadges`.
#include <unistd.h>

#include <ostream>

#include <nlohmann/json.hpp>

#include "formats/credential.h"
#include "formats/json.h"
#include "formats/openbadges.h"
#include "formats/qr_payload.h"
#include "wallet-cli/commands/commands.h"
#include "wallet-cli/commands/common.h"
#include "wallet-cli/export/europass_export.h"
#include "wallet-cli/export/pdf_document.h"
#include "wallet-cli/import_check.h"
#include "wallet-cli/language.h"
#include "wallet-cli/presentation.h"
#include "wallet-cli/qr_render.h"

namespace passerelle::wallet::cli {

namespace {

// The stored bytes, as imported (their proofs verify), without trailing whitespace.
std::string Trimmed(std::string bytes) {
  while (!bytes.empty() && (bytes.back() == '\n' || bytes.back() == '\r' || bytes.back() == ' ')) bytes.pop_back();
  return bytes;
}

// The QR payload for one printed credential (or presentation), or "" when
// it cannot be one QR code (the page then says so and the user is told here).
std::string PrintedPayload(const std::string& id, const std::string& bytes, std::ostream& err) {
  auto payload = EncodeQrPayload(bytes);
  Status why = payload.ok() ? EncodeQrMatrix(*payload).status() : payload.status();
  if (why.ok() && EncodeQrMatrix(*payload)->size > kMaxPrintedQrModules) why = Status::ResourceExhausted("too many modules");
  if (why.ok()) return *payload;
  Diag(err).Warning("credential " + id + " is too large for one QR code (" + std::to_string(bytes.size()) +
                    " bytes): its page is printed without one");
  Diag(err).Hint("the page tells the reader to ask for the electronic file: wallet export " + id +
                 " --format json");
  return {};
}

int ExportPdf(const ExportArgs& args, OpenedWallet& wallet, std::ostream& out, std::ostream& err) {
  if (!args.out_file) {
    Diag(err).Error("--format pdf needs --out FILE");
    Diag(err).Hint("wallet export ID --format pdf --out credential.pdf");
    return 2;
  }
  if (*args.out_file == "-" && ::isatty(STDOUT_FILENO)) {
    Diag(err).Error("refusing to write a PDF to the terminal");
    Diag(err).Hint("use --out FILE, or redirect standard output");
    return 2;
  }
  if (args.qr != "credential" && args.qr != "presentation" && args.qr != "none") {
    Diag(err).Error("--qr \"" + args.qr + "\": expected credential, presentation or none");
    return 2;
  }
  if ((args.challenge || args.domain) && args.qr != "presentation") {
    Diag(err).Error("--challenge and --domain go with --qr presentation");
    Diag(err).Hint("a printed credential's QR code proves the document; a presentation also proves who holds it");
    return 2;
  }
  std::optional<Ed25519SigningKey> holder;
  if (args.qr == "presentation") {
    auto key = wallet.store.HolderKey(wallet.passphrase);
    if (!key.ok()) return Fail(err, key.status());
    holder.emplace(std::move(*key));
  }
  auto resolver = LoadIssuerKeys(wallet.store, IssuerKeyArgs{});
  if (!resolver.ok()) return Fail(err, resolver.status());
  std::vector<PdfCredential> pages;
  for (const auto& id : args.ids) {
    auto entry = wallet.store.Find(id);
    if (!entry.ok()) return Fail(err, entry.status());
    auto stored = wallet.store.Load(*entry);
    if (!stored.ok()) return Fail(err, stored.status());
    std::string bytes = Trimmed(stored->credential_json);
    auto vc = ParseCredential(bytes, JsonLimits{kMaxStoredCredentialBytes, 64});
    if (!vc.ok()) return Fail(err, vc.status().Annotate("stored credential " + id));
    // Print what verifies now; say so when it no longer does (expired, revoked).
    VerifyOptions options;
    options.resolver = *resolver;
    ImportCheck check = CheckForImport(bytes, wallet.store.holder_did(), options);
    if (!check.accepted)
      Diag(err).Warning("credential " + id + " no longer verifies: a verifier will refuse its QR code");
    std::string qr_bytes = bytes;
    if (holder) {
      // A presentation of this credential alone, signed by the holder's key
      // and checked before it is printed.
      auto document = ParseJson(bytes, JsonLimits{kMaxStoredCredentialBytes, 64});
      if (!document.ok()) return Fail(err, document.status());
      PresentOptions present;
      present.challenge = args.challenge;
      present.domain = args.domain;
      present.resolver = *resolver;
      auto vp = MakePresentation({*document}, *holder, present);
      if (!vp.ok()) return Fail(err, vp.status());
      qr_bytes = std::move(*vp);
    }
    std::string payload = args.qr == "none" ? std::string() : PrintedPayload(id, qr_bytes, err);
    pages.push_back(PdfCredential{std::move(*vc), std::move(payload)});
  }
  PdfOptions options;
  options.language = args.lang.value_or(PreferredLanguage());
  auto pdf = RenderCredentialPdf(pages, options);
  if (!pdf.ok()) return Fail(err, pdf.status());
  Status s = WriteOutput(*args.out_file, *pdf, out);
  if (!s.ok()) return Fail(err, s);
  if (*args.out_file != "-")
    err << "wallet: wrote " << pages.size() << " credential(s) to \"" << *args.out_file << "\"\n";
  return 0;
}

}  // namespace

int RunExport(const ExportArgs& args, std::ostream& out, std::ostream& err) {
  if (args.format != "json" && args.format != "openbadges" && args.format != "europass" && args.format != "pdf") {
    Diag(err).Error("--format \"" + args.format + "\": expected json, europass, openbadges or pdf");
    return 2;
  }
  if (args.ids.size() != 1 && args.format != "pdf") {
    Diag(err).Error("--format " + args.format + " exports one credential at a time");
    Diag(err).Hint("several IDs go into one document with --format pdf");
    return 2;
  }
  auto wallet = OpenWallet(args.common, LockMode::kShared, err);
  if (!wallet.ok()) return Fail(err, wallet.status());
  if (args.format == "pdf") return ExportPdf(args, *wallet, out, err);
  auto entry = wallet->store.Find(args.ids[0]);
  if (!entry.ok()) return Fail(err, entry.status());
  auto stored = wallet->store.Load(*entry);
  if (!stored.ok()) return Fail(err, stored.status());
  std::string bytes;
  if (args.format == "json") {
    // The credential exactly as it was imported: its proof still verifies.
    bytes = stored->credential_json;
  } else {
    auto vc = ParseCredential(stored->credential_json, JsonLimits{kMaxStoredCredentialBytes, 64});
    if (!vc.ok()) return Fail(err, vc.status().Annotate("stored credential"));
    // europass: the ELM 3 edc-ap document; openbadges: an unsigned OB 3.0
    // Achievement for badge platforms (text in --lang).
    auto doc = args.format == "europass" ? ToEuropass(*vc)
                                         : OpenBadgeAchievement(*vc, args.lang.value_or("en"), /*standalone=*/true);
    if (!doc.ok()) return Fail(err, doc.status());
    bytes = DumpJsonPretty(*doc);
  }
  if (bytes.empty() || bytes.back() != '\n') bytes += '\n';
  Status s = WriteOutput(args.out_file.value_or("-"), bytes, out);
  if (!s.ok()) return Fail(err, s);
  return 0;
}

}  // namespace passerelle::wallet::cli
