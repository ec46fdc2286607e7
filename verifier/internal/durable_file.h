// Passerelle (verifier internal) — writing the verifier's cache files.
#pragma once

#include <filesystem>
#include <string>

#include "formats/status.h"

namespace passerelle::internal {

// Writes `data` to `path` so that a crash leaves the old file or the new
// one, never a mix: a sibling "<path>.tmp" written in full, fsync'd, then
// renamed over `path`. Mode 0644. Errors: kIOError naming the file.
Status WriteFileDurably(const std::filesystem::path& path, const std::string& data);

}  // namespace passerelle::internal
