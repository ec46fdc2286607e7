// Passerelle — JSON-LD keywords and syntactic predicates.
#include "formats/jsonld/internal/keywords.h"

#include <algorithm>
#include <array>

namespace passerelle::jsonld::internal {
namespace {

bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// The JSON-LD 1.1 keywords, sorted for binary search. Framing-only keywords
// (@default, @embed, ...) are not included: expansion treats them as reserved.
constexpr std::array<std::string_view, 23> kKeywords = {
    "@base", "@container", "@context", "@direction", "@graph", "@id", "@import",
    "@included", "@index", "@json", "@language", "@list", "@nest", "@none", "@prefix",
    "@propagate", "@protected", "@reverse", "@set", "@type", "@value", "@version",
    "@vocab",
};
static_assert(std::is_sorted(kKeywords.begin(), kKeywords.end()));

}  // namespace

bool IsKeyword(std::string_view s) {
  if (s.size() < 3 || s[0] != '@') return false;
  return std::binary_search(kKeywords.begin(), kKeywords.end(), s);
}

bool HasKeywordForm(std::string_view s) {
  if (s.size() < 2 || s[0] != '@') return false;
  for (size_t i = 1; i < s.size(); ++i) {
    if (!IsAlpha(s[i])) return false;
  }
  return true;
}

bool IsWellFormedLanguageTag(std::string_view s) {
  size_t i = 0;
  size_t n = 0;
  while (i < s.size() && IsAlpha(s[i])) {
    ++i;
    ++n;
  }
  if (n < 1 || n > 8) return false;
  while (i < s.size()) {
    if (s[i] != '-') return false;
    ++i;
    n = 0;
    while (i < s.size() && (IsAlpha(s[i]) || IsDigit(s[i]))) {
      ++i;
      ++n;
    }
    if (n < 1 || n > 8) return false;
  }
  return true;
}

std::string ToLowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

}  // namespace passerelle::jsonld::internal
