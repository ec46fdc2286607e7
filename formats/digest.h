// Passerelle — message digests (libsodium). Stateless; thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace passerelle {

// Returns the 32-byte SHA-256 digest of `data`.
std::string Sha256(std::string_view data);
// Returns the 64-hex-character SHA-256 digest of `data`.
std::string Sha256Hex(std::string_view data);

}  // namespace passerelle
