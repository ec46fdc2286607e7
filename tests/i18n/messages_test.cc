// Tests for i18n/messages.h: the seven embedded catalogues parse and define the
// same keys with the same placeholders, and lookup follows the fallback chain.
#include "i18n/messages.h"

#include <catch2/catch.hpp>

#include <string>

#include "i18n/accept_language.h"

namespace passerelle::i18n {
namespace {

// The placeholders ("{1}", "{2}") a message uses, in order of number.
std::string Placeholders(const std::string& text) {
  std::string found;
  for (char n = '1'; n <= '9'; ++n)
    if (text.find(std::string("{") + n + "}") != std::string::npos) found += n;
  return found;
}

TEST_CASE("messages: all seven catalogues parse, with en.txt's keys and placeholders", "[i18n]") {
  auto en = EmbeddedCatalogue("en");
  REQUIRE(en.ok());
  const auto keys = en->Keys();
  CHECK(keys.size() > 50);
  for (const std::string& lang : SupportedLanguages()) {
    auto c = EmbeddedCatalogue(lang);
    INFO(lang << ": " << c.status().ToString());
    REQUIRE(c.ok());
    CHECK(c->Keys() == keys);
    for (const auto& key : keys) {
      INFO(lang << " " << key);
      CHECK(Placeholders(*c->Find(key)) == Placeholders(*en->Find(key)));
      CHECK(!c->Find(key)->empty());
    }
  }
  CHECK(EmbeddedCatalogue("de").status().code() == Code::kNotFound);
}

TEST_CASE("messages: lookup in the reader's language, else along the fallback chain", "[i18n]") {
  CHECK(Message("fr", "page.submit") == "Vérifier");
  CHECK(Message("ru", "page.submit") == "Проверить");
  CHECK(Message("kk", "page.submit") == "Тексеру");
  CHECK(Message("de", "page.submit") == "Verify");
  CHECK(Message("", "page.submit") == "Verify");
  CHECK(Message("fr", "no.such.key") == "no.such.key");
  CHECK(Message("fr", "page.challenge_hint", {"15"}).find("15 minutes") != std::string::npos);
  CHECK(Message("fr", "reason.revoked").rfind("Révoqué", 0) == 0);
}

}  // namespace
}  // namespace passerelle::i18n
