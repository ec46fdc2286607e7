// Passerelle — the employer's page as HTML (see employer_page.h).
#include "verifier/http/employer_page.h"

#include <algorithm>

#include <qrcodegen/qrcodegen.hpp>

#include <cstdint>

#include "formats/datetime.h"
#include "formats/profile.h"
#include "i18n/accept_language.h"
#include "i18n/messages.h"
#include "verifier/recognition.h"

namespace passerelle::verifier_http {

std::string HtmlEscape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

namespace {

class Text {
 public:
  explicit Text(std::string lang) : lang_(std::move(lang)) {}
  // The message, HTML-escaped; arguments are escaped before substitution.
  std::string operator()(std::string_view key, const std::vector<std::string>& args = {}) const {
    std::vector<std::string> escaped;
    for (const auto& a : args) escaped.push_back(HtmlEscape(a));
    return i18n::Substitute(HtmlEscape(i18n::Message(lang_, key)), escaped);
  }
  const std::string& lang() const { return lang_; }

 private:
  std::string lang_;
};

constexpr std::string_view kStyle =
    "body{font-family:'DejaVu Sans',system-ui,sans-serif;max-width:48rem;margin:1rem auto;padding:0 1rem;"
    "line-height:1.45;color:#1a1a1a;overflow-wrap:anywhere}"
    "nav.langs{font-size:.9rem;text-align:right}nav.langs a{margin-left:.5rem}nav.langs a[aria-current]{font-weight:700;"
    "text-decoration:none;color:#1a1a1a}"
    "h1{font-size:1.6rem;margin:.5rem 0}h2{font-size:1.2rem;margin:1rem 0 .4rem}"
    "code,.did{font-family:'DejaVu Sans Mono',monospace;overflow-wrap:anywhere;word-break:break-all}"
    ".code{font-family:'DejaVu Sans Mono',monospace;font-size:2rem;font-weight:700;letter-spacing:.15rem}"
    ".challenge{display:flex;gap:1rem;align-items:center;flex-wrap:wrap;border:1px solid #bbb;border-radius:.5rem;"
    "padding:.8rem}.challenge svg{width:9rem;height:9rem;flex:none}.challenge div{flex:1;min-width:14rem}.challenge p{margin:.3rem 0}"
    "form label{display:block;margin:.6rem 0}textarea{width:100%;min-height:5rem;font-family:monospace;box-sizing:border-box}"
    "button{font-size:1.1rem;padding:.5rem 1.5rem}"
    "main.verdict{border-left:.6rem solid #888;padding:.6rem 1rem;margin:1rem 0;border-radius:.3rem}"
    "main[data-outcome=presented]{border-color:#137333;background:#e6f4ea}"
    "main[data-outcome=authentic]{border-color:#b06000;background:#fef7e0}"
    "main[data-outcome=refused]{border-color:#b3261e;background:#fce8e6}"
    "main[data-outcome=unreadable]{border-color:#5f6368;background:#f1f3f4}"
    ".outcome{font-size:1.3rem;font-weight:700}.reason{font-size:1.4rem;font-weight:700;color:#b3261e}"
    ".card{background:#fff;border:1px solid #ddd;border-radius:.4rem;padding:.6rem .9rem;margin:.6rem 0}"
    ".card.refused{border-color:#b3261e}.card h2{margin:.1rem 0 .4rem}"
    "dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;margin:0}dt{color:#555}dd{margin:0}"
    ".claimed{color:#555;font-style:italic}"
    "details{margin-top:.8rem}li.fail{color:#b3261e}";

std::string LanguageSwitch(const Text& t) {
  std::string out = "<nav class=\"langs\" aria-label=\"" + t("page.language") + "\">" + t("page.language") + ":";
  for (const std::string& lang : i18n::SupportedLanguages()) {
    out += " <a href=\"/?lang=" + lang + "\" hreflang=\"" + lang + "\" lang=\"" + lang + "\"" +
           (lang == t.lang() ? " aria-current=\"page\"" : "") + ">" + HtmlEscape(i18n::Message(lang, "lang.name")) + "</a>";
  }
  return out + "</nav>\n";
}

std::string FormHtml(const PageContext& c, const Text& t) {
  std::string qr = QrSvg(c.challenge);
  return "<h1>" + t("page.title") + "</h1>\n<p>" + t("page.lead") + "</p>\n" +
         "<h2>" + t("page.step_challenge") + "</h2>\n<div class=\"challenge\">" + qr +
         "<div><p class=\"code\" id=\"challenge-code\">" + HtmlEscape(c.challenge) + "</p><p>" +
         t("page.challenge_hint", {std::to_string(c.challenge_minutes)}) + "</p><p><small><code>" +
         t("page.challenge_cli", {c.challenge}) + "</code></small></p></div></div>\n" +
         "<h2>" + t("page.step_input") + "</h2>\n"
         "<form method=\"post\" action=\"/verify\" enctype=\"multipart/form-data\">\n"
         "<input type=\"hidden\" name=\"lang\" value=\"" + HtmlEscape(t.lang()) + "\">\n"
         "<label>" + t("page.photo") + "<br><input type=\"file\" name=\"qr_image\" accept=\"image/*\" "
         "capture=\"environment\"></label>\n"
         "<label>" + t("page.text") + "<br><textarea name=\"qr_text\"></textarea></label>\n"
         "<label>" + t("page.file") + "<br><input type=\"file\" name=\"file\" "
         "accept=\"application/json,application/ld+json,.json,.jsonld\"></label>\n"
         "<label>" + t("page.challenge_field") + " <input name=\"challenge\" value=\"" + HtmlEscape(c.challenge) +
         "\" size=\"12\" autocomplete=\"off\"></label>\n"
         "<p><button type=\"submit\">" + t("page.submit") + "</button></p>\n</form>\n"
         "<p><small>" + t("page.printed_note") + "</small></p>\n<p><small>" + t("page.privacy") + "</small></p>\n";
}

// The translated reason a credential was refused, from its first failing
// check (the holder binding only when nothing else failed).
std::string ReasonKey(const CredentialVerdict& c) {
  const CheckResult* failed = nullptr;
  for (const auto& check : c.checks)
    if (!check.ok && (failed == nullptr || failed->check == "holder")) failed = &check;
  if (failed == nullptr) return "reason.other";
  const std::string& d = failed->detail;
  if (failed->check == "status") {
    if (d.find("suspended") != std::string::npos) return "reason.suspended";
    if (d.find("revoked") != std::string::npos) return "reason.revoked";
    if (d.find("status unknown") != std::string::npos) return "reason.status_unknown";
    return "reason.other";
  }
  if (failed->check == "validity") return d.find("not valid before") != std::string::npos ? "reason.not_yet_valid" : "reason.expired";
  if (failed->check == "issuer") return "reason.untrusted";
  if (failed->check == "proof") return "reason.altered";
  if (failed->check == "model" || failed->check == "profile") return "reason.malformed";
  if (failed->check == "holder") return "reason.not_holder";
  return "reason.other";
}

void Row(std::string& out, const std::string& label, const std::string& value_html) {
  if (!value_html.empty()) out += "<dt>" + label + "</dt><dd>" + value_html + "</dd>";
}

// `own_reason`: the card says why it was refused (several credentials; a
// single one has its reason at the top of the verdict already).
std::string CredentialCard(const VerificationReport& r, const CredentialVerdict& c, bool presented, bool own_reason,
                           const Text& t) {
  Outcome outcome = OutcomeOf(r, c);
  if (outcome == Outcome::kPresented && !presented) outcome = Outcome::kAuthentic;
  const bool refused = outcome == Outcome::kRefused;
  const std::string lang = t.lang();
  std::vector<std::string> chain = i18n::FallbackChain(lang);
  chain.erase(chain.begin());
  std::string out = std::string("<section class=\"card ") + OutcomeName(outcome) + "\">";
  if (refused && own_reason) out += "<p class=\"reason\">" + t(ReasonKey(c)) + "</p>";
  if (refused) out += "<p class=\"claimed\">" + t("field.not_vouched") + "</p>";
  const Credential& vc = c.credential;
  const Achievement* a = vc.achievement();
  std::string title = a ? std::string(PickLanguage(a->title, lang, chain)) : std::string();
  out += "<h2>" + (title.empty() ? t("field.untitled") : HtmlEscape(title)) + "</h2><dl>";
  if (a) {
    Row(out, t("field.holder"), HtmlEscape(a->holder_name));
    if (a->kind) Row(out, t("field.kind"), t(std::string("kind.") + CredentialKindName(*a->kind)));
    if (a->grade) Row(out, t("field.grade"), "<b>" + HtmlEscape(a->grade->value) + "</b> (" + HtmlEscape(a->grade->scheme) + ")");
    if (a->ects) Row(out, t("field.ects"), HtmlEscape(FormatNumber(*a->ects)));
    if (a->eqf_level > 0) Row(out, t("field.eqf"), std::to_string(a->eqf_level));
    Row(out, t("field.nqf"), HtmlEscape(a->nqf_level));
    Row(out, t("field.obtained"), t(std::string("obtained.") + ObtainedByName(a->obtained_by)));
  }
  const Party& issuer = vc.issuer();
  std::string body = HtmlEscape(PickLanguage(issuer.name, lang, chain));
  if (body.empty()) body = "<span class=\"did\">" + HtmlEscape(issuer.id) + "</span>";
  if (!issuer.country.empty()) body += " (" + HtmlEscape(issuer.country) + ")";
  Row(out, t("field.awarding_body"), body);
  if (!c.accredited_by.empty()) Row(out, t("field.accredited_by"), "<span class=\"did\">" + HtmlEscape(c.accredited_by) + "</span>");
  if (a && a->awarded_on) Row(out, t("field.awarded_on"), HtmlEscape(FormatDateTime(*a->awarded_on).substr(0, 10)));
  out += "</dl>";
  out += "<details><summary>" + t("checks.summary") + "</summary><ul>";
  for (const auto& check : c.checks)
    out += std::string("<li class=\"") + (check.ok ? "ok" : "fail") + "\">" + HtmlEscape(check.check) + ": " +
           (check.ok ? t("checks.ok") : t("checks.failed")) + " — <span class=\"did\">" + HtmlEscape(check.detail) +
           "</span></li>";
  out += "</ul></details></section>\n";
  return out;
}

std::string VerdictHtml(const VerdictView& v, const Text& t) {
  std::string out = std::string("<main class=\"verdict\" data-outcome=\"") + PageOutcomeName(v.outcome) + "\">\n";
  if (v.outcome == PageOutcome::kUnreadable || v.report == nullptr) {
    out += "<p class=\"outcome\">" + t("outcome.unreadable") + "</p>\n";
    if (!v.unreadable_hint.empty()) out += "<p>" + HtmlEscape(v.unreadable_hint) + "</p>\n";
    out += "<p>" + t("outcome.unreadable_tips") + "</p>\n";
    if (!v.unreadable_detail.empty())
      out += "<details><summary>" + t("checks.summary") + "</summary><p class=\"did\">" + HtmlEscape(v.unreadable_detail) +
             "</p></details>\n";
    return out + "</main>\n";
  }
  const VerificationReport& r = *v.report;
  if (v.outcome == PageOutcome::kRefused) {
    // The reason before anything else.
    for (const auto& c : r.credentials)
      if (OutcomeOf(r, c) == Outcome::kRefused) {
        out += "<p class=\"reason\" id=\"reason\">" + t(ReasonKey(c)) + "</p>\n";
        break;
      }
    out += "<p class=\"outcome\">" + t("outcome.refused") + "</p>\n";
  }
  // Who: the holder named by the first credential that names one.
  for (const auto& c : r.credentials)
    if (const Achievement* a = c.credential.achievement(); a && !a->holder_name.empty()) {
      out += "<h1 class=\"holder\">" + HtmlEscape(a->holder_name) + "</h1>\n";
      break;
    }
  for (const auto& c : r.credentials) out += CredentialCard(r, c, v.presented, r.credentials.size() > 1, t);
  if (v.outcome == PageOutcome::kPresented)
    out += "<p class=\"outcome\">" + t("outcome.presented") + "</p><p>" + t("outcome.presented_detail") + "</p>\n";
  if (v.outcome == PageOutcome::kAuthentic)
    out += "<p class=\"outcome\">" + t("outcome.authentic") + "</p><p>" + t("outcome.authentic_detail") + "</p><p>" +
           t("outcome.authentic_howto") + "</p>\n";
  if (!v.challenge_message.empty()) out += "<p class=\"challenge-message\"><b>" + HtmlEscape(v.challenge_message) + "</b></p>\n";
  // Per credential above; here what concerns the whole submission (the
  // holder's proof, the challenge) and the lists the verdict rests on.
  out += "<details><summary>" + t("checks.summary_whole") + "</summary><ul>";
  for (const auto& check : r.checks)
    out += std::string("<li class=\"") + (check.ok ? "ok" : "fail") + "\">" + HtmlEscape(check.check) + ": " +
           (check.ok ? t("checks.ok") : t("checks.failed")) + " — <span class=\"did\">" + HtmlEscape(check.detail) +
           "</span></li>";
  for (const auto& w : r.warnings) out += "<li>" + HtmlEscape(w) + "</li>";
  out += "<li>" + HtmlEscape(FormatDateTime(v.checked_at)) + "</li>";
  // The ages the freshness policy measured (now − last confirmed), in hours.
  auto age_hours = [&](Timestamp t) {
    return std::to_string(std::max<std::int64_t>(0, r.verified_at.seconds - t.seconds) / 3600);
  };
  if (r.trust_freshness)
    out += "<li class=\"freshness\">" +
           t("checks.trust_age", {FormatDateTime(*r.trust_freshness), age_hours(*r.trust_freshness)}) + "</li>";
  if (r.status_freshness)
    out += "<li class=\"freshness\">" +
           t("checks.status_age", {FormatDateTime(*r.status_freshness), age_hours(*r.status_freshness)}) + "</li>";
  return out + "</ul></details>\n</main>\n";
}

}  // namespace

const char* PageOutcomeName(PageOutcome outcome) {
  switch (outcome) {
    case PageOutcome::kPresented: return "presented";
    case PageOutcome::kAuthentic: return "authentic";
    case PageOutcome::kRefused: return "refused";
    case PageOutcome::kUnreadable: return "unreadable";
  }
  return "unreadable";
}

PageOutcome OutcomeOfPage(const VerificationReport& r, bool presented) {
  if (r.malformed_input) return PageOutcome::kUnreadable;
  if (r.credentials.empty()) return PageOutcome::kRefused;
  // The page requires holder binding: a presentation that names no holder
  // claims to be presented by someone and proves nobody (a bare credential
  // claims nothing, and stays amber when it holds up).
  if (r.kind == "presentation")
    for (const auto& check : r.checks)
      if (check.check == "holder" && !check.ok) return PageOutcome::kRefused;
  bool all_presented = presented;
  for (const auto& c : r.credentials) {
    Outcome o = OutcomeOf(r, c);
    if (o == Outcome::kRefused) return PageOutcome::kRefused;
    if (o != Outcome::kPresented) all_presented = false;
  }
  return all_presented ? PageOutcome::kPresented : PageOutcome::kAuthentic;
}

std::string RenderPage(const PageContext& context, const VerdictView* verdict) {
  Text t(context.lang);
  std::string body = "<!doctype html>\n<html lang=\"" + HtmlEscape(context.lang) +
                     "\"><head><meta charset=\"utf-8\">"
                     "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                     "<title>" + t("page.title") + "</title><style>" + std::string(kStyle) +
                     "</style></head><body>\n" + LanguageSwitch(t);
  if (verdict != nullptr) {
    body += VerdictHtml(*verdict, t) + "<hr>\n<h2>" + t("page.new_check") + "</h2>\n" + FormHtml(context, t);
  } else {
    body += "<main>\n" + FormHtml(context, t) + "</main>\n";
  }
  return body + "</body></html>\n";
}

http::HttpResponse HtmlResponse(int status, std::string body) {
  http::HttpResponse r;
  r.status = status;
  r.content_type = "text/html; charset=utf-8";
  r.headers["Content-Security-Policy"] =
      "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'; frame-ancestors 'none'; "
      "base-uri 'none'";
  r.headers["X-Content-Type-Options"] = "nosniff";
  r.headers["Referrer-Policy"] = "no-referrer";
  r.headers["Cache-Control"] = "no-store";
  r.body = std::move(body);
  return r;
}

std::string QrSvg(std::string_view text) {
  try {
    const auto qr = qrcodegen::QrCode::encodeText(std::string(text).c_str(), qrcodegen::QrCode::Ecc::MEDIUM);
    const int size = qr.getSize(), border = 4, full = size + 2 * border;
    std::string path;
    for (int y = 0; y < size; ++y)
      for (int x = 0; x < size; ++x)
        if (qr.getModule(x, y))
          path += "M" + std::to_string(x + border) + "," + std::to_string(y + border) + "h1v1h-1z";
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + std::to_string(full) + " " +
           std::to_string(full) + "\" role=\"img\" aria-label=\"QR\" shape-rendering=\"crispEdges\">"
           "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path fill=\"#000\" d=\"" + path + "\"/></svg>";
  } catch (...) {
    return "";
  }
}

}  // namespace passerelle::verifier_http
