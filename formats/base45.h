// Passerelle — base45 (RFC 9285), the text encoding of our QR payloads.
//
// Base45 turns bytes into characters of the QR code alphanumeric set
// ("0-9A-Z $%*+-./:"), so a QR code can hold them in alphanumeric mode
// (5.5 bits per character) instead of byte mode. Decoding is strict: any
// character outside the alphabet, a dangling single character, or a group
// whose value does not fit its byte count is refused, so every byte string
// has exactly one encoding. Stateless; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "formats/status.h"

namespace passerelle {

// The 45 characters, in value order (RFC 9285 §4).
inline constexpr std::string_view kBase45Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";

// Returns the base45 text of `bytes`: 3 characters per 2 bytes, 2 for a
// final odd byte. Never fails.
std::string EncodeBase45(std::string_view bytes);

// Returns the bytes `text` encodes.
// Errors: kMalformed "base45: …" naming the offset, for a character outside
// the alphabet (lower case included), a length of 3n+1, or a group whose
// value exceeds 65535 (three characters) or 255 (a final pair).
Result<std::string> DecodeBase45(std::string_view text);

}  // namespace passerelle
