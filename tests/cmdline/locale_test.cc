// Tests for cmdline/locale.h: the reader's language from LC_ALL, LC_MESSAGES and LANG.
#include "cmdline/locale.h"

#include <catch2/catch.hpp>

#include <stdlib.h>

#include <optional>
#include <string>
#include <vector>

namespace passerelle::cmdline {
namespace {

// Sets (or unsets, for nullopt) the three variables for one test, and puts
// back what was there before.
class ScopedLocaleEnvironment {
 public:
  ScopedLocaleEnvironment(std::optional<std::string> lc_all, std::optional<std::string> lc_messages,
                          std::optional<std::string> lang) {
    for (const char* var : kVars) {
      const char* v = ::getenv(var);
      saved_.push_back(v == nullptr ? std::nullopt : std::optional<std::string>(v));
    }
    Set("LC_ALL", lc_all);
    Set("LC_MESSAGES", lc_messages);
    Set("LANG", lang);
  }
  ~ScopedLocaleEnvironment() {
    for (std::size_t i = 0; i < 3; ++i) Set(kVars[i], saved_[i]);
  }

 private:
  static constexpr const char* kVars[3] = {"LC_ALL", "LC_MESSAGES", "LANG"};
  static void Set(const char* var, const std::optional<std::string>& value) {
    if (value) {
      ::setenv(var, value->c_str(), 1);
    } else {
      ::unsetenv(var);
    }
  }
  std::vector<std::optional<std::string>> saved_;
};

TEST_CASE("locale: the primary tag of POSIX locale names and BCP 47 tags", "[cmdline]") {
  CHECK(LanguageOfLocale("fr_FR.UTF-8") == "fr");
  CHECK(LanguageOfLocale("pt_BR.UTF-8") == "pt");
  CHECK(LanguageOfLocale("ro-RO") == "ro");
  CHECK(LanguageOfLocale("RU") == "ru");
  CHECK(LanguageOfLocale("kk") == "kk");
  CHECK(LanguageOfLocale("de_DE@euro") == "de");
  CHECK(LanguageOfLocale("fil_PH") == "fil");
  CHECK(LanguageOfLocale("en.UTF-8") == "en");
}

TEST_CASE("locale: C, POSIX, empty and odd names name no language", "[cmdline]") {
  for (const char* none : {"", "C", "POSIX", "C.UTF-8", "posix", "e", "engl_GB", "f1_FR", "_FR", "fr FR",
                           "\xC3\xA9t"})
    CHECK(LanguageOfLocale(none).empty());
}

TEST_CASE("locale: LC_ALL, then LC_MESSAGES, then LANG, else English", "[cmdline]") {
  {
    ScopedLocaleEnvironment env("fr_FR.UTF-8", "ru_RU.UTF-8", "kk_KZ.UTF-8");
    CHECK(PreferredLanguage() == "fr");
  }
  {
    ScopedLocaleEnvironment env(std::nullopt, "ru_RU.UTF-8", "kk_KZ.UTF-8");
    CHECK(PreferredLanguage() == "ru");
  }
  {
    ScopedLocaleEnvironment env("", "", "kk_KZ.UTF-8");  // empty counts as unset
    CHECK(PreferredLanguage() == "kk");
  }
  {
    ScopedLocaleEnvironment env("C", "ro_RO", std::nullopt);  // C names nothing: look further
    CHECK(PreferredLanguage() == "ro");
  }
  {
    ScopedLocaleEnvironment env(std::nullopt, std::nullopt, std::nullopt);
    CHECK(PreferredLanguage() == "en");
  }
  {
    ScopedLocaleEnvironment env("POSIX", "C.UTF-8", "C");
    CHECK(PreferredLanguage() == "en");
  }
}

}  // namespace
}  // namespace passerelle::cmdline
