// Passerelle — `verifier serve`'s routes: the employer's page and VC-API verify.
#include "verifier/http/verify_service.h"

#include <sodium.h>

#include <optional>

#include <nlohmann/json.hpp>

#include "formats/json.h"
#include "formats/multibase.h"
#include "verifier/qr/qr_scan.h"

namespace passerelle::verifier_http {

using nlohmann::json;

namespace {

constexpr std::size_t kMaxFormFields = 16;
constexpr std::size_t kMaxDocumentBytes = 512 * 1024;

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

Response Page(int status, const std::string& title, const std::string& content) {
  Response r;
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
      out += "<h2>Credential <code>" + Escape(c.id.empty() ? "(no id)" : c.id) + "</code>: " +
             (c.verified ? "verified" : "NOT verified") + "</h2>\n<p>Issuer <code>" + Escape(c.issuer) + "</code></p>\n";
      out += ChecksHtml(c.checks);
    }
  for (const auto& e : r.errors) out += "<p class=\"no\">" + Escape(e.message) + "</p>\n";
  for (const auto& w : r.warnings) out += "<p>Warning: " + Escape(w) + "</p>\n";
  for (const auto& h : r.hints) out += "<p>Hint: " + Escape(h) + "</p>\n";
  if (r.trust_freshness) out += "<p>Trust list issued " + FormatDateTime(*r.trust_freshness) + ".</p>\n";
  if (r.status_freshness) out += "<p>Status lists fetched " + FormatDateTime(*r.status_freshness) + ".</p>\n";
  return out;
}

Response JsonResponse(int status, const json& body) {
  Response r;
  r.status = status;
  r.content_type = "application/json";
  r.body = DumpJsonPretty(body) + "\n";
  r.headers["Cache-Control"] = "no-store";
  r.headers["X-Content-Type-Options"] = "nosniff";
  return r;
}

}  // namespace

Response ProblemResponse(int status, const std::string& type, const std::string& detail) {
  Response r = JsonResponse(status, {{"type", "https://w3id.org/passerelle/problems#" + type},
                                     {"title", type},
                                     {"status", status},
                                     {"detail", detail}});
  r.content_type = "application/problem+json";
  return r;
}

namespace {

// POST /verify: the form.
Response VerifyForm(const Request& request, const VerifyOptions& base) {
  // A page on another site must not be able to post here and have the
  // employer read its verdict on this verifier's page.
  // Browsers that send Sec-Fetch-Site say it directly (and a reverse proxy
  // rewriting Host cannot fool it); older ones are judged by Origin vs Host.
  const bool cross_site =
      !request.sec_fetch_site.empty()
          ? request.sec_fetch_site != "same-origin" && request.sec_fetch_site != "none"
          : !request.origin.empty() && request.origin != "null" && request.origin != "http://" + request.host &&
                request.origin != "https://" + request.host;
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

// POST /credentials/verify and /presentations/verify (VC-API).
Response VerifyApi(const Request& request, const VerifyOptions& base, bool presentation) {
  if (request.content_type.find("json") == std::string::npos)
    return ProblemResponse(415, "unsupported_media_type", "send the request body as application/json");
  auto body = ParseJson(request.body, JsonLimits{kMaxDocumentBytes, 48});
  if (!body.ok())
    return body.status().code() == Code::kResourceExhausted ? ProblemResponse(413, "resource_exhausted", body.status().message())
                                                            : ProblemResponse(400, "malformed", body.status().message());
  const char* member = presentation ? "verifiablePresentation" : "verifiableCredential";
  const json* document = body->is_object() ? FindMember(*body, member) : nullptr;
  if (document == nullptr || !document->is_object())
    return ProblemResponse(400, "malformed", std::string("/") + member + ": missing, or not an object");
  VerifyOptions options = base;
  options.now = Now();
  if (const json* o = FindMember(*body, "options"); o != nullptr && o->is_object()) {
    for (const char* name : {"challenge", "domain"}) {
      const json* v = FindMember(*o, name);
      if (v == nullptr) continue;
      if (!v->is_string()) return ProblemResponse(400, "malformed", std::string("/options/") + name + ": must be a string");
      (std::string(name) == "challenge" ? options.challenge : options.domain) = v->get<std::string>();
    }
  }
  VerificationReport report = VerifyDocument(*document, options);
  return JsonResponse(report.malformed_input ? 400 : report.verified ? 200 : 422, ReportToJson(report));
}

}  // namespace

Response Handle(const Request& request, const VerifyOptions& options) {
  const bool get = request.method == "GET" || request.method == "HEAD", post = request.method == "POST";
  auto only = [&](bool allowed, const char* allow) -> std::optional<Response> {
    if (allowed) return std::nullopt;
    Response r = ProblemResponse(405, "method_not_allowed", request.method + " is not allowed on " + request.path);
    r.headers["Allow"] = allow;
    return r;
  };
  if (request.path == "/") {
    if (auto r = only(get, "GET, HEAD")) return *r;
    return Page(200, "Passerelle verifier", Form(FreshChallenge(), ""));
  }
  if (request.path == "/healthz") {
    if (auto r = only(get, "GET, HEAD")) return *r;
    return JsonResponse(200, {{"status", "ok"}});
  }
  if (request.path == "/verify") {
    if (auto r = only(post, "POST")) return *r;
    if (request.content_type != "application/x-www-form-urlencoded")
      return ProblemResponse(415, "unsupported_media_type", "send the form as application/x-www-form-urlencoded");
    return VerifyForm(request, options);
  }
  if (request.path == "/credentials/verify" || request.path == "/presentations/verify") {
    if (auto r = only(post, "POST")) return *r;
    return VerifyApi(request, options, request.path == "/presentations/verify");
  }
  return ProblemResponse(404, "not_found", "no route for " + request.path);
}

}  // namespace passerelle::verifier_http
