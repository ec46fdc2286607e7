// Passerelle — which of our languages a reader gets: HTTP Accept-Language
// negotiation (RFC 9110 §12.5.4, q-values, region subtags) and the
// fallback chains for texts a language lacks.
//
// The languages: en fr ro el ru kk az. Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace passerelle::i18n {

// Our languages, English first (the default).
const std::vector<std::string>& SupportedLanguages();

// True for a tag in SupportedLanguages() (lowercase primary tags only).
bool IsSupported(std::string_view language);

// The supported language to show for the request header `accept_language`:
// the entry with the highest q (ties: the first written) whose primary
// subtag we speak ("fr-FR" and "FR" mean "fr"); "en" when none does, for an
// empty or hostile header. Entries with q=0 are refused; entries with a
// malformed q, "*" and tags that are not 1-8 letters/digits/hyphens are
// ignored. Reads at most the first 4096 bytes and 32 entries: linear time.
std::string NegotiateLanguage(std::string_view accept_language);

// The language asked for by `?lang=` (case-insensitive primary tag, region
// ignored), or "" when it is not one of ours.
std::string LanguageFromParameter(std::string_view value);

// The order in which to look for a credential's or a message's text for a
// reader of `language`: the language itself, then its neighbours, ending
// with "en": kk → ru → en; ru, fr, ro, el, az → en; en → en. An unknown
// language gives {language, "en"} (or {"en"} when empty).
std::vector<std::string> FallbackChain(std::string_view language);

}  // namespace passerelle::i18n
