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

#include "cmdline/locale.h"

namespace passerelle::wallet {

// The user's language and locale names: shared with the verifier's text
// verdict (cmdline/locale.h).
using cmdline::LanguageOfLocale;
using cmdline::PreferredLanguage;

struct LocalizedText {
  std::string text;
  std::string language;  // the tag chosen; empty for plain strings
};

// Picks from `value`: a string as is; a language map by `language`, then
// "en", then the first key; a list of strings joined with "; ". An empty
// text when there is nothing to show.
LocalizedText PickText(const nlohmann::json& value, std::string_view language);

}  // namespace passerelle::wallet
