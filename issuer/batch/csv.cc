// Passerelle — a strict CSV reader.
#include "issuer/batch/csv.h"

namespace passerelle::batch {

bool IsValidUtf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    int len = 0;
    std::uint32_t cp = 0, min = 0;
    if ((c & 0xE0) == 0xC0) { len = 2; cp = c & 0x1F; min = 0x80; }
    else if ((c & 0xF0) == 0xE0) { len = 3; cp = c & 0x0F; min = 0x800; }
    else if ((c & 0xF8) == 0xF0) { len = 4; cp = c & 0x07; min = 0x10000; }
    else return false;
    if (i + static_cast<std::size_t>(len) > s.size()) return false;
    for (int k = 1; k < len; ++k) {
      auto cc = static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]);
      if ((cc & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (cc & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    i += static_cast<std::size_t>(len);
  }
  return true;
}

Result<std::vector<CsvRecord>> ParseCsv(std::string_view text, std::size_t max_bytes) {
  if (text.size() > max_bytes)
    return Status::ResourceExhausted("the CSV is larger than " + std::to_string(max_bytes) + " bytes");
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  std::vector<CsvRecord> out;
  std::size_t i = 0, line = 1;
  while (i < text.size()) {
    // Skip blank lines.
    if (text[i] == '\n' || (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n')) {
      i += text[i] == '\r' ? 2 : 1;
      ++line;
      continue;
    }
    CsvRecord rec;
    rec.line = line;
    std::string field;
    bool done = false;
    auto fail = [&](const std::string& why) {
      if (rec.error.empty()) {
        rec.error = why;
        rec.bad_field = rec.fields.size();
      }
    };
    while (!done) {
      field.clear();
      if (i < text.size() && text[i] == '"') {
        ++i;
        bool closed = false;
        while (i < text.size()) {
          char c = text[i++];
          if (c == '"') {
            if (i < text.size() && text[i] == '"') {
              field += '"';
              ++i;
            } else {
              closed = true;
              break;
            }
          } else {
            if (c == '\n') ++line;
            field += c;
          }
        }
        if (!closed) fail("a quoted field is not closed before the end of the file");
        // After the closing quote: a separator, a line end, or the end.
        if (i < text.size() && text[i] != ',' && text[i] != '\n' && text[i] != '\r') {
          fail("text after a closing quote");
          while (i < text.size() && text[i] != ',' && text[i] != '\n' && text[i] != '\r') ++i;
        }
      } else {
        while (i < text.size() && text[i] != ',' && text[i] != '\n' && text[i] != '\r') {
          if (text[i] == '"') fail("a quote inside an unquoted field (quote the whole field)");
          field += text[i++];
        }
      }
      if (!IsValidUtf8(field)) fail("invalid UTF-8");
      rec.fields.push_back(std::move(field));
      if (i < text.size() && text[i] == ',') {
        ++i;
        continue;
      }
      if (i < text.size() && text[i] == '\r') ++i;
      if (i < text.size() && text[i] == '\n') {
        ++i;
        ++line;
      }
      done = true;
    }
    out.push_back(std::move(rec));
  }
  return out;
}

}  // namespace passerelle::batch
