// Passerelle (verifier internal) — one term of a canonical N-Quads line.
#include "verifier/internal/canonical_term.h"

#include <optional>

#include "formats/rdf/dataset.h"

namespace passerelle::internal {

bool ReadCanonicalTerm(std::string_view& text, CanonicalTerm& out, std::forward_list<std::string>& unescaped) {
  if (text.empty()) return false;
  // A term with escapes is read by the N-Quads parser (rare: canonical IRIs
  // have none, and few literals do); the rest are views into `text`.
  auto parsed_value = [&](std::string_view token) -> std::optional<std::string_view> {
    auto term = rdf::ParseNQuadsTerm(token);
    if (!term.ok()) return std::nullopt;
    unescaped.push_front(std::move(term->value));
    return std::string_view(unescaped.front());
  };
  std::size_t end = 0;
  if (text[0] == '<') {
    end = text.find('>');
    if (end == std::string_view::npos) return false;
    std::optional<std::string_view> v = text.substr(1, end - 1);
    if (v->find('\\') != std::string_view::npos) v = parsed_value(text.substr(0, end + 1));
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
    const bool escaped = text.substr(1, i - 1).find('\\') != std::string_view::npos;
    end = i + 1;
    if (text.substr(end, 3) == "^^<") {
      std::size_t close = text.find('>', end);
      if (close == std::string_view::npos) return false;
      end = close + 1;
    } else if (end < text.size() && text[end] == '@') {
      while (end < text.size() && text[end] != ' ') ++end;
    }
    std::optional<std::string_view> v = text.substr(1, i - 1);
    if (escaped) v = parsed_value(text.substr(0, end));
    if (!v) return false;
    out = CanonicalTerm{text.substr(0, end), *v, false, false};
  } else {
    return false;
  }
  text.remove_prefix(end);
  return true;
}

}  // namespace passerelle::internal
