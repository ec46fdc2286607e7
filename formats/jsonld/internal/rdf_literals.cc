// Passerelle — xsd:double / xsd:integer canonical lexical forms.
#include "formats/jsonld/internal/rdf_literals.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace passerelle::jsonld::internal {

std::string CanonicalDouble(double value) {
  if (value == 0 || !std::isfinite(value)) return "0.0E0";
  std::string out;
  if (value < 0) {
    out.push_back('-');
    value = -value;
  }
  // 40 significant digits (exact for any tie at the 16th), then round to
  // 16 significant digits with ties away from zero, as toExponential does.
  char buf[64];
  std::snprintf(buf, sizeof(buf), "%.39e", value);
  std::string digits;
  const char* p = buf;
  for (; *p != 'e'; ++p) {
    if (*p >= '0' && *p <= '9') digits.push_back(*p);
  }
  int exponent = std::atoi(p + 1);
  bool round_up = digits[16] >= '5';
  digits.resize(16);
  if (round_up) {
    int i = 15;
    while (i >= 0 && digits[i] == '9') digits[i--] = '0';
    if (i >= 0) {
      ++digits[i];
    } else {
      digits.insert(digits.begin(), '1');
      digits.pop_back();
      ++exponent;
    }
  }
  size_t last = digits.find_last_not_of('0');
  if (last == std::string::npos || last < 1) last = 1;
  out.push_back(digits[0]);
  out.push_back('.');
  out.append(digits, 1, last);
  out.push_back('E');
  out += std::to_string(exponent);
  return out;
}

bool NeedsDoubleForm(const nlohmann::json& number) {
  if (!number.is_number_float()) return false;
  double v = number.get<double>();
  if (!std::isfinite(v)) return true;
  return std::fabs(v) >= 1e21 || std::fmod(v, 1.0) != 0;
}

std::string CanonicalInteger(const nlohmann::json& number) {
  if (number.is_number_unsigned()) return std::to_string(number.get<std::uint64_t>());
  if (number.is_number_integer()) return std::to_string(number.get<std::int64_t>());
  double v = number.get<double>();
  if (v == 0) return "0";
  char buf[64];
  std::snprintf(buf, sizeof(buf), "%.0f", v);
  return buf;
}

}  // namespace passerelle::jsonld::internal
