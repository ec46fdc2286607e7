// Passerelle — the employer's page of `verifier serve`, as HTML: the form
// (a challenge code with its QR code, a photo upload that opens the phone
// camera, pasted QR text, a file) and the verdict, in the reader's language
// (i18n/messages). The verdict leads with what a person checks (holder,
// titles, grades, ECTS, levels, awarding body, dates), then one sentence for
// the outcome, then the technical checks folded in <details>; its <main>
// carries data-outcome = presented | authentic | refused | unreadable.
// Every value is HTML-escaped; no script, no external resource (the
// response's CSP forbids both). Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "http/message.h"
#include "verifier/verifier.h"

namespace passerelle::verifier_http {

// What the page shows around the form.
struct PageContext {
  std::string lang = "en";        // one of i18n::SupportedLanguages()
  std::string challenge;          // a fresh code, canonical ("K7QX-3MPA")
  int challenge_minutes = 15;     // its lifetime
  std::size_t max_upload_bytes = 8u << 20;
};

enum class PageOutcome { kPresented, kAuthentic, kRefused, kUnreadable };

// "presented", "authentic", "refused", "unreadable" (data-outcome).
const char* PageOutcomeName(PageOutcome outcome);

struct VerdictView {
  PageOutcome outcome = PageOutcome::kUnreadable;
  // The report; null when nothing could be read (outcome kUnreadable).
  const VerificationReport* report = nullptr;
  // True only when this page's challenge was redeemed for a presentation
  // whose holder proof holds: the only way to "presented".
  bool presented = false;
  // A translated sentence about the challenge (reused, expired, …), or "".
  std::string challenge_message;
  // Why nothing could be read, for the folded technical part, or "".
  std::string unreadable_detail;
  // Extra sentence for unreadable input (e.g. the upload is too large), or "".
  std::string unreadable_hint;
  Timestamp checked_at;
};

// The page outcome of a report (see VerdictView::presented): unreadable for
// malformed input, refused when any credential is refused (or none is
// carried), presented when `presented` and every credential presented,
// else authentic.
PageOutcome OutcomeOfPage(const VerificationReport& report, bool presented);

// The whole page: GET / (verdict null), or a verdict followed by the form
// for the next candidate.
std::string RenderPage(const PageContext& context, const VerdictView* verdict);

// `body` as an HTML response with the page's security headers (CSP without
// script or external resources, nosniff, no-referrer, no-store).
http::HttpResponse HtmlResponse(int status, std::string body);

// `text` safe inside HTML text and quoted attribute values: & < > " '
// become entities, everything else is kept as is.
std::string HtmlEscape(std::string_view text);

// An inline SVG drawing of a QR code holding `text` (qrcodegen, medium
// error correction), or "" when it does not fit in a QR code.
std::string QrSvg(std::string_view text);

}  // namespace passerelle::verifier_http
