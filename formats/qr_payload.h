// Passerelle — the QR payload codec (docs/formats/qr-payload.md).
//
// A payload is the text a Passerelle QR code holds:
//
//   "PSL" <version> ":" base45( raw-deflate( JSON, preset dictionary <version> ) )
//
// Version 1 ("PSL1:") uses the dictionary of formats/qr_dictionary_v1.h. The
// JSON is carried byte for byte: the decoder returns exactly the bytes the
// encoder was given, so a verifier checks the very document the holder
// verified before encoding it. Every character of a payload is in the QR
// alphanumeric set. Decoding is bounded: kMaxQrPayloadChars of text in and
// kMaxQrJsonBytes of JSON out. Pure functions; stateless; thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "formats/status.h"

namespace passerelle {

// The payload format this code writes. Do not renumber: a version names a
// dictionary for ever.
inline constexpr int kQrPayloadVersion = 1;
inline constexpr std::string_view kQrPayloadPrefixV1 = "PSL1:";
// The most JSON a payload may carry, and the most text a decoder reads
// (a version 40 QR code holds at most 4,296 alphanumeric characters).
inline constexpr std::size_t kMaxQrJsonBytes = 64 * 1024;
inline constexpr std::size_t kMaxQrPayloadChars = 8 * 1024;

// Returns the version-1 payload for `json` (any bytes; meant for the compact
// JSON of a signed credential or presentation).
// Errors: kResourceExhausted when `json` is over kMaxQrJsonBytes;
// kInternal when zlib fails.
Result<std::string> EncodeQrPayload(std::string_view json);

// True when `text` starts like a Passerelle payload ("PSL" digits ":"),
// whatever its version.
bool LooksLikeQrPayload(std::string_view text);

// Returns the JSON bytes a payload carries.
// Errors: kMalformed when `text` is not a Passerelle payload (no "PSL<n>:"
// prefix), is not base45, or does not inflate (corrupt, truncated, trailing
// bytes); kUnsupported for a version other than 1; kResourceExhausted when
// the text is over kMaxQrPayloadChars or would inflate past kMaxQrJsonBytes.
Result<std::string> DecodeQrPayload(std::string_view text);

}  // namespace passerelle
