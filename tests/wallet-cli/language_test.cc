// Passerelle wallet — the user's language, and choosing from language maps.
#include "wallet-cli/language.h"

#include <cstdlib>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

namespace passerelle::wallet {
namespace {

using nlohmann::json;

TEST_CASE("locale names give their primary language", "[wallet][language]") {
  CHECK(LanguageOfLocale("fr_FR.UTF-8") == "fr");
  CHECK(LanguageOfLocale("ro_RO") == "ro");
  CHECK(LanguageOfLocale("el") == "el");
  CHECK(LanguageOfLocale("kk-KZ") == "kk");
  CHECK(LanguageOfLocale("de_DE@euro") == "de");
  CHECK(LanguageOfLocale("C") == "");
  CHECK(LanguageOfLocale("C.UTF-8") == "");
  CHECK(LanguageOfLocale("POSIX") == "");
  CHECK(LanguageOfLocale("") == "");
  CHECK(LanguageOfLocale("1x") == "");
}

TEST_CASE("the preferred language follows LC_ALL, LC_MESSAGES, then LANG", "[wallet][language]") {
  ::setenv("LC_ALL", "C.UTF-8", 1);
  ::setenv("LC_MESSAGES", "", 1);
  ::setenv("LANG", "ro_RO.UTF-8", 1);
  CHECK(PreferredLanguage() == "ro");
  ::setenv("LC_ALL", "el_GR.UTF-8", 1);
  CHECK(PreferredLanguage() == "el");
  ::unsetenv("LC_ALL");
  ::unsetenv("LC_MESSAGES");
  ::unsetenv("LANG");
  CHECK(PreferredLanguage() == "en");
}

TEST_CASE("text comes in the user's language, else English, else any", "[wallet][language]") {
  json title = {{"en", "Clinical audit"}, {"fr", "Audit clinique"}, {"ro", "Audit clinic"}};
  CHECK(PickText(title, "fr").text == "Audit clinique");
  CHECK(PickText(title, "fr").language == "fr");
  CHECK(PickText(title, "el").text == "Clinical audit");
  json no_en = {{"ro", "Audit clinic"}, {"fr", "Audit clinique"}};
  CHECK(PickText(no_en, "el").language == "fr");  // the first in key order
  CHECK(PickText(json{{"fr-CA", "Vérification"}}, "fr").text == "Vérification");
  CHECK(PickText("plain", "fr").text == "plain");
  CHECK(PickText(json::array({"a", "b"}), "fr").text == "a; b");
  CHECK(PickText(json{{"en", json::array({"one", "two"})}}, "en").text == "one; two");
  CHECK(PickText(json(), "fr").text.empty());
  CHECK(PickText(json::object(), "fr").text.empty());
  CHECK(PickText(json{{"fr", 3}}, "fr").text.empty());
}

}  // namespace
}  // namespace passerelle::wallet
