// Passerelle verifier — reading photos and screenshots of QR codes:
// PNG (libpng) and JPEG (libjpeg) to 8-bit grayscale.
//
// Images come from untrusted hands, so decoding is bounded (file size,
// pixel count) and every library error becomes a Status; nothing throws or
// longjmps past this unit. Stateless; thread-safe.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "formats/status.h"

namespace passerelle::qr {

inline constexpr std::size_t kMaxImageBytes = 32 * 1024 * 1024;
inline constexpr std::uint64_t kMaxImagePixels = 80'000'000;  // 80 megapixels

struct GrayImage {
  int width = 0;
  int height = 0;
  std::vector<std::uint8_t> pixels;  // row-major, width × height, 0 = black
};

enum class ImageType { kUnknown, kPng, kJpeg };

// The type the leading bytes announce.
ImageType SniffImageType(std::string_view bytes);

// Decodes a PNG or a JPEG by its signature.
// Errors: kMalformed (not a PNG or JPEG, corrupt or truncated data),
// kResourceExhausted (over kMaxImageBytes or kMaxImagePixels).
Result<GrayImage> DecodeImage(std::string_view bytes);

// The decoders, for callers that know the type. Same errors.
Result<GrayImage> DecodePng(std::string_view bytes);
Result<GrayImage> DecodeJpeg(std::string_view bytes);

}  // namespace passerelle::qr
