// Tests for verifier/http/employer_page.h, called directly: the page's
// outcome from a report, the form (challenge code and its QR code, in the
// reader's language), the verdict (reason first, what a person checks, the
// technical checks folded), escaping of everything a document or the
// context carries, the security headers, and the QR drawing.
#include "verifier/http/employer_page.h"

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "formats/datetime.h"
#include "formats/json.h"
#include "i18n/accept_language.h"
#include "i18n/messages.h"
#include "keys/did_key.h"
#include "keys/proof_signer.h"

namespace passerelle::verifier_http {
namespace {

using nlohmann::json;

struct Issuer {
  Ed25519SigningKey key = Ed25519SigningKey::Generate().value();
  std::string did = DidKeyFor(key.public_key());

  // A signed module credential of this issuer for `holder_name`.
  json Module(const std::string& holder_name, const std::string& title = "Foundations of quality management") const {
    json vc = {{"@context", {"https://www.w3.org/ns/credentials/v2", "https://w3id.org/passerelle/v1"}},
               {"id", "urn:uuid:6a1a7f1e-9b61-4f0e-a1a3-1b6f1c2d3e4f"},
               {"type", {"VerifiableCredential", "ModuleCredential"}},
               {"issuer", {{"id", did}, {"name", "Institut de Lyon"}, {"country", "FR"}}},
               {"validFrom", "2026-06-24T00:00:00Z"},
               {"credentialSubject",
                {{"id", "did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2"},
                 {"name", holder_name},
                 {"achievement",
                  {{"type", "LearningAchievement"},
                   {"title", {{"en", title}}},
                   {"learningOutcomes", {{"en", {"Explain the quality frameworks"}}}},
                   {"ects", 6},
                   {"eqfLevel", "http://data.europa.eu/snb/eqf/5"},
                   {"grade", {{"value", "18.1"}, {"scheme", "FR-0-20"}}},
                   {"assessmentType", "http://data.europa.eu/snb/assessment/6e6cb2cc78"},
                   {"mode", "http://data.europa.eu/snb/learning-assessment/e92d221e4d"},
                   {"qualityAssurance", "http://data.europa.eu/snb/accreditation/820101cba6"}}}}}};
    ProofOptions o;
    o.verification_method = DidKeyVerificationMethod(key.public_key());
    o.created = ParseDateTime("2026-06-24T00:00:00Z").value();
    return AddProof(vc, key, o).value();
  }

  VerificationReport Verify(const json& doc) const {
    VerifyOptions options;
    options.trusted_issuers = {did};
    options.now = ParseDateTime("2026-07-01T00:00:00Z").value();
    return VerifyDocument(doc, options);
  }
};

// A message as the page shows it: HTML-escaped.
std::string Shown(const std::string& lang, const std::string& key) { return HtmlEscape(i18n::Message(lang, key)); }

PageContext Context(const std::string& lang = "en") {
  PageContext c;
  c.lang = lang;
  c.challenge = "K7QX-3MPA";
  c.challenge_minutes = 15;
  return c;
}

std::string OutcomeAttribute(const std::string& page) {
  std::size_t at = page.find("data-outcome=\"");
  if (at == std::string::npos) return "";
  at += 14;
  return page.substr(at, page.find('"', at) - at);
}

TEST_CASE("employer page: the outcome names", "[serve][page]") {
  CHECK(std::string(PageOutcomeName(PageOutcome::kPresented)) == "presented");
  CHECK(std::string(PageOutcomeName(PageOutcome::kAuthentic)) == "authentic");
  CHECK(std::string(PageOutcomeName(PageOutcome::kRefused)) == "refused");
  CHECK(std::string(PageOutcomeName(PageOutcome::kUnreadable)) == "unreadable");
}

TEST_CASE("employer page: the page's outcome of a report", "[serve][page]") {
  Issuer issuer;
  const VerificationReport good = issuer.Verify(issuer.Module("Ana Pop"));
  INFO(DumpJson(ReportToJson(good)));
  REQUIRE(good.verified);
  // A bare credential is authentic at most, even when `presented` is claimed.
  CHECK(OutcomeOfPage(good, false) == PageOutcome::kAuthentic);
  CHECK(OutcomeOfPage(good, true) == PageOutcome::kAuthentic);

  json tampered = issuer.Module("Ana Pop");
  tampered["credentialSubject"]["achievement"]["grade"]["value"] = "20";
  CHECK(OutcomeOfPage(issuer.Verify(tampered), false) == PageOutcome::kRefused);

  VerificationReport unreadable = good;
  unreadable.malformed_input = true;
  CHECK(OutcomeOfPage(unreadable, true) == PageOutcome::kUnreadable);
  VerificationReport empty = good;
  empty.credentials.clear();
  CHECK(OutcomeOfPage(empty, true) == PageOutcome::kRefused);
}

TEST_CASE("employer page: the form carries the code, its QR code and lifetime, in the reader's language",
          "[serve][page]") {
  for (const std::string& lang : i18n::SupportedLanguages()) {
    INFO(lang);
    const std::string page = RenderPage(Context(lang), nullptr);
    CHECK(page.rfind("<!doctype html>", 0) == 0);
    CHECK_THAT(page, Catch::Contains("<html lang=\"" + lang + "\">"));
    CHECK_THAT(page, Catch::Contains("id=\"challenge-code\">K7QX-3MPA<"));
    CHECK_THAT(page, Catch::Contains(QrSvg("K7QX-3MPA")));
    CHECK_THAT(page, Catch::Contains("<form method=\"post\" action=\"/verify\" enctype=\"multipart/form-data\">"));
    CHECK_THAT(page, Catch::Contains("<input type=\"hidden\" name=\"lang\" value=\"" + lang + "\">"));
    CHECK_THAT(page, Catch::Contains("capture=\"environment\""));
    CHECK_THAT(page, Catch::Contains("<title>" + Shown(lang, "page.title") + "</title>"));
    // The switch names every language; the current one is marked.
    for (const std::string& other : i18n::SupportedLanguages())
      CHECK_THAT(page, Catch::Contains("href=\"/?lang=" + other + "\""));
    CHECK_THAT(page, Catch::Contains("hreflang=\"" + lang + "\" lang=\"" + lang + "\" aria-current=\"page\""));
    // No verdict, no script, no external resource.
    CHECK(OutcomeAttribute(page).empty());
    CHECK_THAT(page, !Catch::Contains("<script") && !Catch::Contains("src=\"http"));
  }
  // The code's lifetime, as given.
  PageContext c = Context();
  c.challenge_minutes = 42;
  std::string hint = i18n::Message("en", "page.challenge_hint", {"42"});
  REQUIRE(hint.find("42") != std::string::npos);
  CHECK_THAT(RenderPage(c, nullptr), Catch::Contains("42"));
  CHECK_THAT(RenderPage(Context(), nullptr), !Catch::Contains("42"));
}

TEST_CASE("employer page: an authentic credential leads with the holder, then what a person checks",
          "[serve][page]") {
  Issuer issuer;
  const VerificationReport report = issuer.Verify(issuer.Module("Ana Pop"));
  REQUIRE(report.verified);
  VerdictView v;
  v.outcome = OutcomeOfPage(report, false);
  v.report = &report;
  v.checked_at = ParseDateTime("2026-07-01T00:00:00Z").value();
  const std::string page = RenderPage(Context(), &v);
  CHECK(OutcomeAttribute(page) == "authentic");
  const std::size_t holder = page.find("<h1 class=\"holder\">Ana Pop</h1>");
  REQUIRE(holder != std::string::npos);
  CHECK(page.find("Foundations of quality management") > holder);
  CHECK_THAT(page, Catch::Contains("<b>18.1</b> (FR-0-20)"));
  CHECK_THAT(page, Catch::Contains("Institut de Lyon (FR)"));
  CHECK_THAT(page, Catch::Contains(Shown("en", "outcome.authentic")));
  CHECK_THAT(page, !Catch::Contains(Shown("en", "outcome.presented")));
  CHECK_THAT(page, Catch::Contains("2026-07-01T00:00:00Z"));
  // The checks, folded; then the form for the next candidate.
  CHECK_THAT(page, Catch::Contains("<details><summary>"));
  CHECK(page.find("id=\"challenge-code\"") > page.find("</main>"));
}

TEST_CASE("employer page: a refused credential says why before anything else", "[serve][page]") {
  Issuer issuer;
  json tampered = issuer.Module("Ana Pop");
  tampered["credentialSubject"]["achievement"]["grade"]["value"] = "20";
  const VerificationReport report = issuer.Verify(tampered);
  VerdictView v;
  v.outcome = OutcomeOfPage(report, false);
  v.report = &report;
  const std::string page = RenderPage(Context("fr"), &v);
  CHECK(OutcomeAttribute(page) == "refused");
  const std::size_t reason = page.find("<p class=\"reason\" id=\"reason\">" + Shown("fr", "reason.altered"));
  REQUIRE(reason != std::string::npos);
  CHECK(reason < page.find("class=\"holder\""));
  CHECK_THAT(page, Catch::Contains(Shown("fr", "field.not_vouched")));
  CHECK_THAT(page, Catch::Contains("<li class=\"fail\">proof"));
}

TEST_CASE("employer page: unreadable input shows its hint and folded detail, escaped", "[serve][page]") {
  VerdictView v;
  v.outcome = PageOutcome::kUnreadable;
  v.unreadable_hint = "the photo is over 8 MiB <b>";
  v.unreadable_detail = "png: <script>alert(1)</script>";
  const std::string page = RenderPage(Context(), &v);
  CHECK(OutcomeAttribute(page) == "unreadable");
  CHECK_THAT(page, Catch::Contains("the photo is over 8 MiB &lt;b&gt;"));
  CHECK_THAT(page, Catch::Contains("png: &lt;script&gt;alert(1)&lt;/script&gt;"));
  CHECK_THAT(page, !Catch::Contains("<script"));
  CHECK_THAT(page, Catch::Contains(Shown("en", "outcome.unreadable")));
}

TEST_CASE("employer page: HtmlEscape turns the five HTML specials into entities and keeps the rest", "[serve][page]") {
  CHECK(HtmlEscape("<a href=\"x\">Tom & Jerry's</a>") == "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;");
  CHECK(HtmlEscape("Ελληνικά, Қазақша, «français»") == "Ελληνικά, Қазақша, «français»");
  CHECK(HtmlEscape("") == "");
  CHECK(HtmlEscape("&amp;") == "&amp;amp;");  // escaped once more: never assumed already escaped
}

TEST_CASE("employer page: every value from a document or the context is escaped", "[serve][page]") {
  Issuer issuer;
  const VerificationReport report =
      issuer.Verify(issuer.Module("<img src=x onerror=alert(1)>", "Quality & \"safety\" <script>x</script>"));
  REQUIRE(report.verified);
  VerdictView v;
  v.outcome = OutcomeOfPage(report, false);
  v.report = &report;
  v.challenge_message = "code '<i>' reused";
  PageContext c = Context();
  c.challenge = "\"><script>";
  c.lang = "en\"><script>";
  const std::string page = RenderPage(c, &v);
  CHECK_THAT(page, !Catch::Contains("<script") && !Catch::Contains("<img") && !Catch::Contains("<i>"));
  CHECK_THAT(page, Catch::Contains("&lt;img src=x onerror=alert(1)&gt;"));
  CHECK_THAT(page, Catch::Contains("Quality &amp; &quot;safety&quot; &lt;script&gt;"));
  CHECK_THAT(page, Catch::Contains("code &#39;&lt;i&gt;&#39; reused"));
  CHECK_THAT(page, Catch::Contains("value=\"&quot;&gt;&lt;script&gt;\""));
}

TEST_CASE("employer page: HTML responses forbid scripts and external resources", "[serve][page]") {
  http::HttpResponse r = HtmlResponse(400, "<p>x</p>");
  CHECK(r.status == 400);
  CHECK(r.body == "<p>x</p>");
  CHECK(r.content_type == "text/html; charset=utf-8");
  const std::string& csp = r.headers.at("Content-Security-Policy");
  CHECK_THAT(csp, Catch::StartsWith("default-src 'none';"));
  CHECK_THAT(csp, Catch::Contains("img-src data:") && Catch::Contains("frame-ancestors 'none'"));
  CHECK_THAT(csp, !Catch::Contains("script-src"));
  CHECK(r.headers.at("X-Content-Type-Options") == "nosniff");
  CHECK(r.headers.at("Referrer-Policy") == "no-referrer");
  CHECK(r.headers.at("Cache-Control") == "no-store");
}

TEST_CASE("employer page: the QR drawing is an SVG of dark modules, empty when the text cannot fit",
          "[serve][page]") {
  const std::string svg = QrSvg("K7QX-3MPA");
  CHECK(svg.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 29 29\"", 0) == 0);  // version 1: 21 + 2×4
  CHECK_THAT(svg, Catch::Contains("<path fill=\"#000\" d=\"M4,4h1v1h-1z"));  // the finder pattern's corner
  CHECK(svg.size() > 200);
  CHECK(QrSvg(std::string(5000, 'x')).empty());
}

}  // namespace
}  // namespace passerelle::verifier_http
