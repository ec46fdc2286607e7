// Passerelle — JSON-LD keywords and the small syntactic predicates the
// algorithms share (keyword form, compact IRI split, language tags).
#pragma once

#include <string>
#include <string_view>

namespace passerelle::jsonld::internal {

// True for the JSON-LD 1.1 keywords ("@base", "@context", ... "@vocab").
bool IsKeyword(std::string_view s);

// True when `s` has the form of a keyword: "@" followed by one or more
// ASCII letters (ABNF "@"1*ALPHA). Such strings are reserved.
bool HasKeywordForm(std::string_view s);

// True when `s` is a well-formed BCP 47 language tag in the loose sense the
// JSON-LD processors use: 1*8ALPHA *("-" 1*8(ALPHA / DIGIT)).
bool IsWellFormedLanguageTag(std::string_view s);

// ASCII lower-case copy (language tags, directions).
std::string ToLowerAscii(std::string_view s);

}  // namespace passerelle::jsonld::internal
