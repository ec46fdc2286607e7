// Passerelle — the programs' document input: a file, or standard input for "-".
#pragma once

#include <cstddef>
#include <istream>
#include <string>

#include "formats/status.h"

namespace passerelle::cli {

// Credentials and presentations are a few KB: 1 MiB is generous.
inline constexpr std::size_t kMaxInputBytes = 1 << 20;

// Reads a file, or `in` for "-", refusing more than max_bytes (never holding
// more than max_bytes + 1 in memory). Errors: kNotFound, kIOError, kResourceExhausted.
Result<std::string> ReadInput(const std::string& file, std::istream& in, std::size_t max_bytes = kMaxInputBytes);

}  // namespace passerelle::cli
