// Passerelle (verifier internal) — writing and reading the verifier's cache files.
#pragma once

#include <filesystem>
#include <string>

#include "formats/status.h"

namespace passerelle::internal {

// Writes `data` to `path` so that a crash leaves the old file or the new
// one, never a mix: a sibling "<path>.tmp" written in full, fsync'd, then
// renamed over `path`. Mode 0644. Errors: kIOError naming the file.
Status WriteFileDurably(const std::filesystem::path& path, const std::string& data);

// Reads at most max_bytes + 1 bytes of `path` (one more than a caller's
// JSON limit, so that an oversized file is refused by the parser, never
// held whole). Errors: kNotFound when it cannot be opened.
Result<std::string> ReadFileCapped(const std::filesystem::path& path, std::size_t max_bytes);

// True when another user could have written `path` (it is not ours, or it
// is group- or world-writable), or when it cannot be examined: unsigned
// cached data is only as trustworthy as the folder it sits in.
bool WritableByOthers(const std::filesystem::path& path);

}  // namespace passerelle::internal
