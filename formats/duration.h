// Passerelle — durations as the command lines spell them: "7d", "36h",
// "90m" (INTERFACES.md, Federation), and how ages are written in verdicts.
// Stateless; thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "formats/status.h"

namespace passerelle {

// Reads a positive whole number followed by one unit, d (days), h (hours) or
// m (minutes): "7d" -> 604800. Upper-case units are accepted; spaces,
// signs, fractions and other units are not. At most 100 years.
// Errors: kInvalidArgument naming the text and the accepted forms.
Result<std::int64_t> ParseDuration(std::string_view text);

// The exact form ParseDuration reads: 604800 -> "7d", 129600 -> "36h",
// 5400 -> "90m" (the largest unit that divides it; seconds below a minute:
// "45s").
std::string FormatDuration(std::int64_t seconds);

// An age for people, rounded: "40 s", "3 min", "2 h", "8 days".
std::string DescribeDuration(std::int64_t seconds);

}  // namespace passerelle
