// Passerelle — `verifier serve`'s route table and the employer's page.
#include "verifier/http/verify_service.h"

#include <cctype>
#include <memory>

#include "formats/credential.h"
#include "http/form.h"
#include "i18n/accept_language.h"
#include "i18n/messages.h"
#include "verifier/challenge_code.h"
#include "verifier/http/challenge_store.h"
#include "verifier/http/employer_page.h"
#include "verifier/http/vc_api_verify.h"
#include "verifier/qr/qr_scan.h"

namespace passerelle::verifier_http {

namespace {

struct PageState {
  VerifyOptions verify;
  EmployerPageOptions page;
  std::unique_ptr<ChallengeStore> challenges;
};

std::string Lower(std::string v) {
  for (char& c : v) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return v;
}

// The reader's language: the form's or the query's lang, else Accept-Language.
std::string ReaderLanguage(const http::HttpRequest& request, const std::string& form_lang) {
  std::string lang = i18n::LanguageFromParameter(form_lang);
  if (lang.empty()) lang = i18n::LanguageFromParameter(request.Query("lang"));
  if (lang.empty()) lang = i18n::NegotiateLanguage(request.Header("accept-language"));
  return lang;
}

PageContext Context(PageState& s, const std::string& lang) {
  PageContext c;
  c.lang = lang;
  c.challenge = s.challenges->Issue();
  c.challenge_minutes = s.page.challenge_minutes;
  c.max_upload_bytes = s.page.max_upload_bytes;
  return c;
}

http::HttpResponse WithLanguage(http::HttpResponse r, const std::string& lang) {
  r.headers["Content-Language"] = lang;
  r.headers["Vary"] = "Accept-Language";
  return r;
}

// A page posted from another site must not have the employer read its
// verdict on this verifier's page. Browsers that send Sec-Fetch-Site say it
// directly (and a reverse proxy rewriting Host cannot fool it); older ones
// are judged by Origin vs Host.
bool CrossSite(const http::HttpRequest& request) {
  const std::string sec_fetch_site = Lower(request.Header("sec-fetch-site")), origin = request.Header("origin"),
                    host = request.Header("host");
  if (!sec_fetch_site.empty()) return sec_fetch_site != "same-origin" && sec_fetch_site != "none";
  return !origin.empty() && origin != "null" && origin != "http://" + host && origin != "https://" + host;
}

// Pasted text: browsers send line breaks as CRLF, scanners add a newline;
// none belongs to a QR payload (spaces may: base45 uses them).
std::string CleanPastedText(const std::string& text) {
  std::string out;
  for (char c : text)
    if (c != '\r' && c != '\n' && c != '\t') out += c;
  std::size_t start = out.find_first_not_of(' ');
  out.erase(0, start == std::string::npos ? out.size() : start);
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// The challenge a presentation's (first) proof signed, if any.
std::optional<std::string> SignedChallenge(const Presentation& vp) {
  const nlohmann::json& proofs = vp.proofs();
  const nlohmann::json* proof = proofs.is_array() && !proofs.empty() ? &proofs[0] : &proofs;
  if (!proof->is_object()) return std::nullopt;
  auto it = proof->find("challenge");
  if (it == proof->end() || !it->is_string()) return std::nullopt;
  return it->get<std::string>();
}

// The document to verify, from the first field given: the photo, the
// pasted text, then the file. Errors carry what went wrong, for the folded
// technical part of an "unreadable" verdict.
Result<std::string> DocumentFromForm(const http::Form& form) {
  auto field = [&](const char* name) -> const http::FormField* {
    auto it = form.find(name);
    return it == form.end() || it->second.value.empty() ? nullptr : &it->second;
  };
  if (const auto* image = field("qr_image")) {
    // Decoded in a child process with a deadline (verifier/qr/qr_scan.h).
    auto text = qr::ReadQrCodeBytes(image->value);
    if (!text.ok()) return text.status().Annotate("the photo");
    return qr::DocumentFromQrText(*text, "the QR code in the photo");
  }
  const http::FormField* pasted = field("qr_text");
  if (pasted == nullptr) pasted = field("document");  // the field's name before the photo upload
  if (pasted != nullptr) {
    std::string text = CleanPastedText(pasted->value);
    if (text.rfind("PSL1:", 0) == 0) return qr::DocumentFromQrText(text, "the pasted text");
    if (!text.empty() && text.front() == '{') return text;
    if (!text.empty()) return qr::DocumentFromQrText(text, "the pasted text");
  }
  if (const auto* file = field("file")) {
    std::string text = CleanPastedText(file->value);
    if (text.rfind("PSL1:", 0) == 0) return qr::DocumentFromQrText(text, "the file");
    return file->value;
  }
  return Status::NotFound("nothing to verify: no photo, text or file was given");
}

http::HttpResponse VerifyPage(const http::HttpRequest& request, PageState& s) {
  auto form = http::ParseRequestForm(request, http::FormLimits{8, s.page.max_upload_bytes, 2048});
  std::string form_lang;
  if (form.ok())
    if (auto it = form->find("lang"); it != form->end()) form_lang = it->second.value;
  const std::string lang = ReaderLanguage(request, form_lang);
  VerdictView view;
  view.checked_at = Now();
  auto respond = [&](int status) {
    return WithLanguage(HtmlResponse(status, RenderPage(Context(s, lang), &view)), lang);
  };
  if (CrossSite(request)) {
    view.unreadable_detail = "this form only accepts posts from its own page";
    return respond(403);
  }
  if (!form.ok()) {
    view.unreadable_detail = form.status().message();
    if (form.status().code() == Code::kResourceExhausted)
      view.unreadable_hint = i18n::Message(lang, "page.too_large", {std::to_string(s.page.max_upload_bytes >> 20)});
    return respond(form.status().code() == Code::kUnsupported ? 415 : 400);
  }
  auto document = DocumentFromForm(*form);
  if (!document.ok()) {
    view.unreadable_detail = document.status().message();
    return respond(400);
  }
  VerifyOptions options = s.verify;
  options.now = view.checked_at;
  options.challenge.reset();
  options.domain.reset();
  VerificationReport report;
  auto vp = ParsePresentation(*document);
  if (vp.ok() && vp->HasType("VerifiablePresentation") && !vp->HasType("VerifiableCredential")) {
    std::optional<std::string> signed_challenge = SignedChallenge(*vp);
    options.challenge = signed_challenge;
    report = VerifyPresentation(*vp, options);
    std::string typed;
    if (auto it = form->find("challenge"); it != form->end()) typed = it->second.value;
    auto typed_code = ParseChallengeCode(typed);
    auto signed_code = signed_challenge ? ParseChallengeCode(*signed_challenge) : Result<std::string>(Status::NotFound(""));
    if (!signed_challenge) {
      view.challenge_message = i18n::Message(lang, "challenge.none");
    } else if (!signed_code.ok()) {
      view.challenge_message = i18n::Message(lang, "challenge.unknown");
    } else if (report.verified) {
      // The holder proof holds for this code: use it up, whatever was typed
      // (the page pre-fills the code it showed; a candidate may have
      // presented for an earlier one, still unused and fresh).
      switch (s.challenges->Redeem(*signed_code)) {
        case Redemption::kAccepted: view.presented = true; break;
        case Redemption::kReused: view.challenge_message = i18n::Message(lang, "challenge.reused"); break;
        case Redemption::kExpired:
          view.challenge_message =
              i18n::Message(lang, "challenge.expired", {std::to_string(s.page.challenge_minutes)});
          break;
        case Redemption::kUnknown:
          view.challenge_message = typed_code.ok() && *typed_code != *signed_code
                                       ? i18n::Message(lang, "challenge.mismatch", {*signed_code, *typed_code})
                                       : i18n::Message(lang, "challenge.unknown");
          break;
      }
    }
  } else {
    // A bare credential (printed, e-mailed): authentic at best.
    report = Verify(*document, options);
  }
  view.report = &report;
  view.outcome = OutcomeOfPage(report, view.presented);
  if (view.outcome == PageOutcome::kUnreadable) {
    view.report = nullptr;
    for (const auto& e : report.errors) view.unreadable_detail += e.message + " ";
  }
  const int status = view.outcome == PageOutcome::kUnreadable ? 400 : view.outcome == PageOutcome::kRefused ? 422 : 200;
  return respond(status);
}

}  // namespace

void RegisterRoutes(http::Router& router, const VerifyOptions& options, const EmployerPageOptions& page) {
  auto api = std::make_shared<VcApiVerifyOptions>();
  api->verify = options;
  auto vc_api = [api](bool presentation) {
    return [api, presentation](const http::HttpRequest& r) { return HandleVcApiVerify(r, presentation, *api); };
  };
  auto state = std::make_shared<PageState>();
  state->verify = options;
  state->page = page;
  ChallengeStoreOptions store;
  store.lifetime = std::chrono::minutes(page.challenge_minutes);
  store.max_codes = page.max_challenges;
  store.env = page.env;
  state->challenges = std::make_unique<ChallengeStore>(store);
  //               method  path                        handler
  router.Register("GET",  "/",                        [state](const http::HttpRequest& r) {
                    const std::string lang = ReaderLanguage(r, "");
                    return WithLanguage(HtmlResponse(200, RenderPage(Context(*state, lang), nullptr)), lang);
                  });
  router.Register("GET",  "/healthz",                 [](const http::HttpRequest&) {
                    http::HttpResponse r;
                    r.body = "{\"status\":\"ok\"}";
                    r.headers["Cache-Control"] = "no-store";
                    return r;
                  });
  // A photo is larger than the API's JSON: this route has its own cap
  // (with room for the multipart framing and the other fields).
  router.Register("POST", "/verify",                  [state](const http::HttpRequest& r) { return VerifyPage(r, *state); },
                  "", page.max_upload_bytes + 64 * 1024);
  router.Register("POST", "/credentials/verify",      vc_api(false));
  router.Register("POST", "/presentations/verify",    vc_api(true));
}

}  // namespace passerelle::verifier_http
