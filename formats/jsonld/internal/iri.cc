// Passerelle — IRI syntax checks and RFC 3986 §5.2 reference resolution.
#include "formats/jsonld/internal/iri.h"

#include <array>
#include <cstdint>
#include <optional>

namespace passerelle::jsonld::internal {
namespace {

bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// The five components of RFC 3986 §3; optional ones distinguish "absent"
// from "present but empty" ("http://a?" has an empty query).
struct Reference {
  std::optional<std::string_view> scheme;
  std::optional<std::string_view> authority;
  std::string_view path;
  std::optional<std::string_view> query;
  std::optional<std::string_view> fragment;
};

size_t SchemeLength(std::string_view s) {
  if (s.empty() || !IsAlpha(s[0])) return 0;
  for (size_t i = 1; i < s.size(); ++i) {
    char c = s[i];
    if (c == ':') return i;
    if (!IsAlpha(c) && !IsDigit(c) && c != '+' && c != '-' && c != '.') return 0;
  }
  return 0;
}

// Splits per the RFC 3986 Appendix B regular expression.
Reference Parse(std::string_view s) {
  Reference r;
  if (size_t n = SchemeLength(s); n > 0) {
    r.scheme = s.substr(0, n);
    s.remove_prefix(n + 1);
  }
  if (s.size() >= 2 && s[0] == '/' && s[1] == '/') {
    size_t end = s.find_first_of("/?#", 2);
    if (end == std::string_view::npos) end = s.size();
    r.authority = s.substr(2, end - 2);
    s.remove_prefix(end);
  }
  size_t end = s.find_first_of("?#");
  if (end == std::string_view::npos) end = s.size();
  r.path = s.substr(0, end);
  s.remove_prefix(end);
  if (!s.empty() && s[0] == '?') {
    size_t hash = s.find('#');
    if (hash == std::string_view::npos) hash = s.size();
    r.query = s.substr(1, hash - 1);
    s.remove_prefix(hash);
  }
  if (!s.empty() && s[0] == '#') r.fragment = s.substr(1);
  return r;
}

std::string Merge(const Reference& base, std::string_view ref_path) {
  if (base.authority && base.path.empty()) return "/" + std::string(ref_path);
  size_t slash = base.path.rfind('/');
  if (slash == std::string_view::npos) return std::string(ref_path);
  std::string out(base.path.substr(0, slash + 1));
  out += ref_path;
  return out;
}

}  // namespace

bool IsAbsoluteIri(std::string_view s) { return SchemeLength(s) > 0; }

namespace {

// 1: never in a well-formed IRI (controls, space, <>"{}|\^`); 2: '#'.
constexpr std::array<std::uint8_t, 256> MakeIriClass() {
  std::array<std::uint8_t, 256> t{};
  for (int c = 0; c <= 0x20; ++c) t[c] = 1;
  for (char c : std::string_view("<>\"{}|\\^`")) t[static_cast<unsigned char>(c)] = 1;
  t['#'] = 2;
  return t;
}
constexpr std::array<std::uint8_t, 256> kIriClass = MakeIriClass();

}  // namespace

bool IsWellFormedIri(std::string_view s) {
  if (!IsAbsoluteIri(s)) return false;
  bool fragment = false;  // a fragment cannot contain "#"
  for (unsigned char c : s) {
    const std::uint8_t k = kIriClass[c];
    if (k == 0) continue;
    if (k == 1 || fragment) return false;
    fragment = true;
  }
  return true;
}

bool EndsWithGenDelim(std::string_view s) {
  if (s.empty()) return false;
  switch (s.back()) {
    case ':': case '/': case '?': case '#': case '[': case ']': case '@':
      return true;
    default:
      return false;
  }
}

std::string RemoveDotSegments(std::string_view input) {
  std::string output;
  output.reserve(input.size());
  while (!input.empty()) {
    if (input.substr(0, 3) == "../") {
      input.remove_prefix(3);
    } else if (input.substr(0, 2) == "./") {
      input.remove_prefix(2);
    } else if (input.substr(0, 3) == "/./") {
      input.remove_prefix(2);
    } else if (input == "/.") {
      input = "/";
    } else if (input.substr(0, 4) == "/../" || input == "/..") {
      if (input == "/..") {
        input = "/";
      } else {
        input.remove_prefix(3);
      }
      size_t slash = output.rfind('/');
      output.erase(slash == std::string::npos ? 0 : slash);
    } else if (input == "." || input == "..") {
      input = {};
    } else {
      size_t start = input[0] == '/' ? 1 : 0;
      size_t next = input.find('/', start);
      if (next == std::string_view::npos) next = input.size();
      output.append(input.substr(0, next));
      input.remove_prefix(next);
    }
  }
  return output;
}

std::string ResolveIri(std::string_view base_iri, std::string_view ref_iri) {
  Reference ref = Parse(ref_iri);
  Reference base = Parse(base_iri);
  std::string_view scheme;
  std::optional<std::string_view> authority;
  std::string path;
  std::optional<std::string_view> query;
  if (ref.scheme) {
    scheme = *ref.scheme;
    authority = ref.authority;
    path = RemoveDotSegments(ref.path);
    query = ref.query;
  } else {
    scheme = base.scheme.value_or(std::string_view());
    if (ref.authority) {
      authority = ref.authority;
      path = RemoveDotSegments(ref.path);
      query = ref.query;
    } else {
      authority = base.authority;
      if (ref.path.empty()) {
        path = std::string(base.path);
        query = ref.query ? ref.query : base.query;
      } else {
        if (ref.path[0] == '/') {
          path = RemoveDotSegments(ref.path);
        } else {
          path = RemoveDotSegments(Merge(base, ref.path));
        }
        query = ref.query;
      }
    }
  }
  // Recomposition, RFC 3986 §5.3.
  std::string out;
  out.reserve(base_iri.size() + ref_iri.size());
  if (!scheme.empty()) {
    out.append(scheme);
    out.push_back(':');
  }
  if (authority) {
    out.append("//");
    out.append(*authority);
  }
  out.append(path);
  if (query) {
    out.push_back('?');
    out.append(*query);
  }
  if (ref.fragment) {
    out.push_back('#');
    out.append(*ref.fragment);
  }
  return out;
}

}  // namespace passerelle::jsonld::internal
