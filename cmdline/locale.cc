// Passerelle — the reader's language from the environment.
#include "cmdline/locale.h"

#include <cctype>
#include <cstdlib>

namespace passerelle::cmdline {

std::string LanguageOfLocale(std::string_view locale) {
  std::string out;
  for (char c : locale) {
    if (c == '_' || c == '-' || c == '.' || c == '@') break;
    if (!std::isalpha(static_cast<unsigned char>(c))) return {};
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  if (out == "c" || out == "posix" || out.size() < 2 || out.size() > 3) return {};
  return out;
}

std::string PreferredLanguage() {
  for (const char* var : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
    const char* value = std::getenv(var);
    if (value == nullptr || *value == '\0') continue;
    std::string lang = LanguageOfLocale(value);
    if (!lang.empty()) return lang;
  }
  return "en";
}

}  // namespace passerelle::cmdline
