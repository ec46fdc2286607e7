// Tests for verifier/qr/png_decode.cc: every PNG colour type and bit depth
// to 8-bit grayscale (transparency onto white, as a viewer shows it), and
// specific refusals for broken or oversized files — never a crash.
#include <catch2/catch.hpp>

#include <cstdint>
#include <string>
#include <vector>

#include "tests/verifier/qr/image_test_support.h"
#include "verifier/qr/image_decode.h"

namespace passerelle::qr {
namespace {

using testing::Chunk;
using testing::EncodePng;
using testing::PngSpec;
using testing::PutBig32;

std::string Bytes(std::initializer_list<int> values) {
  std::string s;
  for (int v : values) s.push_back(static_cast<char>(v));
  return s;
}

PngSpec Spec(std::uint32_t width, std::uint32_t height, int bit_depth, int color_type, std::vector<std::string> rows) {
  PngSpec s;
  s.width = width;
  s.height = height;
  s.bit_depth = bit_depth;
  s.color_type = color_type;
  s.rows = std::move(rows);
  return s;
}

// `spec` written by libpng and decoded; its size checked.
GrayImage Decoded(const PngSpec& spec) {
  std::string png = EncodePng(spec);
  REQUIRE_FALSE(png.empty());
  auto img = DecodePng(png);
  INFO(img.status().ToString());
  REQUIRE(img.ok());
  REQUIRE(img->width == static_cast<int>(spec.width));
  REQUIRE(img->height == static_cast<int>(spec.height));
  REQUIRE(img->pixels.size() == std::size_t{spec.width} * spec.height);
  return *img;
}

TEST_CASE("png decode: 8-bit gray keeps every pixel, interlaced or not", "[verifier][qr]") {
  PngSpec spec = Spec(5, 3, 8, PNG_COLOR_TYPE_GRAY,
                      {Bytes({0, 255, 17, 128, 64}), Bytes({1, 2, 3, 4, 5}), Bytes({250, 251, 252, 253, 254})});
  const std::vector<std::uint8_t> expected = {0, 255, 17, 128, 64, 1, 2, 3, 4, 5, 250, 251, 252, 253, 254};
  CHECK(Decoded(spec).pixels == expected);
  spec.interlaced = true;
  CHECK(Decoded(spec).pixels == expected);
}

TEST_CASE("png decode: 1-bit gray is black and white", "[verifier][qr]") {
  // 10 pixels per row: 1011001110 then 0100110001 (rows padded to whole bytes).
  PngSpec spec = Spec(10, 2, 1, PNG_COLOR_TYPE_GRAY, {Bytes({0xB3, 0x80}), Bytes({0x4C, 0x40})});
  const std::vector<std::uint8_t> expected = {255, 0,   255, 255, 0,   0,   255, 255, 255, 0,
                                              0,   255, 0,   0,   255, 255, 0,   0,   0,   255};
  CHECK(Decoded(spec).pixels == expected);
}

TEST_CASE("png decode: 16-bit gray is reduced to 8 bits", "[verifier][qr]") {
  PngSpec spec = Spec(3, 1, 16, PNG_COLOR_TYPE_GRAY, {Bytes({0x00, 0x00, 0xFF, 0xFF, 0x80, 0x00})});
  GrayImage img = Decoded(spec);
  CHECK(img.pixels[0] == 0);
  CHECK(img.pixels[1] == 255);
  CHECK(img.pixels[2] > 64);
  CHECK(img.pixels[2] < 192);
}

TEST_CASE("png decode: a palette image maps each index to its colour's gray", "[verifier][qr]") {
  PngSpec spec = Spec(4, 1, 8, PNG_COLOR_TYPE_PALETTE, {Bytes({0, 1, 2, 1})});
  spec.palette = {{0, 0, 0}, {255, 255, 255}, {255, 0, 0}};
  GrayImage img = Decoded(spec);
  CHECK(img.pixels[0] == 0);
  CHECK(img.pixels[1] == 255);
  CHECK(img.pixels[3] == 255);
  // Red is neither black nor white.
  CHECK(img.pixels[2] > 0);
  CHECK(img.pixels[2] < 255);

  SECTION("a transparent palette entry shows as white") {
    spec.palette_alpha = {0, 255, 255};  // index 0 (black) fully transparent
    CHECK(Decoded(spec).pixels[0] == 255);
  }
}

TEST_CASE("png decode: gray + alpha composites onto white", "[verifier][qr]") {
  // (gray, alpha): opaque black, transparent black, opaque white, half-transparent black.
  PngSpec spec = Spec(4, 1, 8, PNG_COLOR_TYPE_GRAY_ALPHA, {Bytes({0, 255, 0, 0, 255, 255, 0, 128})});
  GrayImage img = Decoded(spec);
  CHECK(img.pixels[0] == 0);
  CHECK(img.pixels[1] == 255);
  CHECK(img.pixels[2] == 255);
  CHECK(img.pixels[3] > 0);
  CHECK(img.pixels[3] < 255);
}

TEST_CASE("png decode: RGB and RGBA keep black black and white white", "[verifier][qr]") {
  PngSpec rgb = Spec(2, 1, 8, PNG_COLOR_TYPE_RGB, {Bytes({0, 0, 0, 255, 255, 255})});
  CHECK(Decoded(rgb).pixels == std::vector<std::uint8_t>{0, 255});
  PngSpec rgba =
      Spec(3, 1, 8, PNG_COLOR_TYPE_RGB_ALPHA, {Bytes({0, 0, 0, 255, 255, 255, 255, 255, 0, 0, 0, 0})});
  CHECK(Decoded(rgba).pixels == std::vector<std::uint8_t>{0, 255, 255});
}

// The offset just past the chunk of `type` (its CRC's last byte + 1).
std::size_t ChunkEnd(const std::string& png, std::string_view type) {
  std::size_t at = png.find(type);
  REQUIRE(at != std::string::npos);
  std::size_t length = (std::uint32_t{static_cast<unsigned char>(png[at - 4])} << 24) |
                       (std::uint32_t{static_cast<unsigned char>(png[at - 3])} << 16) |
                       (std::uint32_t{static_cast<unsigned char>(png[at - 2])} << 8) |
                       std::uint32_t{static_cast<unsigned char>(png[at - 1])};
  return at + 4 + length + 4;
}

TEST_CASE("png decode: a chunk whose CRC does not match is malformed", "[verifier][qr]") {
  PngSpec spec = Spec(5, 1, 8, PNG_COLOR_TYPE_GRAY, {Bytes({0, 50, 100, 150, 200})});
  const std::string png = EncodePng(spec);
  REQUIRE(DecodePng(png).ok());
  for (const char* type : {"IHDR", "IDAT"}) {
    INFO(type);
    std::string bad = png;
    bad[ChunkEnd(png, type) - 1] ^= 0x01;  // the chunk's CRC
    auto img = DecodePng(bad);
    CHECK(img.status().code() == Code::kMalformed);
    CHECK_THAT(img.status().message(), Catch::StartsWith("png: "));
  }
}

TEST_CASE("png decode: every truncation of a file is refused as malformed", "[verifier][qr]") {
  PngSpec spec = Spec(16, 4, 8, PNG_COLOR_TYPE_GRAY, {});
  for (int y = 0; y < 4; ++y) {
    std::string row;
    for (int x = 0; x < 16; ++x) row.push_back(static_cast<char>(x * 16 + y));
    spec.rows.push_back(row);
  }
  const std::string png = EncodePng(spec);
  REQUIRE(DecodePng(png).ok());
  // Up to the end of the image data: the pixels are not all there.
  const std::size_t idat_end = ChunkEnd(png, "IDAT");
  for (std::size_t n = 0; n < idat_end; ++n) {
    auto img = DecodePng(std::string_view(png).substr(0, n));
    INFO("first " << n << " bytes of " << png.size());
    CHECK(img.status().code() == Code::kMalformed);
  }
}

TEST_CASE("png decode: a header over the pixel limit is refused before any data is read", "[verifier][qr]") {
  // 8000 × 10000 is the limit itself: accepted, then its missing data is malformed.
  auto at_limit = DecodePng(testing::PngHeaderOnly(8000, 10000));
  CHECK(at_limit.status().code() == Code::kMalformed);
  // 8000 × 10001 is over it: refused from the header.
  auto over = DecodePng(testing::PngHeaderOnly(8000, 10001));
  CHECK(over.status().code() == Code::kResourceExhausted);
  CHECK_THAT(over.status().message(), Catch::Contains("8000×10001"));
  // Over libpng's own limit of a million pixels a side: malformed, not a crash.
  CHECK(DecodePng(testing::PngHeaderOnly(2'000'000, 1)).status().code() == Code::kMalformed);
  // A zero dimension is an invalid header.
  CHECK(DecodePng(testing::PngHeaderOnly(0, 10)).status().code() == Code::kMalformed);
}

TEST_CASE("png decode: a header that is not a PNG's, or an unknown critical chunk, is malformed", "[verifier][qr]") {
  std::string png("\x89PNG\r\n\x1a\n", 8);
  std::string ihdr;
  PutBig32(ihdr, 4);
  PutBig32(ihdr, 4);
  ihdr += std::string("\x07\x00\x00\x00\x00", 5);  // bit depth 7 does not exist
  Chunk(png, "IHDR", ihdr);
  Chunk(png, "IEND", "");
  CHECK(DecodePng(png).status().code() == Code::kMalformed);

  PngSpec spec = Spec(2, 1, 8, PNG_COLOR_TYPE_GRAY, {Bytes({0, 255})});
  std::string good = EncodePng(spec);
  const std::size_t ihdr_end = ChunkEnd(good, "IHDR");
  std::string unknown;
  Chunk(unknown, "ZZZZ", "critical and unknown");  // an upper-case first letter: critical
  CHECK(DecodePng(good.substr(0, ihdr_end) + unknown + good.substr(ihdr_end)).status().code() == Code::kMalformed);
  // An unknown ancillary chunk is skipped.
  std::string ancillary;
  Chunk(ancillary, "zzZz", "ancillary");
  CHECK(DecodePng(good.substr(0, ihdr_end) + ancillary + good.substr(ihdr_end)).ok());
}

}  // namespace
}  // namespace passerelle::qr
