// Tests for verifier/http/verify_service.h's employer page, handlers called
// directly (no sockets): languages, the challenge code's single use and
// expiry on the Env's clock, outcomes, and escaping of hostile documents.
#include "verifier/http/verify_service.h"

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "formats/credential_offer.h"
#include "keys/did_key.h"
#include "keys/proof_signer.h"
#include "tests/testing/failing_env.h"

namespace passerelle::verifier_http {
namespace {

using nlohmann::json;

struct Party {
  Ed25519SigningKey key = Ed25519SigningKey::Generate().value();
  std::string did = DidKeyFor(key.public_key());
};

struct Page {
  Party issuer, holder;
  testing::FailingEnv env;
  http::Router router;

  Page() {
    env.SetNow({1'800'000'000, 0});
    VerifyOptions options;
    options.trusted_issuers = {issuer.did};
    EmployerPageOptions page;
    page.env = &env;
    RegisterRoutes(router, options, page);
  }

  http::HttpResponse Call(const std::string& method, const std::string& path, const std::string& body = "",
                          std::map<std::string, std::string> headers = {}) {
    http::HttpRequest r;
    r.method = method;
    r.path = path.substr(0, path.find('?'));
    if (path.find("?lang=") != std::string::npos) r.query["lang"] = path.substr(path.find("?lang=") + 6);
    r.body = body;
    r.headers = std::move(headers);
    auto match = router.Match(method, r.path);
    REQUIRE(match.route != nullptr);
    return match.route->handler(r);
  }
  http::HttpResponse Post(const std::map<std::string, std::string>& fields) {
    std::string body;
    for (const auto& [k, v] : fields) body += (body.empty() ? "" : "&") + k + "=" + PercentEncode(v);
    return Call("POST", "/verify", body, {{"content-type", "application/x-www-form-urlencoded"}});
  }
  std::string Challenge() {
    std::string page = Call("GET", "/").body;
    std::size_t at = page.find("id=\"challenge-code\">");
    REQUIRE(at != std::string::npos);
    return page.substr(at + 20, 9);
  }

  json Credential(const json& issuer_value) const {
    json vc = {{"@context", {"https://www.w3.org/ns/credentials/v2"}},
               {"id", "urn:uuid:11111111-1111-4111-8111-111111111111"},
               {"type", {"VerifiableCredential"}},
               {"issuer", issuer_value},
               {"validFrom", "2026-01-01T00:00:00Z"},
               {"credentialSubject", {{"id", holder.did}}}};
    ProofOptions o;
    o.verification_method = DidKeyVerificationMethod(issuer.key.public_key());
    o.created = *ParseDateTime("2026-02-01T00:00:00Z");
    return AddProof(vc, issuer.key, o).value();
  }
  std::string Presentation(const std::optional<std::string>& challenge) const {
    json vp = {{"@context", {"https://www.w3.org/ns/credentials/v2"}},
               {"type", {"VerifiablePresentation"}},
               {"holder", holder.did},
               {"verifiableCredential", json::array({Credential(issuer.did)})}};
    ProofOptions o;
    o.verification_method = DidKeyVerificationMethod(holder.key.public_key());
    o.proof_purpose = "authentication";
    o.created = *ParseDateTime("2026-05-01T00:00:00Z");
    o.challenge = challenge;
    return AddProof(vp, holder.key, o).value().dump();
  }
};

std::string OutcomeOf(const std::string& page) {
  std::size_t at = page.find("data-outcome=\"");
  if (at == std::string::npos) return "";
  at += 14;
  return page.substr(at, page.find('"', at) - at);
}

TEST_CASE("employer page: the reader's language, a fresh code each load, no script", "[serve][page]") {
  Page p;
  auto ru = p.Call("GET", "/", "", {{"accept-language", "de;q=0.9, ru;q=0.8"}});
  CHECK(ru.status == 200);
  CHECK_THAT(ru.body, Catch::Contains("<html lang=\"ru\">") && Catch::Contains("Проверка документа об обучении"));
  CHECK(ru.headers["Content-Language"] == "ru");
  CHECK_THAT(ru.headers["Content-Security-Policy"], Catch::Contains("default-src 'none'"));
  CHECK(ru.body.find("<script") == std::string::npos);
  CHECK_THAT(ru.body, Catch::Contains("<svg"));  // the code's QR code, inline
  CHECK_THAT(p.Call("GET", "/?lang=kk").body, Catch::Contains("<html lang=\"kk\">"));
  CHECK_THAT(p.Call("GET", "/?lang=xx").body, Catch::Contains("<html lang=\"en\">"));
  CHECK(p.Challenge() != p.Challenge());
}

TEST_CASE("employer page: a code is used once, then reads as used", "[serve][page]") {
  Page p;
  const std::string code = p.Challenge();
  const std::string vp = p.Presentation(code);
  auto first = p.Post({{"qr_text", vp}, {"challenge", code}});
  INFO(first.body);
  CHECK(OutcomeOf(first.body) == "presented");
  auto again = p.Post({{"qr_text", vp}, {"challenge", code}});
  CHECK(OutcomeOf(again.body) == "authentic");
  CHECK_THAT(again.body, Catch::Contains("already been used"));
}

TEST_CASE("employer page: an expired code has its own message", "[serve][page]") {
  Page p;
  const std::string code = p.Challenge();
  p.env.SetNow({1'800'000'000 + 15 * 60 + 1, 0});
  auto late = p.Post({{"qr_text", p.Presentation(code)}, {"lang", "fr"}});
  CHECK(OutcomeOf(late.body) == "authentic");
  CHECK_THAT(late.body, Catch::Contains("a expiré (au bout de 15 minutes)"));
}

TEST_CASE("employer page: no code, a code never given, a bare credential: authentic, never presented", "[serve][page]") {
  Page p;
  auto none = p.Post({{"qr_text", p.Presentation(std::nullopt)}});
  CHECK(OutcomeOf(none.body) == "authentic");
  CHECK_THAT(none.body, Catch::Contains("carries no challenge code"));
  auto foreign = p.Post({{"qr_text", p.Presentation("ZZZZ-ZZZZ")}});
  CHECK(OutcomeOf(foreign.body) == "authentic");
  CHECK_THAT(foreign.body, Catch::Contains("did not give"));
  auto bare = p.Post({{"file", p.Credential(p.issuer.did).dump()}, {"challenge", p.Challenge()}});
  CHECK(OutcomeOf(bare.body) == "authentic");
  CHECK(bare.status == 200);
}

TEST_CASE("employer page: hostile documents and bodies are escaped or unreadable", "[serve][page]") {
  Page p;
  json issuer = {{"id", p.issuer.did}, {"name", "<script>alert(1)</script>"}};
  auto hostile = p.Post({{"file", p.Credential(issuer).dump()}});
  CHECK(hostile.body.find("<script>") == std::string::npos);
  CHECK_THAT(hostile.body, Catch::Contains("&lt;script&gt;"));
  auto garbage = p.Call("POST", "/verify", "--x\r\nContent-Disposition: form-data\r\n\r\n",
                        {{"content-type", "multipart/form-data; boundary=x"}});
  CHECK(garbage.status == 400);
  CHECK(OutcomeOf(garbage.body) == "unreadable");
  auto photo = p.Call("POST", "/verify",
                      "--x\r\nContent-Disposition: form-data; name=\"qr_image\"; filename=\"a.png\"\r\n\r\n"
                      "\x89PNG\r\n\x1a\nnot really\r\n--x--",
                      {{"content-type", "multipart/form-data; boundary=x"}});
  CHECK(OutcomeOf(photo.body) == "unreadable");
  CHECK(p.Call("POST", "/verify", "a=1", {{"content-type", "text/plain"}}).status == 415);
}

}  // namespace
}  // namespace passerelle::verifier_http
