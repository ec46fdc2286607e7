// Passerelle — the reader's language, from the environment, for the programs'
// human output (the wallet's lists, the verifier's text verdict).
//
// LC_ALL, then LC_MESSAGES, then LANG: "fr_FR.UTF-8" means "fr". Reads the
// environment only; thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace passerelle::cmdline {

// The primary tag of a POSIX locale name or BCP 47 tag: "pt_BR.UTF-8" -> "pt",
// "ro-RO" -> "ro"; empty for "", "C", "POSIX" and anything not 2-3 letters.
std::string LanguageOfLocale(std::string_view locale);

// The user's language as a lowercase primary tag ("fr"); "en" when the
// environment names none (unset, "C", "POSIX").
std::string PreferredLanguage();

}  // namespace passerelle::cmdline
