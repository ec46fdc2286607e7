// Passerelle — JSON-LD keywords and syntactic predicates.
#include "formats/jsonld/internal/keywords.h"

namespace passerelle::jsonld::internal {
namespace {

bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

// The JSON-LD 1.1 keywords, by their second character (this runs for every
// key and IRI of a document). Framing-only keywords (@default, @embed, ...)
// are not included: expansion treats them as reserved.
bool IsKeyword(std::string_view s) {
  if (s.size() < 3 || s.size() > 10 || s[0] != '@') return false;
  switch (s[1]) {
    case 'b': return s == "@base";
    case 'c': return s == "@container" || s == "@context";
    case 'd': return s == "@direction";
    case 'g': return s == "@graph";
    case 'i': return s == "@id" || s == "@import" || s == "@included" || s == "@index";
    case 'j': return s == "@json";
    case 'l': return s == "@language" || s == "@list";
    case 'n': return s == "@nest" || s == "@none";
    case 'p': return s == "@prefix" || s == "@propagate" || s == "@protected";
    case 'r': return s == "@reverse";
    case 's': return s == "@set";
    case 't': return s == "@type";
    case 'v': return s == "@value" || s == "@version" || s == "@vocab";
    default: return false;
  }
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
