// Passerelle fuzzing — what every libFuzzer target shares: the input as
// text, an invariant check that aborts (so libFuzzer records the input), a
// fixed clock, and a private scratch folder removed at exit.
//
// A target calls the real entry point on arbitrary bytes. An error Status is
// a correct answer to bad input; only a crash, a sanitizer report, a hang or
// a broken invariant (PSL_FUZZ_CHECK) is a finding. Single-threaded.
#pragma once

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <string_view>

#include "formats/datetime.h"

namespace passerelle::fuzz {

// The fuzzer's bytes as a string_view (any bytes: not necessarily UTF-8).
inline std::string_view Text(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// Aborts with `what` when `ok` is false: an invariant of the code under test
// broke on this input (never used for outcomes bad input may legitimately get).
inline void Check(bool ok, const char* what) {
  if (ok) return;
  std::fprintf(stderr, "fuzz invariant broken: %s\n", what);
  std::abort();
}

// 2026-05-01T00:00:00Z: the "now" of every verification a target runs, so a
// finding replays identically on any day.
inline Timestamp FixedNow() { return ParseDateTime("2026-05-01T00:00:00Z").value(); }

// A folder private to this process, created on first use and removed when the
// process exits (libFuzzer ends with exit()).
const std::filesystem::path& ScratchDir();

}  // namespace passerelle::fuzz
