// Passerelle wallet — crash-safe file writes and bounded reads.
//
// A file is replaced by writing a temporary sibling (O_EXCL, mode 0600),
// fsync'ing it, renaming it over the target and fsync'ing the folder: after a
// crash the target holds either its old bytes or its new bytes, never a mix.
// Stateless; thread-safe for distinct paths.
#pragma once

#include <sys/types.h>

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>

#include "formats/status.h"

namespace passerelle::wallet {

// Atomically replaces (or creates) `path` with `bytes`.
// Errors: kIOError naming the file and the system error.
Status WriteFileAtomically(const std::filesystem::path& path, std::string_view bytes,
                           mode_t mode = 0600);

// Like WriteFileAtomically, but refuses to replace an existing `path`
// (link(2) of the temporary file, so the check and the creation are one step).
// Errors: kAlreadyExists, kIOError.
Status CreateFileAtomically(const std::filesystem::path& path, std::string_view bytes,
                            mode_t mode = 0600);

// Reads a whole file of at most `max_bytes`.
// Errors: kNotFound (no such file), kResourceExhausted (larger), kIOError.
Result<std::string> ReadFileBounded(const std::filesystem::path& path, std::size_t max_bytes);

// Creates `dir` (and missing parents) with mode 0700 for what this creates.
// Errors: kIOError.
Status MakePrivateDirectories(const std::filesystem::path& dir);

// True for the temporary files WriteFileAtomically leaves behind when the
// process dies mid-write ("NAME.tmp-PID-N").
bool IsTemporaryFileName(std::string_view name);

}  // namespace passerelle::wallet
