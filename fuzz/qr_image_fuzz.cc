// Fuzz target: the image decoders a photo of a QR code goes through
// (verifier/qr/image_decode.h: PNG via libpng, JPEG via libjpeg), in process.
// Invariant: a decoded image has width × height pixels within the cap.
//
// Structure-aware: libpng refuses a chunk whose CRC does not match, so
// almost every plain mutation of a PNG died at the first check and the
// corpus stayed at a few files. The custom mutator mutates as libFuzzer
// would, then, when the result starts with the PNG signature, writes each
// chunk's CRC afresh (zlib's crc32), so mutations reach the header, palette,
// transparency and image-data decoding behind it.
//
// Seeds: with PASSERELLE_FUZZ_WRITE_SEEDS=DIR set, the target writes PNGs of
// every colour type, bit depth and interlacing, and grayscale, colour, CMYK
// and progressive JPEGs, into DIR and exits (scripts/fuzz-seeds runs it so).
#include <zlib.h>

#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>
#include <vector>

#include "fuzz/fuzz_support.h"
#include "tests/verifier/qr/image_test_support.h"
#include "verifier/qr/image_decode.h"

extern "C" std::size_t LLVMFuzzerMutate(std::uint8_t* data, std::size_t size, std::size_t max_size);

namespace {

constexpr unsigned char kPngSignature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

std::uint32_t Big32(const std::uint8_t* p) {
  return (std::uint32_t{p[0]} << 24) | (std::uint32_t{p[1]} << 16) | (std::uint32_t{p[2]} << 8) | p[3];
}

// Rewrites the CRC of every whole chunk of the PNG in data[0, size).
void FixPngCrcs(std::uint8_t* data, std::size_t size) {
  if (size < sizeof kPngSignature || std::memcmp(data, kPngSignature, sizeof kPngSignature) != 0) return;
  std::size_t at = sizeof kPngSignature;
  while (size - at >= 12) {
    const std::uint32_t length = Big32(data + at);
    if (length > size - at - 12) return;  // a truncated chunk: left as the mutation made it
    const std::uint8_t* typed = data + at + 4;
    const auto crc = static_cast<std::uint32_t>(crc32(crc32(0L, Z_NULL, 0), typed, length + 4));
    std::uint8_t* out = data + at + 8 + length;
    out[0] = static_cast<std::uint8_t>(crc >> 24);
    out[1] = static_cast<std::uint8_t>(crc >> 16);
    out[2] = static_cast<std::uint8_t>(crc >> 8);
    out[3] = static_cast<std::uint8_t>(crc);
    at += 12 + std::size_t{length};
  }
}

// A width × height test pattern (a QR-like grid of dark and light cells).
std::vector<std::uint8_t> Pattern(int width, int height, int components) {
  std::vector<std::uint8_t> pixels;
  for (int y = 0; y < height; ++y)
    for (int x = 0; x < width; ++x)
      for (int c = 0; c < components; ++c) pixels.push_back(((x / 3 + y / 3) % 2) ? 20 : 235);
  return pixels;
}

int WriteSeeds(const char* dir) {
  using namespace passerelle::qr::testing;
  std::vector<std::pair<std::string, std::string>> seeds;
  struct Png {
    const char* name;
    int bit_depth, color_type, samples;
    bool interlaced;
  };
  const Png pngs[] = {{"gray1.png", 1, PNG_COLOR_TYPE_GRAY, 1, false},
                      {"gray8-adam7.png", 8, PNG_COLOR_TYPE_GRAY, 1, true},
                      {"gray16.png", 16, PNG_COLOR_TYPE_GRAY, 1, false},
                      {"gray-alpha.png", 8, PNG_COLOR_TYPE_GRAY_ALPHA, 2, false},
                      {"rgb8.png", 8, PNG_COLOR_TYPE_RGB, 3, false},
                      {"rgba16-adam7.png", 16, PNG_COLOR_TYPE_RGB_ALPHA, 4, true},
                      {"palette4.png", 4, PNG_COLOR_TYPE_PALETTE, 1, false}};
  for (const Png& p : pngs) {
    PngSpec spec;
    spec.width = 12;
    spec.height = 9;
    spec.bit_depth = p.bit_depth;
    spec.color_type = p.color_type;
    spec.interlaced = p.interlaced;
    const std::size_t row_bytes = (std::size_t{spec.width} * p.samples * p.bit_depth + 7) / 8;
    for (std::uint32_t y = 0; y < spec.height; ++y) {
      std::string row(row_bytes, '\0');
      for (std::size_t i = 0; i < row_bytes; ++i) row[i] = static_cast<char>(((i + y) % 3) ? 0x0F : 0xF0);
      spec.rows.push_back(row);
    }
    if (p.color_type == PNG_COLOR_TYPE_PALETTE) {
      spec.palette = {{0, 0, 0}, {255, 255, 255}, {128, 64, 32}};
      spec.palette_alpha = {255, 128};
      for (auto& row : spec.rows)
        for (auto& b : row) b = static_cast<char>(b & 0x11);  // indices 0 and 1 only
    }
    seeds.emplace_back(p.name, EncodePng(spec));
  }
  seeds.emplace_back("hand-gray.png", GrayPng({{0, 255, 0}, {255, 0, 255}}));
  seeds.emplace_back("gray.jpg", EncodeJpeg(24, 16, 1, Pattern(24, 16, 1)));
  seeds.emplace_back("rgb.jpg", EncodeJpeg(24, 16, 3, Pattern(24, 16, 3)));
  seeds.emplace_back("cmyk.jpg", EncodeJpeg(16, 16, 4, Pattern(16, 16, 4)));
  seeds.emplace_back("progressive.jpg", EncodeJpeg(24, 16, 3, Pattern(24, 16, 3), /*progressive=*/true, 75));
  for (const auto& [name, bytes] : seeds) {
    if (bytes.empty()) return 1;
    std::ofstream out(std::string(dir) + "/" + name, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) return 1;
  }
  return 0;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  if (const char* dir = std::getenv("PASSERELLE_FUZZ_WRITE_SEEDS")) std::exit(WriteSeeds(dir));
  return 0;
}

extern "C" std::size_t LLVMFuzzerCustomMutator(std::uint8_t* data, std::size_t size, std::size_t max_size,
                                               unsigned int /*seed*/) {
  size = LLVMFuzzerMutate(data, size, max_size);
  FixPngCrcs(data, size);
  return size;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace passerelle;
  auto image = qr::DecodeImage(fuzz::Text(data, size));
  if (!image.ok()) return 0;
  fuzz::Check(image->width > 0 && image->height > 0, "a decoded image has no pixels");
  fuzz::Check(image->pixels.size() == static_cast<std::size_t>(image->width) * image->height,
              "a decoded image's pixel count is not width x height");
  fuzz::Check(image->pixels.size() <= qr::kMaxImagePixels, "a decoded image is over the pixel cap");
  return 0;
}
