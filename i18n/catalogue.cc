// Passerelle — the message catalogue format.
#include "i18n/catalogue.h"

namespace passerelle::i18n {

namespace {

// Well-formed UTF-8 (no overlongs, surrogates or code points past U+10FFFF).
bool ValidUtf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    auto c = static_cast<unsigned char>(s[i]);
    std::size_t extra;
    unsigned lo = 0x80, hi = 0xBF;  // bounds of the second byte
    if (c < 0x80) extra = 0;
    else if (c >= 0xC2 && c <= 0xDF) extra = 1;
    else if (c >= 0xE0 && c <= 0xEF) {
      extra = 2;
      if (c == 0xE0) lo = 0xA0;
      if (c == 0xED) hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      extra = 3;
      if (c == 0xF0) lo = 0x90;
      if (c == 0xF4) hi = 0x8F;
    } else return false;
    if (s.size() - i <= extra) return false;
    for (std::size_t k = 1; k <= extra; ++k) {
      auto b = static_cast<unsigned char>(s[i + k]);
      if (k == 1 ? (b < lo || b > hi) : (b & 0xC0) != 0x80) return false;
    }
    i += extra + 1;
  }
  return true;
}

bool ValidKey(std::string_view key) {
  if (key.empty() || key.size() > 64) return false;
  for (char c : key)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-')) return false;
  return true;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

}  // namespace

Result<Catalogue> Catalogue::Parse(std::string_view text) {
  if (text.size() > kMaxCatalogueBytes)
    return Status::ResourceExhausted("catalogue: over " + std::to_string(kMaxCatalogueBytes) + " bytes");
  if (!ValidUtf8(text)) return Status::Malformed("catalogue: not UTF-8");
  Catalogue out;
  std::size_t line_no = 0, pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    std::string_view line = text.substr(pos, end == std::string_view::npos ? std::string_view::npos : end - pos);
    pos = end == std::string_view::npos ? text.size() : end + 1;
    ++line_no;
    const std::string where = "catalogue: line " + std::to_string(line_no) + ": ";
    std::string_view trimmed = Trim(line);
    if (trimmed.empty() || trimmed.front() == '#') continue;
    std::size_t eq = trimmed.find(" = ");
    if (eq == std::string_view::npos) return Status::Malformed(where + "expected \"key = text\"");
    std::string_view key = Trim(trimmed.substr(0, eq));
    std::string_view raw = Trim(trimmed.substr(eq + 3));
    if (!ValidKey(key)) return Status::Malformed(where + "a key is 1-64 of a-z 0-9 _ . -");
    if (raw.size() > kMaxMessageBytes) return Status::Malformed(where + "message too long");
    std::string value;
    for (std::size_t i = 0; i < raw.size(); ++i) {
      if (raw[i] != '\\') {
        value += raw[i];
        continue;
      }
      if (i + 1 < raw.size() && raw[i + 1] == 'n') value += '\n';
      else if (i + 1 < raw.size() && raw[i + 1] == '\\') value += '\\';
      else return Status::Malformed(where + "unknown escape (\\n and \\\\ only)");
      ++i;
    }
    if (!out.messages_.emplace(std::string(key), std::move(value)).second)
      return Status::Malformed(where + "duplicate key \"" + std::string(key) + "\"");
  }
  return out;
}

const std::string* Catalogue::Find(std::string_view key) const {
  auto it = messages_.find(key);
  return it == messages_.end() ? nullptr : &it->second;
}

std::vector<std::string> Catalogue::Keys() const {
  std::vector<std::string> keys;
  keys.reserve(messages_.size());
  for (const auto& [k, v] : messages_) keys.push_back(k);
  return keys;
}

std::string Substitute(std::string_view text, const std::vector<std::string>& args) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '{' && i + 2 < text.size() && text[i + 1] >= '1' && text[i + 1] <= '9' && text[i + 2] == '}') {
      std::size_t n = static_cast<std::size_t>(text[i + 1] - '1');
      if (n < args.size()) {
        out += args[n];
        i += 2;
        continue;
      }
    }
    out += text[i];
  }
  return out;
}

}  // namespace passerelle::i18n
