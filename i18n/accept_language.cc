// Passerelle — Accept-Language negotiation and fallback chains.
#include "i18n/accept_language.h"
#include "formats/ascii_text.h"

#include <algorithm>
#include <cctype>

namespace passerelle::i18n {

namespace {

constexpr std::size_t kMaxHeaderBytes = 4096;
constexpr std::size_t kMaxEntries = 32;

// The primary subtag of a well-formed language range, lowercased; "" otherwise.
std::string PrimaryTag(std::string_view range) {
  if (range.empty() || range.size() > 35) return "";
  for (char c : range)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_') return "";
  std::size_t cut = range.find_first_of("-_");
  std::string_view primary = range.substr(0, cut);
  if (primary.empty() || primary.size() > 8) return "";
  for (char c : primary)
    if (!std::isalpha(static_cast<unsigned char>(c))) return "";
  return AsciiLower(primary);
}

// q in thousandths, from "q=0.8"; -1 when malformed.
int ParseQ(std::string_view param) {
  param = TrimSpaceTab(param);
  if (param.size() < 3 || (param[0] != 'q' && param[0] != 'Q') || param[1] != '=') return -1;
  std::string_view v = param.substr(2);
  if (v.empty() || v.size() > 5) return -1;
  if (v[0] == '1') {
    if (v.size() == 1) return 1000;
    if (v[1] != '.') return -1;
    for (char c : v.substr(2))
      if (c != '0') return -1;
    return 1000;
  }
  if (v[0] != '0') return -1;
  if (v.size() == 1) return 0;
  if (v[1] != '.') return -1;
  int q = 0, digits = 0;
  for (char c : v.substr(2)) {
    if (c < '0' || c > '9') return -1;
    q = q * 10 + (c - '0');
    ++digits;
  }
  while (digits++ < 3) q *= 10;
  return q;
}

}  // namespace

const std::vector<std::string>& SupportedLanguages() {
  static const std::vector<std::string> kLanguages = {"en", "fr", "ro", "el", "ru", "kk", "az"};
  return kLanguages;
}

bool IsSupported(std::string_view language) {
  const auto& all = SupportedLanguages();
  return std::find(all.begin(), all.end(), language) != all.end();
}

std::string NegotiateLanguage(std::string_view header) {
  header = header.substr(0, kMaxHeaderBytes);
  std::string best = "en";
  int best_q = 0;
  std::size_t entries = 0, pos = 0;
  while (pos <= header.size() && entries < kMaxEntries) {
    std::size_t comma = header.find(',', pos);
    std::string_view entry =
        header.substr(pos, comma == std::string_view::npos ? std::string_view::npos : comma - pos);
    pos = comma == std::string_view::npos ? header.size() + 1 : comma + 1;
    entry = TrimSpaceTab(entry);
    if (entry.empty()) continue;
    ++entries;
    std::size_t semi = entry.find(';');
    std::string tag = PrimaryTag(TrimSpaceTab(entry.substr(0, semi)));
    int q = 1000;
    if (semi != std::string_view::npos) {
      // Only the q parameter is defined; anything else makes the entry unusable.
      q = ParseQ(entry.substr(semi + 1));
      if (q < 0) continue;
    }
    if (tag.empty() || !IsSupported(tag) || q <= best_q) continue;
    best = tag;
    best_q = q;
  }
  return best;
}

std::string LanguageFromParameter(std::string_view value) {
  if (value.size() > 35) return "";
  std::string tag = PrimaryTag(value);
  return IsSupported(tag) ? tag : "";
}

std::vector<std::string> FallbackChain(std::string_view language) {
  std::string lang = AsciiLower(language);
  if (lang.empty() || lang == "en") return {"en"};
  if (lang == "kk" || lang == "ky") return {lang, "ru", "en"};  // Kazakh and Kyrgyz readers read Russian next
  return {lang, "en"};
}

}  // namespace passerelle::i18n
