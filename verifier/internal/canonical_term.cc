// Passerelle (verifier internal) — one term of a canonical N-Quads line.
#include "verifier/internal/canonical_term.h"

#include <cstdint>
#include <optional>

namespace passerelle::internal {

bool ReadCanonicalTerm(std::string_view& text, CanonicalTerm& out, std::deque<std::string>& unescaped) {
  if (text.empty()) return false;
  auto unescape = [&](std::string_view raw) -> std::optional<std::string_view> {
    if (raw.find('\\') == std::string_view::npos) return raw;
    std::string v;
    for (std::size_t i = 0; i < raw.size(); ++i) {
      if (raw[i] != '\\') {
        v += raw[i];
        continue;
      }
      if (++i >= raw.size()) return std::nullopt;
      switch (raw[i]) {
        case 't': v += '\t'; break;
        case 'b': v += '\b'; break;
        case 'n': v += '\n'; break;
        case 'r': v += '\r'; break;
        case 'f': v += '\f'; break;
        case '"': v += '"'; break;
        case '\'': v += '\''; break;
        case '\\': v += '\\'; break;
        case 'u':
        case 'U': {
          const std::size_t n = raw[i] == 'u' ? 4 : 8;
          if (i + n >= raw.size()) return std::nullopt;
          std::uint32_t cp = 0;
          for (std::size_t k = 1; k <= n; ++k) {
            char c = raw[i + k];
            int h = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
            if (h < 0) return std::nullopt;
            cp = cp << 4 | static_cast<std::uint32_t>(h);
          }
          i += n;
          if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return std::nullopt;
          if (cp < 0x80) {
            v += static_cast<char>(cp);
          } else if (cp < 0x800) {
            v += static_cast<char>(0xC0 | cp >> 6);
            v += static_cast<char>(0x80 | (cp & 0x3F));
          } else if (cp < 0x10000) {
            v += static_cast<char>(0xE0 | cp >> 12);
            v += static_cast<char>(0x80 | (cp >> 6 & 0x3F));
            v += static_cast<char>(0x80 | (cp & 0x3F));
          } else {
            v += static_cast<char>(0xF0 | cp >> 18);
            v += static_cast<char>(0x80 | (cp >> 12 & 0x3F));
            v += static_cast<char>(0x80 | (cp >> 6 & 0x3F));
            v += static_cast<char>(0x80 | (cp & 0x3F));
          }
          break;
        }
        default: return std::nullopt;
      }
    }
    unescaped.push_back(std::move(v));
    return std::string_view(unescaped.back());
  };
  std::size_t end = 0;
  if (text[0] == '<') {
    end = text.find('>');
    if (end == std::string_view::npos) return false;
    auto v = unescape(text.substr(1, end - 1));
    if (!v) return false;
    out = CanonicalTerm{text.substr(0, end + 1), *v, true, false};
    ++end;
  } else if (text.size() > 2 && text[0] == '_' && text[1] == ':') {
    end = text.find(' ');
    if (end == std::string_view::npos) end = text.size();
    out = CanonicalTerm{text.substr(0, end), text.substr(2, end - 2), false, true};
  } else if (text[0] == '"') {
    std::size_t i = 1;
    while (i < text.size() && text[i] != '"') i += text[i] == '\\' ? 2 : 1;
    if (i >= text.size()) return false;
    auto v = unescape(text.substr(1, i - 1));
    if (!v) return false;
    end = i + 1;
    if (text.substr(end, 3) == "^^<") {
      std::size_t close = text.find('>', end);
      if (close == std::string_view::npos) return false;
      end = close + 1;
    } else if (end < text.size() && text[end] == '@') {
      while (end < text.size() && text[end] != ' ') ++end;
    }
    out = CanonicalTerm{text.substr(0, end), *v, false, false};
  } else {
    return false;
  }
  text.remove_prefix(end);
  return true;
}

}  // namespace passerelle::internal
