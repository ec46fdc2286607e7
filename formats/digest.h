// Passerelle — message digests (OpenSSL EVP). Stateless; thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace passerelle {

// Returns the 32-byte SHA-256 digest of `data`.
std::string Sha256(std::string_view data);
// Appends the 32-byte SHA-256 digest of `data` to `out`; allocates nothing
// once `out` has room (the hash data of a proof is two digests).
void AppendSha256(std::string_view data, std::string& out);
// Returns the 64-hex-character SHA-256 digest of `data`.
std::string Sha256Hex(std::string_view data);
// Returns the 48-byte SHA-384 and the 64-byte SHA-512 digests of `data`
// (Subresource Integrity, multihash digests of related resources).
std::string Sha384(std::string_view data);
std::string Sha512(std::string_view data);

}  // namespace passerelle
