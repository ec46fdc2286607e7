// Passerelle wallet — choosing the user's language for multilingual text.
//
// Credentials carry human text as language maps ({"en": …, "fr": …}). The
// wallet shows the user's language (from LC_ALL, LC_MESSAGES, then LANG —
// "fr_FR.UTF-8" means "fr"), else English, else the first language in the
// map. Pure functions apart from reading the environment; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json_fwd.hpp>

namespace passerelle::wallet {

// The user's language as a lowercase primary tag ("fr"); "en" when the
// environment names none (unset, "C", "POSIX").
std::string PreferredLanguage();

// The primary tag of a POSIX locale name or BCP 47 tag: "pt_BR.UTF-8" -> "pt",
// "ro-RO" -> "ro"; empty for "", "C", "POSIX".
std::string LanguageOfLocale(std::string_view locale);

struct LocalizedText {
  std::string text;
  std::string language;  // the tag chosen; empty for plain strings
};

// Picks from `value`: a string as is; a language map by `language`, then
// "en", then the first key; a list of strings joined with "; ". An empty
// text when there is nothing to show.
LocalizedText PickText(const nlohmann::json& value, std::string_view language);

}  // namespace passerelle::wallet
