// Passerelle (verifier internal) — whether a cache folder can be trusted.
//
// Unsigned cached data (DID documents) and replayable signed data (an older
// trust list) are only as trustworthy as the folder they sit in. Reading and
// writing the files goes through env/env.h. Stateless; thread-safe.
#pragma once

#include <filesystem>

namespace passerelle::internal {

// True when another user could have written `path` (it is not ours, or it
// is group- or world-writable), or when it cannot be examined.
bool WritableByOthers(const std::filesystem::path& path);

}  // namespace passerelle::internal
