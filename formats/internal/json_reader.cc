// Passerelle — strict JSON reading (RFC 8259) into nlohmann::json.
//
// A small recursive-descent parser instead of nlohmann's own: it enforces
// our strictness rules as it goes (UTF-8, lone surrogates, duplicate member
// names, depth, size) and is about three times faster, which matters because
// parsing is the first step of every verification. It reads bytes only;
// nothing here can throw except std::bad_alloc, which is caught.
#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "formats/internal/utf8_scan.h"
#include "formats/json.h"

namespace passerelle {
namespace {

using nlohmann::json;

class Parser {
 public:
  Parser(std::string_view text, int max_depth) : p_(text.data()), begin_(text.data()), end_(text.data() + text.size()), max_depth_(max_depth) {}

  // Also watch the form of the text: is it already RFC 8785 (JCS), and
  // where is the top-level member `name`? Conservative: anything the
  // reader is unsure of (a non-integer number, a large integer, a member
  // name that UTF-16 would sort differently) counts as not canonical.
  void WatchCanonicalForm(std::string_view name) {
    watch_form_ = true;
    watched_member_ = name;
  }
  bool canonical() const { return watch_form_ && canonical_; }
  // [begin, end) of the watched member (its name's quote to its value's
  // end); begin == end when the top-level object has none.
  std::size_t member_begin() const { return member_begin_; }
  std::size_t member_end() const { return member_end_; }

  bool Parse(json& out) {
    SkipSpace();
    if (!Value(out, 0)) return false;
    SkipSpace();
    if (p_ != end_) return Fail("unexpected data after the JSON value");
    return true;
  }

  std::string Error() const { return "at byte " + std::to_string(error_at_) + ": " + error_; }

 private:
  bool Fail(std::string message) {
    if (error_.empty()) {
      error_ = std::move(message);
      error_at_ = static_cast<std::size_t>(p_ - begin_);
    }
    return false;
  }

  // Where the parser is, as a JSON Pointer; built only for error messages.
  std::string Pointer() const {
    std::string out;
    for (const auto& step : path_)
      out += "/" + (step.key != nullptr ? JsonPointerEscape(*step.key) : std::to_string(step.index));
    return out.empty() ? std::string("/") : out;
  }

  void SkipSpace() {
    const char* start = p_;
    while (p_ < end_ && (*p_ == ' ' || *p_ == '\n' || *p_ == '\r' || *p_ == '\t')) ++p_;
    if (p_ != start) canonical_ = false;  // JCS has no insignificant whitespace
  }

  bool Literal(const char* word, std::size_t n) {
    if (static_cast<std::size_t>(end_ - p_) < n || std::memcmp(p_, word, n) != 0)
      return Fail("invalid literal");
    p_ += n;
    return true;
  }

  bool Value(json& out, int depth) {
    if (p_ == end_) return Fail("unexpected end of input");
    switch (*p_) {
      case '{': return Object(out, depth + 1);
      case '[': return Array(out, depth + 1);
      case '"': {
        std::string s;
        if (!String(s)) return false;
        out = std::move(s);
        return true;
      }
      case 't': if (!Literal("true", 4)) return false; out = true; return true;
      case 'f': if (!Literal("false", 5)) return false; out = false; return true;
      case 'n': if (!Literal("null", 4)) return false; out = nullptr; return true;
      default: return Number(out);
    }
  }

  bool Object(json& out, int depth) {
    if (depth > max_depth_) return Fail("nesting deeper than " + std::to_string(max_depth_) + " at " + Pointer());
    ++p_;  // '{'
    out = json::value_t::object;
    auto& members = out.get_ref<json::object_t&>();
    SkipSpace();
    if (p_ < end_ && *p_ == '}') {
      ++p_;
      return true;
    }
    while (true) {
      SkipSpace();
      if (p_ == end_ || *p_ != '"') return Fail("expected a member name in quotes");
      const char* key_begin = p_;
      std::string key;
      high_character_ = false;
      if (!String(key)) return false;
      // UTF-16 (JCS) and UTF-8 (the map) order differ only around U+E000
      // and above.
      if (high_character_) canonical_ = false;
      SkipSpace();
      if (p_ == end_ || *p_ != ':') return Fail("expected ':' after a member name");
      ++p_;
      SkipSpace();
      // Hinted at the end: one comparison per member when the names come
      // sorted, as every serializer built on an ordered map writes them.
      const std::size_t count = members.size();
      auto it = members.emplace_hint(members.end(), std::move(key), json());
      if (members.size() == count)
        return Fail("duplicate member name \"" + JsonPointerEscape(it->first) + "\" in " + Pointer());
      if (std::next(it) != members.end()) canonical_ = false;  // not in sorted order
      path_.push_back({&it->first, 0});
      if (!Value(it->second, depth)) return false;
      path_.pop_back();
      if (watch_form_ && depth == 1 && it->first == watched_member_) {
        member_begin_ = static_cast<std::size_t>(key_begin - begin_);
        member_end_ = static_cast<std::size_t>(p_ - begin_);
      }
      SkipSpace();
      if (p_ == end_) return Fail("unexpected end of input in an object");
      if (*p_ == ',') {
        ++p_;
        continue;
      }
      if (*p_ == '}') {
        ++p_;
        return true;
      }
      return Fail("expected ',' or '}' in an object");
    }
  }

  bool Array(json& out, int depth) {
    if (depth > max_depth_) return Fail("nesting deeper than " + std::to_string(max_depth_) + " at " + Pointer());
    ++p_;  // '['
    out = json::value_t::array;
    auto& items = out.get_ref<json::array_t&>();
    items.reserve(4);  // most arrays in credentials are short: one allocation
    SkipSpace();
    if (p_ < end_ && *p_ == ']') {
      ++p_;
      return true;
    }
    while (true) {
      SkipSpace();
      path_.push_back({nullptr, items.size()});
      items.emplace_back();
      if (!Value(items.back(), depth)) return false;
      path_.pop_back();
      SkipSpace();
      if (p_ == end_) return Fail("unexpected end of input in an array");
      if (*p_ == ',') {
        ++p_;
        continue;
      }
      if (*p_ == ']') {
        ++p_;
        return true;
      }
      return Fail("expected ',' or ']' in an array");
    }
  }

  static int Hex(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  }

  bool Hex4(std::uint32_t& v) {
    if (end_ - p_ < 4) return Fail("truncated \\u escape");
    v = 0;
    for (int i = 0; i < 4; ++i) {
      int h = Hex(p_[i]);
      if (h < 0) return Fail("invalid \\u escape");
      v = v << 4 | static_cast<std::uint32_t>(h);
    }
    p_ += 4;
    return true;
  }

  static void AppendUtf8(std::string& s, std::uint32_t cp) {
    if (cp < 0x80) {
      s += static_cast<char>(cp);
    } else if (cp < 0x800) {
      s += static_cast<char>(0xC0 | cp >> 6);
      s += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      s += static_cast<char>(0xE0 | cp >> 12);
      s += static_cast<char>(0x80 | (cp >> 6 & 0x3F));
      s += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      s += static_cast<char>(0xF0 | cp >> 18);
      s += static_cast<char>(0x80 | (cp >> 12 & 0x3F));
      s += static_cast<char>(0x80 | (cp >> 6 & 0x3F));
      s += static_cast<char>(0x80 | (cp & 0x3F));
    }
  }

  // Validates one UTF-8 sequence starting at p_ (a byte >= 0x80); advances.
  bool Utf8Sequence() {
    const unsigned char c = static_cast<unsigned char>(*p_);
    int extra;
    std::uint32_t cp;
    if (c >= 0xC2 && c <= 0xDF) { extra = 1; cp = c & 0x1F; }
    else if (c >= 0xE0 && c <= 0xEF) { extra = 2; cp = c & 0x0F; high_character_ |= c >= 0xEE; }
    else if (c >= 0xF0 && c <= 0xF4) { extra = 3; cp = c & 0x07; high_character_ = true; }
    else return Fail("invalid UTF-8 byte");
    if (end_ - p_ <= extra) return Fail("truncated UTF-8 sequence");
    for (int k = 1; k <= extra; ++k) {
      unsigned char cc = static_cast<unsigned char>(p_[k]);
      if ((cc & 0xC0) != 0x80) return Fail("invalid UTF-8 continuation byte");
      cp = cp << 6 | (cc & 0x3F);
    }
    if ((extra == 2 && cp < 0x800) || (extra == 3 && (cp < 0x10000 || cp > 0x10FFFF)))
      return Fail("overlong or out-of-range UTF-8 sequence");
    if (cp >= 0xD800 && cp <= 0xDFFF) return Fail("UTF-8 encoded surrogate");
    p_ += extra + 1;
    return true;
  }

  bool String(std::string& out) {
    ++p_;  // opening quote
    const char* run = p_;
    while (true) {
      // Skip plain ASCII (not a quote, backslash, control or byte >= 0x80).
      p_ = reinterpret_cast<const char*>(internal::SkipPlainAscii(reinterpret_cast<const unsigned char*>(p_),
                                                                  reinterpret_cast<const unsigned char*>(end_)));
      if (p_ == end_) return Fail("unterminated string");
      const unsigned char c = static_cast<unsigned char>(*p_);
      if (c == '"') {
        if (out.empty()) out = std::string(run, p_);  // constructing beats appending to an empty string
        else out.append(run, p_);
        ++p_;
        return true;
      }
      if (c < 0x20) return Fail("control character in a string (must be escaped)");
      if (c >= 0x80) {
        // A run of non-ASCII characters (a Greek or Cyrillic word) in one loop.
        do {
          if (!Utf8Sequence()) return false;
        } while (p_ < end_ && static_cast<unsigned char>(*p_) >= 0x80);
        continue;
      }
      // An escape.
      out.append(run, p_);
      ++p_;
      if (p_ == end_) return Fail("unterminated escape");
      char e = *p_++;
      switch (e) {
        case '"': out += '"'; break;
        case '\\': out += '\\'; break;
        case '/': out += '/'; canonical_ = false; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'u': {
          std::uint32_t cp;
          if (!Hex4(cp)) return false;
          // JCS writes \u00xx (lower-case hex) for the controls without a
          // short escape, and every other character as itself.
          if (cp >= 0x20 || cp == '\b' || cp == '\f' || cp == '\n' || cp == '\r' || cp == '\t' ||
              std::any_of(p_ - 4, p_, [](char h) { return h >= 'A' && h <= 'F'; }))
            canonical_ = false;
          if (cp >= 0xDC00 && cp <= 0xDFFF) return Fail("lone low surrogate in \\u escape");
          if (cp >= 0xD800 && cp <= 0xDBFF) {
            std::uint32_t low;
            if (end_ - p_ < 2 || p_[0] != '\\' || p_[1] != 'u') return Fail("lone high surrogate in \\u escape");
            p_ += 2;
            if (!Hex4(low)) return false;
            if (low < 0xDC00 || low > 0xDFFF) return Fail("high surrogate not followed by a low surrogate");
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
          }
          AppendUtf8(out, cp);
          break;
        }
        default:
          --p_;
          return Fail("invalid escape");
      }
      run = p_;
    }
  }

  bool Number(json& out) {
    const char* start = p_;
    if (p_ < end_ && *p_ == '-') ++p_;
    if (p_ == end_) return Fail("invalid number");
    if (*p_ == '0') {
      ++p_;
    } else if (*p_ >= '1' && *p_ <= '9') {
      while (p_ < end_ && *p_ >= '0' && *p_ <= '9') ++p_;
    } else {
      return Fail("invalid value");
    }
    bool is_integer = true;
    if (p_ < end_ && *p_ == '.') {
      is_integer = false;
      ++p_;
      if (p_ == end_ || *p_ < '0' || *p_ > '9') return Fail("invalid number: digits must follow '.'");
      while (p_ < end_ && *p_ >= '0' && *p_ <= '9') ++p_;
    }
    if (p_ < end_ && (*p_ == 'e' || *p_ == 'E')) {
      is_integer = false;
      ++p_;
      if (p_ < end_ && (*p_ == '+' || *p_ == '-')) ++p_;
      if (p_ == end_ || *p_ < '0' || *p_ > '9') return Fail("invalid number: digits must follow the exponent");
      while (p_ < end_ && *p_ >= '0' && *p_ <= '9') ++p_;
    }
    // JCS writes numbers as ECMAScript does; the reader vouches only for
    // integers it knows print the same: no "-0", at most 15 digits.
    if (!is_integer || p_ - start > 15 || (p_ - start == 2 && start[0] == '-' && start[1] == '0'))
      canonical_ = false;
    if (is_integer) {
      if (*start == '-') {
        std::int64_t v;
        auto r = std::from_chars(start, p_, v);
        if (r.ec == std::errc() && r.ptr == p_) {
          out = v;
          return true;
        }
      } else {
        std::uint64_t v;
        auto r = std::from_chars(start, p_, v);
        if (r.ec == std::errc() && r.ptr == p_) {
          out = v;
          return true;
        }
      }
      // Out of the integer range: as a double, like every JSON reader.
    }
    double d;
    auto r = std::from_chars(start, p_, d);
    if (r.ptr != p_) return Fail("invalid number");
    if (r.ec == std::errc::result_out_of_range) return Fail("number out of range");
    out = d;
    return true;
  }

  const char* p_;
  const char* begin_;
  const char* end_;
  int max_depth_;
  // One step per open object member (its name, which lives in the DOM
  // being built) or array element (its index).
  struct PathStep {
    const std::string* key;
    std::size_t index;
  };
  std::vector<PathStep> path_;
  std::string error_;
  std::size_t error_at_ = 0;
  // The form of the text (WatchCanonicalForm).
  bool watch_form_ = false;
  bool canonical_ = true;
  bool high_character_ = false;  // a character >= U+E000 in the current string
  std::string_view watched_member_;
  std::size_t member_begin_ = 0, member_end_ = 0;
};

}  // namespace

namespace {

// Runs `parser` over its text within `limits`.
Result<json> Run(Parser& parser, std::string_view text, const JsonLimits& limits) {
  if (text.size() > limits.max_bytes) {
    return Status::ResourceExhausted("json: input of " + std::to_string(text.size()) +
                                     " bytes exceeds the limit of " + std::to_string(limits.max_bytes));
  }
  try {
    json value;
    if (!parser.Parse(value)) return Status::Malformed("json: " + parser.Error());
    return value;
  } catch (const std::exception& e) {  // std::bad_alloc; nothing else throws here
    return Status::ResourceExhausted(std::string("json: ") + e.what());
  }
}

}  // namespace

Result<json> ParseJson(std::string_view text, const JsonLimits& limits) {
  Parser parser(text, limits.max_depth);
  return Run(parser, text, limits);
}

Result<json> ParseJson(std::string_view text, const JsonLimits& limits, std::string_view member,
                       JcsTextWithout& canonical) {
  canonical = JcsTextWithout();
  Parser parser(text, limits.max_depth);
  parser.WatchCanonicalForm(member);
  auto value = Run(parser, text, limits);
  if (!value.ok() || !parser.canonical() || !value->is_object()) return value;
  std::size_t begin = parser.member_begin(), end = parser.member_end();
  if (begin != end) {
    // Take the member's comma with it: the one before it, or after it when it is first.
    if (text[begin - 1] == ',') --begin;
    else if (text[end] == ',') ++end;
  }
  try {
    canonical.text_.reserve(text.size() - (end - begin));
    canonical.text_.append(text.substr(0, begin)).append(text.substr(end));
    canonical.known_ = true;
  } catch (const std::exception&) {  // std::bad_alloc: the form stays unknown
    canonical = JcsTextWithout();
  }
  return value;
}

std::string DumpJson(const json& value) {
  return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string DumpJsonPretty(const json& value) {
  return value.dump(2, ' ', false, json::error_handler_t::replace);
}

namespace {
// Empties every container under `value`, deepest first, so that each one
// nlohmann then destroys holds only leaves.
void ReleaseChildren(json& value, int depth) {
  if (depth >= JsonLimits{}.max_depth) return;
  if (value.is_object()) {
    auto& members = value.get_ref<json::object_t&>();
    for (auto& member : members)
      if (member.second.is_structured()) ReleaseChildren(member.second, depth + 1);
    members.clear();
  } else if (value.is_array()) {
    auto& items = value.get_ref<json::array_t&>();
    for (auto& item : items)
      if (item.is_structured()) ReleaseChildren(item, depth + 1);
    items.clear();
  }
}
}  // namespace

void ReleaseJson(json& value) {
  ReleaseChildren(value, 0);
  value = nullptr;
}

std::string JsonPointerEscape(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  for (char c : name) {
    if (c == '~') out += "~0";
    else if (c == '/') out += "~1";
    else out += c;
  }
  return out;
}

bool JsonStringEquals(const json& value, std::string_view text) {
  return value.is_string() && value.get_ref<const std::string&>() == text;
}

namespace {
// A member name to look up: compared with the object's names by their first
// byte inline, and by memcmp only when those agree. Member names at one
// level of the map mostly differ in their first byte, so most comparisons
// of a lookup (about a hundred lookups per verification) make no call.
struct MemberName {
  std::string_view text;
};
inline int CompareNames(std::string_view a, std::string_view b) {
  const std::size_t n = std::min(a.size(), b.size());
  if (n != 0 && a[0] != b[0]) return static_cast<unsigned char>(a[0]) < static_cast<unsigned char>(b[0]) ? -1 : 1;
  if (const int c = n != 0 ? std::memcmp(a.data(), b.data(), n) : 0; c != 0) return c;
  return a.size() < b.size() ? -1 : a.size() > b.size() ? 1 : 0;
}
inline bool operator<(const std::string& a, MemberName b) { return CompareNames(a, b.text) < 0; }
inline bool operator<(MemberName a, const std::string& b) { return CompareNames(a.text, b) < 0; }
}  // namespace

const json* FindMember(const json& object, std::string_view name) {
  if (!object.is_object()) return nullptr;
  const auto& obj = object.get_ref<const json::object_t&>();
  auto it = obj.find(MemberName{name});  // transparent comparator: no temporary string
  return it == obj.end() ? nullptr : &it->second;
}

Result<std::string> GetString(const json& object, std::string_view name, std::string_view where) {
  const json* m = FindMember(object, name);
  if (m == nullptr) return Status::Malformed(std::string(where) + "/" + JsonPointerEscape(name) + ": missing");
  if (!m->is_string()) return Status::Malformed(std::string(where) + "/" + JsonPointerEscape(name) + ": not a string");
  return m->get_ref<const std::string&>();
}

Result<std::vector<std::string>> GetStringOrStrings(const json& object, std::string_view name,
                                                    std::string_view where) {
  const json* m = FindMember(object, name);
  std::string at = std::string(where) + "/" + JsonPointerEscape(name);
  if (m == nullptr) return Status::Malformed(at + ": missing");
  std::vector<std::string> out;
  if (m->is_string()) {
    out.push_back(m->get_ref<const std::string&>());
    return out;
  }
  if (!m->is_array()) return Status::Malformed(at + ": not a string or array of strings");
  for (std::size_t i = 0; i < m->size(); ++i) {
    if (!(*m)[i].is_string()) return Status::Malformed(at + "/" + std::to_string(i) + ": not a string");
    out.push_back((*m)[i].get_ref<const std::string&>());
  }
  return out;
}

OneOrMany::OneOrMany(const json& value)
    : value_(value), array_(value.is_array()), size_(array_ ? value.size() : 1) {}

const json& OneOrMany::operator[](std::size_t i) const {
  return array_ ? value_.get_ref<const json::array_t&>()[i] : value_;
}

}  // namespace passerelle
