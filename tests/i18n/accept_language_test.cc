// Tests for i18n/accept_language.h: q-values, region subtags, hostile
// headers, ?lang= and the fallback chains.
#include "i18n/accept_language.h"

#include <catch2/catch.hpp>

#include <random>
#include <string_view>

namespace passerelle::i18n {
namespace {

TEST_CASE("accept-language: the best q among our languages", "[i18n]") {
  CHECK(NegotiateLanguage("fr-FR,fr;q=0.9,en;q=0.8") == "fr");
  CHECK(NegotiateLanguage("de-DE,de;q=0.9,ru;q=0.5,en;q=0.3") == "ru");
  CHECK(NegotiateLanguage("en;q=0.2, kk-KZ") == "kk");
  CHECK(NegotiateLanguage("RO-ro") == "ro");
  CHECK(NegotiateLanguage("el;q=0.5,az;q=0.5") == "el");  // ties: the first written
  CHECK(NegotiateLanguage("az;q=0.500,el;q=0.501") == "el");
  CHECK(NegotiateLanguage("fr;q=1.0") == "fr");
  CHECK(NegotiateLanguage("ru_RU") == "ru");
}

TEST_CASE("accept-language: English when nothing we speak is acceptable", "[i18n]") {
  CHECK(NegotiateLanguage("") == "en");
  CHECK(NegotiateLanguage("*") == "en");
  CHECK(NegotiateLanguage("de, ja") == "en");
  CHECK(NegotiateLanguage("fr;q=0") == "en");
  CHECK(NegotiateLanguage("fr;q=0.000") == "en");
  CHECK(NegotiateLanguage("fr;q=2") == "en");          // malformed q: ignored
  CHECK(NegotiateLanguage("fr;q=0.5555") == "en");
  CHECK(NegotiateLanguage("fr;level=1") == "en");
  CHECK(NegotiateLanguage("f<r>") == "en");
  CHECK(NegotiateLanguage(",,,;;;===") == "en");
}

TEST_CASE("accept-language: hostile headers are cut short, never crash", "[i18n]") {
  std::string many;
  for (int i = 0; i < 100000; ++i) many += "de,";
  many += "fr";
  CHECK(NegotiateLanguage(many) == "en");  // past the entry and byte caps
  std::mt19937 rng(7);
  for (int i = 0; i < 3000; ++i) {
    std::string junk(rng() % 120, '\0');
    constexpr std::string_view kAlphabet = ",;=q.0123456789frukz- \t*\xC3\x80";
    for (char& c : junk) c = kAlphabet[rng() % kAlphabet.size()];
    std::string lang = NegotiateLanguage(junk);
    CHECK(IsSupported(lang));
  }
}

TEST_CASE("lang parameter: one of ours, or empty", "[i18n]") {
  CHECK(LanguageFromParameter("fr") == "fr");
  CHECK(LanguageFromParameter("RU") == "ru");
  CHECK(LanguageFromParameter("el-GR") == "el");
  CHECK(LanguageFromParameter("de").empty());
  CHECK(LanguageFromParameter("").empty());
  CHECK(LanguageFromParameter("\"><script>").empty());
}

TEST_CASE("fallback chains: kk reads Russian next, everyone ends in English", "[i18n]") {
  CHECK(FallbackChain("kk") == std::vector<std::string>{"kk", "ru", "en"});
  CHECK(FallbackChain("az") == std::vector<std::string>{"az", "en"});
  CHECK(FallbackChain("ro") == std::vector<std::string>{"ro", "en"});
  CHECK(FallbackChain("el") == std::vector<std::string>{"el", "en"});
  CHECK(FallbackChain("fr") == std::vector<std::string>{"fr", "en"});
  CHECK(FallbackChain("en") == std::vector<std::string>{"en"});
  CHECK(FallbackChain("") == std::vector<std::string>{"en"});
}

}  // namespace
}  // namespace passerelle::i18n
