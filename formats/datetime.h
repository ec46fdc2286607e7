// Passerelle — RFC 3339 / XML Schema dateTimeStamp values.
//
// Credentials carry validFrom, validUntil, created and expires as date-times
// with a mandatory time zone. Stateless; thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "formats/status.h"

namespace passerelle {

// A point in time: seconds since 1970-01-01T00:00:00Z plus nanoseconds.
struct Timestamp {
  std::int64_t seconds = 0;
  std::int32_t nanos = 0;
  auto operator<=>(const Timestamp&) const = default;
};

// Parses "YYYY-MM-DDTHH:MM:SS[.frac](Z|+HH:MM|-HH:MM)" (a 't'/'z' in lower
// case is accepted as RFC 3339 allows). Years 0001–9999; leap second 60 is
// refused. Errors: kMalformed naming what is wrong.
Result<Timestamp> ParseDateTime(std::string_view text);

// Formats as "YYYY-MM-DDTHH:MM:SSZ" (UTC, whole seconds).
std::string FormatDateTime(Timestamp t);

// The current time from the system clock.
Timestamp Now();

}  // namespace passerelle
