// Passerelle — JSON Canonicalization Scheme (RFC 8785).
#include "formats/jcs.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "formats/internal/utf8_scan.h"
#include "formats/json.h"

namespace passerelle {
namespace {

using internal::SkipPlainAscii;
using internal::Utf8SequenceLength;
using nlohmann::json;

// Decodes UTF-8 into UTF-16 code units, for RFC 8785 member ordering.
// Returns false on invalid UTF-8.
bool ToUtf16(const std::string& s, std::u16string& out) {
  out.clear();
  std::size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    std::uint32_t cp;
    int extra;
    if (c < 0x80) { cp = c; extra = 0; }
    else if ((c & 0xE0) == 0xC0) { cp = c & 0x1F; extra = 1; }
    else if ((c & 0xF0) == 0xE0) { cp = c & 0x0F; extra = 2; }
    else if ((c & 0xF8) == 0xF0) { cp = c & 0x07; extra = 3; }
    else return false;
    if (i + extra >= s.size() && extra > 0) return false;  // truncated sequence
    for (int k = 1; k <= extra; ++k) {
      unsigned char cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (cc & 0x3F);
    }
    i += extra + 1;
    static const std::uint32_t kMinForLength[] = {0, 0x80, 0x800, 0x10000};
    if (cp < kMinForLength[extra] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
      return false;  // overlong, out of range, or an encoded surrogate
    if (cp >= 0x10000) {
      cp -= 0x10000;
      out.push_back(static_cast<char16_t>(0xD800 + (cp >> 10)));
      out.push_back(static_cast<char16_t>(0xDC00 + (cp & 0x3FF)));
    } else {
      out.push_back(static_cast<char16_t>(cp));
    }
  }
  return true;
}

// Appends `s` as a JSON string, escaping only what RFC 8785 requires, and
// checks on the same pass that it is well-formed UTF-8 (every string of
// every document goes through here, so this is one pass and no allocation
// beyond `out` growing). Returns false, with `out` partly written, on
// invalid UTF-8.
bool AppendString(const std::string& s, std::string& out) {
  static const char kHex[] = "0123456789abcdef";
  out += '"';
  const auto* begin = reinterpret_cast<const unsigned char*>(s.data());
  const auto* end = begin + s.size();
  const auto* p = begin;
  const auto* run = begin;  // start of the pending run copied as it is
  while (p < end) {
    p = SkipPlainAscii(p, end);
    if (p == end) break;
    const unsigned char c = *p;
    if (c >= 0x80) {
      // A run of non-ASCII characters (a Greek or Cyrillic word) in one loop.
      do {
        int n = Utf8SequenceLength(p, end);
        if (n == 0) return false;
        p += n;
      } while (p < end && *p >= 0x80);
      continue;
    }
    if (c >= 0x20 && c != '"' && c != '\\') {
      ++p;
      continue;
    }
    out.append(reinterpret_cast<const char*>(run), static_cast<std::size_t>(p - run));
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        out += "\\u00";
        out += kHex[c >> 4];
        out += kHex[c & 0xF];
    }
    run = ++p;
  }
  out.append(reinterpret_cast<const char*>(run), static_cast<std::size_t>(end - run));
  out += '"';
  return true;
}

Status AppendValue(const json& v, std::string& out) {
  switch (v.type()) {
    case json::value_t::null: out += "null"; return Status::Ok();
    case json::value_t::boolean: out += v.get<bool>() ? "true" : "false"; return Status::Ok();
    case json::value_t::number_integer:
      AppendEs6Number(static_cast<double>(v.get<std::int64_t>()), out);
      return Status::Ok();
    case json::value_t::number_unsigned:
      AppendEs6Number(static_cast<double>(v.get<std::uint64_t>()), out);
      return Status::Ok();
    case json::value_t::number_float: {
      double d = v.get<double>();
      if (!std::isfinite(d)) return Status::Malformed("jcs: number is not finite");
      AppendEs6Number(d, out);
      return Status::Ok();
    }
    case json::value_t::string: {
      if (!AppendString(v.get_ref<const std::string&>(), out))
        return Status::Malformed("jcs: string is not valid UTF-8");
      return Status::Ok();
    }
    case json::value_t::array: {
      out += '[';
      bool first = true;
      for (const auto& e : v.get_ref<const json::array_t&>()) {
        if (!first) out += ',';
        first = false;
        PSL_RETURN_IF_ERROR(AppendValue(e, out));
      }
      out += ']';
      return Status::Ok();
    }
    case json::value_t::object: {
      const auto& obj = v.get_ref<const json::object_t&>();
      // The object is kept sorted by UTF-8 bytes, which is UTF-16 order
      // unless a name holds a character at or above U+E000 (lead byte
      // 0xEE or more): only then re-sort by UTF-16 code units.
      bool needs_utf16_sort = false;
      for (const auto& member : obj)
        for (unsigned char c : member.first)
          if (c >= 0xEE) needs_utf16_sort = true;
      out += '{';
      bool first = true;
      auto emit = [&](const std::string& key, const json& value) -> Status {
        if (!first) out += ',';
        first = false;
        if (!AppendString(key, out)) return Status::Malformed("jcs: member name is not valid UTF-8");
        out += ':';
        return AppendValue(value, out);
      };
      if (!needs_utf16_sort) {
        for (const auto& [key, value] : obj) PSL_RETURN_IF_ERROR(emit(key, value));
      } else {
        std::vector<std::pair<std::u16string, const json::object_t::value_type*>> members;
        members.reserve(obj.size());
        for (const auto& member : obj) {
          std::u16string key16;
          ToUtf16(member.first, key16);
          members.emplace_back(std::move(key16), &member);
        }
        std::sort(members.begin(), members.end(),
                  [](const auto& a, const auto& b) { return a.first < b.first; });
        for (const auto& [key16, member] : members) PSL_RETURN_IF_ERROR(emit(member->first, member->second));
      }
      out += '}';
      return Status::Ok();
    }
    case json::value_t::binary:
    case json::value_t::discarded:
      return Status::Malformed("jcs: value has no JSON form");
  }
  return Status::Malformed("jcs: unknown value type");
}

}  // namespace

void AppendEs6Number(double value, std::string& out) {
  if (value == 0) {  // both +0 and -0
    out += '0';
    return;
  }
  if (value < 0) {
    out += '-';
    value = -value;
  }
  // Shortest round-trip digits, as ECMAScript requires ("k as small as possible").
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::scientific);
  std::string_view sci(buf, res.ptr - buf);  // d[.ddd]e[+-]XX
  auto e = sci.find('e');
  std::string digits;
  for (char c : sci.substr(0, e))
    if (c != '.') digits += c;
  int exp10 = 0;
  std::from_chars(sci.data() + e + 1 + (sci[e + 1] == '+' ? 1 : 0), sci.data() + sci.size(),
                  exp10);
  const int k = static_cast<int>(digits.size());
  const int n = exp10 + 1;  // value = 0.digits × 10^n
  if (k <= n && n <= 21) {
    out += digits;
    out.append(n - k, '0');
  } else if (0 < n && n <= 21) {
    out.append(digits, 0, n);
    out += '.';
    out.append(digits, n, std::string::npos);
  } else if (-6 < n && n <= 0) {
    out += "0.";
    out.append(-n, '0');
    out += digits;
  } else {
    out += digits[0];
    if (k > 1) {
      out += '.';
      out.append(digits, 1, std::string::npos);
    }
    out += 'e';
    out += (n - 1 >= 0) ? '+' : '-';
    out += std::to_string(std::abs(n - 1));
  }
}

Result<std::string> CanonicalizeJson(const json& value) {
  std::string out;
  out.reserve(4096);  // a module credential is 2-3 KB: one allocation
  PSL_RETURN_IF_ERROR(AppendValue(value, out));
  return out;
}

Status AppendCanonicalJson(const json& value, std::string& out) { return AppendValue(value, out); }

}  // namespace passerelle
