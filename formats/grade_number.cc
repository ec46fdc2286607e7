#include "formats/grade_number.h"

#include <charconv>
#include <cmath>

namespace passerelle {
namespace {

constexpr std::size_t kMaxGradeLength = 32;

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// [-]digits[.digits]
bool HasGradeShape(std::string_view text) {
  std::size_t i = 0;
  if (i < text.size() && text[i] == '-') ++i;
  std::size_t digits = i;
  while (i < text.size() && IsDigit(text[i])) ++i;
  if (i == digits) return false;
  if (i == text.size()) return true;
  if (text[i] != '.') return false;
  std::size_t fraction = ++i;
  while (i < text.size() && IsDigit(text[i])) ++i;
  return i > fraction && i == text.size();
}

}  // namespace

std::optional<double> ParseGradeNumber(std::string_view text) {
  if (text.empty() || text.size() > kMaxGradeLength || !HasGradeShape(text)) return std::nullopt;
  double value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(value)) return std::nullopt;
  return value;
}

std::string GradeNumberHint(std::string_view text) {
  if (ParseGradeNumber(text)) return {};
  if (text.size() > kMaxGradeLength) return "a grade has at most 32 characters";
  std::string with_point(text);
  for (char& c : with_point)
    if (c == ',') c = '.';
  if (with_point != text && ParseGradeNumber(with_point)) return "write the decimal with a point: " + with_point;
  std::size_t first = text.find_first_not_of(" \t");
  std::size_t last = text.find_last_not_of(" \t");
  if (first != std::string_view::npos && (first != 0 || last + 1 != text.size()) &&
      ParseGradeNumber(text.substr(first, last - first + 1)))
    return "leave out the spaces: " + std::string(text.substr(first, last - first + 1));
  if (!text.empty() && text[0] == '+' && ParseGradeNumber(text.substr(1)))
    return "leave out the '+': " + std::string(text.substr(1));
  return "write it as digits, with a point for decimals (18 or 18.5)";
}

}  // namespace passerelle
