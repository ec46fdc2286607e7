// Passerelle — multibase (base58btc "z", base64url "u") and multicodec key headers.
//
// Used for proofValue, publicKeyMultibase, did:key and encodedList.
// Stateless; thread-safe.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "formats/status.h"

namespace passerelle {

// Bitcoin-alphabet base58, no prefix.
std::string EncodeBase58(std::string_view bytes);
// Errors: kMalformed on a character outside the alphabet; kResourceExhausted
// past kMaxBase58Chars (decoding is quadratic).
Result<std::string> DecodeBase58(std::string_view text);
inline constexpr std::size_t kMaxBase58Chars = 8192;

// RFC 4648 §5 base64url without padding.
std::string EncodeBase64Url(std::string_view bytes);
// Errors: kMalformed on padding, whitespace or characters outside the alphabet.
Result<std::string> DecodeBase64Url(std::string_view text);

// Standard base64 with padding (RFC 4648 §4), for PEM-free contexts.
std::string EncodeBase64(std::string_view bytes);

enum class Multibase { kBase58Btc /* 'z' */, kBase64Url /* 'u' */ };

// "z…" or "u…".
std::string EncodeMultibase(Multibase base, std::string_view bytes);
struct MultibaseValue {
  Multibase base;
  std::string bytes;
};
// Errors: kMalformed for an empty string, an unknown prefix or a bad payload.
Result<MultibaseValue> DecodeMultibase(std::string_view text);

// Multicodec varint headers (https://github.com/multiformats/multicodec).
inline constexpr std::array<std::uint8_t, 2> kEd25519PubHeader = {0xed, 0x01};
inline constexpr std::array<std::uint8_t, 2> kEd25519PrivHeader = {0x80, 0x26};

// Lowercase hex.
std::string HexEncode(std::string_view bytes);
// Errors: kMalformed on odd length or a non-hex character.
Result<std::string> HexDecode(std::string_view hex);

}  // namespace passerelle
