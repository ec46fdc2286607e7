// Passerelle — `verifier serve`'s route table and the employer's page.
#include "verifier/http/verify_service.h"

#include <sodium.h>

#include <cctype>
#include <memory>

#include "formats/multibase.h"
#include "http/problem.h"
#include "verifier/http/vc_api_verify.h"
#include "verifier/qr/qr_scan.h"

namespace passerelle::verifier_http {

namespace {

constexpr std::size_t kMaxFormFields = 16;

std::string Escape(std::string_view text) {
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

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// application/x-www-form-urlencoded; a malformed escape is kept as written.
std::map<std::string, std::string> ParseForm(std::string_view body) {
  auto decode = [](std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
      if (s[i] == '+') {
        out += ' ';
      } else if (s[i] == '%' && i + 2 < s.size() && HexValue(s[i + 1]) >= 0 && HexValue(s[i + 2]) >= 0) {
        out += static_cast<char>(HexValue(s[i + 1]) * 16 + HexValue(s[i + 2]));
        i += 2;
      } else {
        out += s[i];
      }
    }
    return out;
  };
  std::map<std::string, std::string> fields;
  std::size_t pos = 0;
  while (pos <= body.size() && fields.size() < kMaxFormFields) {
    std::size_t amp = body.find('&', pos);
    std::string_view pair = body.substr(pos, amp == std::string_view::npos ? std::string_view::npos : amp - pos);
    std::size_t eq = pair.find('=');
    if (!pair.empty()) fields[decode(pair.substr(0, eq))] = eq == std::string_view::npos ? "" : decode(pair.substr(eq + 1));
    if (amp == std::string_view::npos) break;
    pos = amp + 1;
  }
  return fields;
}

std::string FreshChallenge() {
  unsigned char bytes[12];
  randombytes_buf(bytes, sizeof bytes);
  return HexEncode(std::string_view(reinterpret_cast<char*>(bytes), sizeof bytes));
}

http::HttpResponse Page(int status, const std::string& title, const std::string& content) {
  http::HttpResponse r;
  r.status = status;
  r.content_type = "text/html; charset=utf-8";
  r.headers["Content-Security-Policy"] =
      "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
  r.headers["X-Content-Type-Options"] = "nosniff";
  r.headers["Referrer-Policy"] = "no-referrer";
  r.headers["Cache-Control"] = "no-store";
  r.body = "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
           "<title>" + Escape(title) + "</title><style>"
           "body{font-family:system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;line-height:1.45}"
           "textarea{width:100%;min-height:9rem;font-family:monospace}input{font-family:monospace}"
           ".ok{color:#075e2b}.no{color:#a10f0f}.verdict{font-size:1.6rem;font-weight:700}"
           "li{margin:.2rem 0}code{word-break:break-all}</style></head><body>\n" +
           content + "\n</body></html>\n";
  return r;
}

std::string Form(const std::string& challenge, const std::string& domain) {
  return "<h1>Check a learning credential</h1>\n"
         "<p>Ask the candidate to show their credentials for this challenge:</p>\n"
         "<p><code>wallet qr ID… --challenge " + Escape(challenge) + "</code></p>\n"
         "<form method=\"post\" action=\"/verify\">\n"
         "<p><label>Text of the QR code (PSL1:…), or the credential or presentation as JSON<br>"
         "<textarea name=\"document\" required></textarea></label></p>\n"
         "<p><label>Challenge <input name=\"challenge\" value=\"" + Escape(challenge) + "\" size=\"28\"></label> "
         "<label>Domain <input name=\"domain\" value=\"" + Escape(domain) + "\" size=\"24\"></label></p>\n"
         "<p><button type=\"submit\">Verify</button></p>\n</form>\n"
         "<p>Nothing leaves this verifier: keys, trust lists and status lists are checked offline.</p>";
}

std::string ChecksHtml(const std::vector<CheckResult>& checks) {
  std::string out = "<ul>\n";
  for (const auto& c : checks)
    out += std::string("<li class=\"") + (c.ok ? "ok" : "no") + "\">" + (c.ok ? "ok" : "FAIL") + " — <b>" +
           Escape(c.check) + "</b>: " + Escape(c.detail) + "</li>\n";
  return out + "</ul>\n";
}

std::string VerdictHtml(const VerificationReport& r) {
  std::string out;
  if (r.malformed_input)
    out += "<p class=\"verdict no\">NO VERDICT</p><p>The input could not be read.</p>\n";
  else
    out += std::string("<p class=\"verdict ") + (r.verified ? "ok\">VERIFIED" : "no\">NOT VERIFIED") + " (" +
           Escape(r.kind) + ")</p>\n";
  out += ChecksHtml(r.checks);
  if (r.kind == "presentation")
    for (const auto& c : r.credentials) {
      out += "<h2>Credential <code>" + Escape(c.id().empty() ? "(no id)" : c.id()) + "</code>: " +
             (c.verified ? "verified" : "NOT verified") + "</h2>\n<p>Issuer <code>" + Escape(c.issuer()) + "</code></p>\n";
      out += ChecksHtml(c.checks);
    }
  for (const auto& e : r.errors) out += "<p class=\"no\">" + Escape(e.message) + "</p>\n";
  for (const auto& w : r.warnings) out += "<p>Warning: " + Escape(w) + "</p>\n";
  for (const auto& h : r.hints) out += "<p>Hint: " + Escape(h) + "</p>\n";
  if (r.trust_freshness) out += "<p>Trust list issued " + FormatDateTime(*r.trust_freshness) + ".</p>\n";
  if (r.status_freshness) out += "<p>Status lists fetched " + FormatDateTime(*r.status_freshness) + ".</p>\n";
  return out;
}

std::string LowerHeader(const http::HttpRequest& request, const std::string& name) {
  std::string v = request.Header(name);
  for (char& c : v) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return v;
}

// The media type without parameters ("text/html; charset=utf-8" → "text/html").
std::string MediaType(const http::HttpRequest& request) {
  std::string type = LowerHeader(request, "content-type");
  type = type.substr(0, type.find(';'));
  while (!type.empty() && type.back() == ' ') type.pop_back();
  return type;
}

// POST /verify: the form.
http::HttpResponse VerifyForm(const http::HttpRequest& request, const VerifyOptions& base) {
  if (MediaType(request) != "application/x-www-form-urlencoded")
    return http::ProblemResponse(415, "unsupported_media_type", "send the form as application/x-www-form-urlencoded",
                                 "", request.request_id);
  // A page on another site must not be able to post here and have the
  // employer read its verdict on this verifier's page.
  // Browsers that send Sec-Fetch-Site say it directly (and a reverse proxy
  // rewriting Host cannot fool it); older ones are judged by Origin vs Host.
  const std::string sec_fetch_site = LowerHeader(request, "sec-fetch-site"), origin = request.Header("origin"),
                    host = request.Header("host");
  const bool cross_site = !sec_fetch_site.empty()
                              ? sec_fetch_site != "same-origin" && sec_fetch_site != "none"
                              : !origin.empty() && origin != "null" && origin != "http://" + host &&
                                    origin != "https://" + host;
  if (cross_site)
    return Page(403, "Refused", "<p class=\"verdict no\">REFUSED</p><p>This form only accepts posts from its own page.</p>\n" +
                                    Form(FreshChallenge(), ""));
  auto fields = ParseForm(request.body);
  const std::string challenge = fields["challenge"], domain = fields["domain"];
  // Pasted text: browsers send line breaks as CRLF, scanners add a newline;
  // none belongs to a QR payload (spaces may: base45 uses them).
  std::string document;
  for (char c : fields["document"])
    if (c != '\r' && c != '\n' && c != '\t') document += c;
  std::size_t start = document.find_first_not_of(' ');
  document.erase(0, start == std::string::npos ? document.size() : start);
  const std::string again = Form(challenge.empty() ? FreshChallenge() : challenge, domain);
  auto no_verdict = [&](const std::string& why) {
    return Page(400, "No verdict", "<p class=\"verdict no\">NO VERDICT</p><p>" + Escape(why) + "</p>\n" + again);
  };
  if (challenge.empty())
    return no_verdict("Give a challenge: without one, a copied or replayed presentation would look valid.");
  if (document.empty()) return no_verdict("Nothing to verify.");
  VerifyOptions options = base;
  options.now = Now();
  options.challenge = challenge;
  if (!domain.empty()) options.domain = domain;
  std::string text = document;
  if (document.rfind("PSL1:", 0) == 0) {
    auto decoded = qr::DocumentFromQrText(document, "the QR text");
    if (!decoded.ok()) return no_verdict(decoded.status().message());
    text = *decoded;
  }
  VerificationReport report = Verify(text, options);
  const int status = report.malformed_input ? 400 : report.verified ? 200 : 422;
  const std::string checked = "<p>Checked against challenge <code>" + Escape(challenge) + "</code>" +
                              (domain.empty() ? std::string() : ", domain <code>" + Escape(domain) + "</code>") +
                              ", at " + FormatDateTime(options.now) + ".</p>\n";
  return Page(status, report.malformed_input ? "No verdict" : report.verified ? "Verified" : "Not verified",
              VerdictHtml(report) + checked + "<hr>\n<h2>Next candidate</h2>\n" + Form(FreshChallenge(), domain));
}

}  // namespace

void RegisterRoutes(http::Router& router, const VerifyOptions& options) {
  auto api = std::make_shared<VcApiVerifyOptions>();
  api->verify = options;
  auto vc_api = [api](bool presentation) {
    return [api, presentation](const http::HttpRequest& r) { return HandleVcApiVerify(r, presentation, *api); };
  };
  //               method  path                        handler
  router.Register("GET",  "/",                        [](const http::HttpRequest&) {
                    return Page(200, "Passerelle verifier", Form(FreshChallenge(), ""));
                  });
  router.Register("GET",  "/healthz",                 [](const http::HttpRequest&) {
                    http::HttpResponse r;
                    r.body = "{\"status\":\"ok\"}";
                    r.headers["Cache-Control"] = "no-store";
                    return r;
                  });
  router.Register("POST", "/verify",                  [options](const http::HttpRequest& r) { return VerifyForm(r, options); });
  router.Register("POST", "/credentials/verify",      vc_api(false));
  router.Register("POST", "/presentations/verify",    vc_api(true));
}

}  // namespace passerelle::verifier_http
