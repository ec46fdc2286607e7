// Passerelle — RFC 4180 CSV, strictly: what `issuer batch` reads.
//
// Comma-separated, fields optionally in double quotes ("" escapes a quote;
// quoted fields may span lines), LF or CRLF line ends, an optional UTF-8 BOM.
// Every field must be valid UTF-8. A broken record (a quote inside an
// unquoted field, text after a closing quote, invalid UTF-8) is reported on
// its own — with the line it starts on and the field's position — and the
// records after it are still read. Pure functions; thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "formats/status.h"

namespace passerelle::batch {

struct CsvRecord {
  std::size_t line = 0;             // 1-based line the record starts on
  std::vector<std::string> fields;
  // Set when the record is broken: the 0-based field it broke in, and why.
  std::size_t bad_field = 0;
  std::string error;
};

// Splits `text` into records; blank lines are skipped.
// Errors: kResourceExhausted over `max_bytes`.
Result<std::vector<CsvRecord>> ParseCsv(std::string_view text, std::size_t max_bytes = 64u << 20);

// True when `s` is well-formed UTF-8 (no overlong forms, surrogates or
// code points above U+10FFFF).
bool IsValidUtf8(std::string_view s);

}  // namespace passerelle::batch
