// Passerelle — zlib compression with hard output caps (no decompression bombs).
// Stateless; thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "formats/status.h"

namespace passerelle {

enum class ZFormat { kGzip, kRawDeflate, kZlib };

// Compresses at the best level. `dictionary` is used for kRawDeflate/kZlib only.
Result<std::string> Compress(std::string_view data, ZFormat format,
                             std::string_view dictionary = {});

// Decompresses; stops with kResourceExhausted as soon as the output would
// exceed `max_output` bytes. Errors: kMalformed on corrupt or truncated input
// or trailing bytes.
Result<std::string> Decompress(std::string_view data, ZFormat format, std::size_t max_output,
                               std::string_view dictionary = {});

}  // namespace passerelle
