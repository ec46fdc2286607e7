// Passerelle wallet — the printable credential: an A4 PDF laid out with
// pango and drawn with cairo (docs/cli/wallet.md, "export").
//
// Each page shows one credential's human content in a chosen language
// (title, holder, grade and scale, credits, level, workload, learning
// outcomes, awarding body and quality assurance, validity) and, when it
// fits, a QR code of the signed credential as a `PSL1:` payload
// (formats/qr_payload.h) drawn large enough for `verifier verify --qr` to
// read from a 150 dpi scan. cairo and pango stay inside the .cc file.
// Thread-compatible (fontconfig is process-global).
#pragma once

#include <string>
#include <vector>

#include "formats/credential.h"
#include "formats/status.h"

namespace passerelle::wallet {

struct PdfCredential {
  Credential credential;
  // The payload the QR code holds; empty: no QR code, and the page says why.
  std::string qr_payload;
};

struct PdfOptions {
  // BCP 47 tag of the language for the credential's text and the labels;
  // each language map falls back as PickLanguage does.
  std::string language = "en";
};

// The most QR modules per side printed (version 40 is 177): beyond it a
// 150 dpi scan has under 3 pixels per module.
inline constexpr int kMaxPrintedQrModules = 177;

// Returns the PDF bytes: one A4 page per credential (a second page when its
// text leaves no room for the QR code).
// Errors: kInvalidArgument (no credentials), kResourceExhausted (a payload
// too large for a QR code: callers pass an empty payload instead),
// kInternal (cairo failed).
Result<std::string> RenderCredentialPdf(const std::vector<PdfCredential>& credentials, const PdfOptions& options);

}  // namespace passerelle::wallet
