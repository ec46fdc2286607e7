// Tests for formats/credential_offer.h: OID4VCI offer URIs, both directions,
// and hostile input.
#include "formats/credential_offer.h"

#include <catch2/catch.hpp>

namespace passerelle {
namespace {

CredentialOffer Sample() {
  CredentialOffer o;
  o.credential_issuer = "https://issuer.example";
  o.credential_configuration_ids = {"PasserelleModuleCredential", "PasserelleCertification"};
  o.pre_authorized_code = "abcDEF-123_xyz";
  o.tx_code = TxCodeSpec{"numeric", 6, "the PIN in your letter"};
  return o;
}

TEST_CASE("an offer URI round-trips", "[credential_offer]") {
  std::string uri = CredentialOfferUri(Sample());
  CHECK(uri.rfind("openid-credential-offer://?credential_offer=%7B", 0) == 0);
  auto parsed = ParseCredentialOffer(uri);
  REQUIRE(parsed.ok());
  CHECK(parsed->credential_issuer == "https://issuer.example");
  CHECK(parsed->credential_configuration_ids == Sample().credential_configuration_ids);
  CHECK(parsed->pre_authorized_code == "abcDEF-123_xyz");
  REQUIRE(parsed->tx_code);
  CHECK(parsed->tx_code->length == 6);
  CHECK(parsed->tx_code->description == "the PIN in your letter");
  CHECK(CredentialOfferUri(*parsed) == uri);
  // The JSON object alone, and surrounding whitespace, are accepted too.
  CHECK(ParseCredentialOffer(CredentialOfferJson(Sample())).ok());
  CHECK(ParseCredentialOffer("  " + uri + "\n").ok());
}

TEST_CASE("an offer without a PIN has no tx_code", "[credential_offer]") {
  CredentialOffer o = Sample();
  o.tx_code.reset();
  auto parsed = ParseCredentialOffer(CredentialOfferUri(o));
  REQUIRE(parsed.ok());
  CHECK_FALSE(parsed->tx_code);
}

TEST_CASE("hostile or wrong offers are refused with a code", "[credential_offer]") {
  auto code = [](std::string_view text) { return ParseCredentialOffer(text).status().code(); };
  std::string prefix = "openid-credential-offer://?credential_offer=";
  CHECK(code("https://example.org/?credential_offer=%7B%7D") == Code::kMalformed);
  CHECK(code("openid-credential-offer://") == Code::kMalformed);
  CHECK(code(prefix + "%7") == Code::kMalformed);
  CHECK(code(prefix + "%zz") == Code::kMalformed);
  CHECK(code(prefix + "%7B") == Code::kMalformed);
  CHECK(code(prefix + "[1]") == Code::kMalformed);
  CHECK(code("openid-credential-offer://?credential_offer_uri=https%3A%2F%2Fx") == Code::kUnsupported);
  CHECK(code(std::string(5000, 'a')) == Code::kResourceExhausted);
  // Duplicate member names, duplicate parameter, invalid UTF-8, deep nesting.
  CHECK(code(R"({"credential_issuer":"https://a","credential_issuer":"https://b"})") == Code::kMalformed);
  std::string one = CredentialOfferUri(Sample());
  CHECK(code(one + "&credential_offer=%7B%7D") == Code::kMalformed);
  CHECK(code(prefix + "%7B%22credential_issuer%22%3A%22%FF%22%7D") == Code::kMalformed);
  CHECK(code(prefix + std::string(40, '[')) == Code::kMalformed);

  auto with = [&](auto edit) {
    CredentialOffer o = Sample();
    edit(o);
    return ParseCredentialOffer(CredentialOfferJson(o)).status().code();
  };
  CHECK(with([](CredentialOffer& o) { o.credential_issuer = "ftp://x"; }) == Code::kMalformed);
  CHECK(with([](CredentialOffer& o) { o.credential_issuer = "http://issuer.example"; }) == Code::kMalformed);
  CHECK(with([](CredentialOffer& o) { o.credential_issuer = "http://127.0.0.1:8080"; }) == Code::kOk);
  CHECK(with([](CredentialOffer& o) { o.credential_issuer = "https://a.example/?x=1"; }) == Code::kMalformed);
  CHECK(with([](CredentialOffer& o) { o.credential_configuration_ids.clear(); }) == Code::kMalformed);
  CHECK(with([](CredentialOffer& o) { o.credential_configuration_ids.push_back("PasserelleCertification"); }) ==
        Code::kMalformed);
  CHECK(with([](CredentialOffer& o) { o.pre_authorized_code = ""; }) == Code::kMalformed);
  CHECK(with([](CredentialOffer& o) { o.pre_authorized_code = "a b"; }) == Code::kMalformed);
  CHECK(with([](CredentialOffer& o) { o.tx_code->input_mode = "voice"; }) == Code::kMalformed);

  CHECK(code(R"({"credential_issuer":"https://a.example","credential_configuration_ids":["X"]})") ==
        Code::kUnsupported);
  CHECK(code(R"({"credential_issuer":"https://a.example","credential_configuration_ids":["X"],)"
             R"("grants":{"authorization_code":{}}})") == Code::kUnsupported);
  CHECK(code(R"({"credential_issuer":"https://a.example","credential_configuration_ids":[1],)"
             R"("grants":{}})") == Code::kMalformed);
  CHECK(code(R"({"credential_issuer":"https://a.example","credential_configuration_ids":["X"],)"
             R"("grants":{"urn:ietf:params:oauth:grant-type:pre-authorized_code":{"pre-authorized_code":"c",)"
             R"("tx_code":{"length":"6"}}}})") == Code::kMalformed);
}

TEST_CASE("garbage never throws and never parses", "[credential_offer]") {
  std::uint32_t seed = 12345;
  auto next = [&] { return seed = seed * 1664525u + 1013904223u; };
  std::string good = CredentialOfferUri(Sample());
  for (int i = 0; i < 2000; ++i) {
    std::string text = good;
    // Flip a few bytes of a good offer, or make random bytes after the scheme.
    if (i % 2 == 0) {
      for (int k = 0; k < 3; ++k) text[next() % text.size()] = static_cast<char>(next() & 0xff);
    } else {
      text = "openid-credential-offer://?credential_offer=";
      for (std::size_t k = next() % 200; k > 0; --k) text.push_back(static_cast<char>(next() & 0xff));
    }
    CHECK_NOTHROW(ParseCredentialOffer(text));
  }
}

TEST_CASE("percent-encoding keeps unreserved characters only", "[credential_offer]") {
  CHECK(PercentEncode("a-b_c.d~e f/{}") == "a-b_c.d~e%20f%2F%7B%7D");
  CHECK(PercentDecode("a%20b%7b").value() == "a b{");
  CHECK_FALSE(PercentDecode("%").ok());
  CHECK_FALSE(PercentDecode("%4").ok());
}

}  // namespace
}  // namespace passerelle
