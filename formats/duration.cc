// Passerelle — durations ("7d", "36h", "90m").
#include "formats/duration.h"

namespace passerelle {

Result<std::int64_t> ParseDuration(std::string_view text) {
  auto bad = [&] {
    return Status::InvalidArgument("\"" + std::string(text.substr(0, 40)) +
                                   "\" is not a duration: write a whole number and a unit, e.g. 7d, 36h or 90m");
  };
  if (text.size() < 2 || text.size() > 12) return bad();
  std::int64_t unit = 0;
  switch (text.back()) {
    case 'd': case 'D': unit = 86400; break;
    case 'h': case 'H': unit = 3600; break;
    case 'm': case 'M': unit = 60; break;
    default: return bad();
  }
  std::int64_t n = 0;
  for (char c : text.substr(0, text.size() - 1)) {
    if (c < '0' || c > '9') return bad();
    n = n * 10 + (c - '0');
    if (n * unit > 100ll * 366 * 86400)
      return Status::InvalidArgument("\"" + std::string(text) + "\": longer than 100 years");
  }
  if (n == 0) return Status::InvalidArgument("\"" + std::string(text) + "\": a duration must be more than zero");
  return n * unit;
}

std::string FormatDuration(std::int64_t s) {
  if (s > 0 && s % 86400 == 0) return std::to_string(s / 86400) + "d";
  if (s > 0 && s % 3600 == 0) return std::to_string(s / 3600) + "h";
  if (s > 0 && s % 60 == 0) return std::to_string(s / 60) + "m";
  return std::to_string(s) + "s";
}

std::string DescribeDuration(std::int64_t s) {
  if (s < 0) s = 0;
  if (s < 90) return std::to_string(s) + " s";
  if (s < 90 * 60) return std::to_string((s + 30) / 60) + " min";
  if (s < 36 * 3600) return std::to_string((s + 1800) / 3600) + " h";
  return std::to_string((s + 43200) / 86400) + " days";
}

}  // namespace passerelle
