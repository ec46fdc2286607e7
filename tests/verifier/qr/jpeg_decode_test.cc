// Tests for verifier/qr/jpeg_decode.cc: grayscale, colour and progressive
// JPEGs to 8-bit grayscale, and specific refusals (never a crash nor a
// longjmp past the unit) for broken, unsupported or oversized files.
#include <catch2/catch.hpp>

#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "tests/verifier/qr/image_test_support.h"
#include "verifier/qr/image_decode.h"

namespace passerelle::qr {
namespace {

using testing::EncodeJpeg;

// A `width` × `height` gray image: the left half black, the right half white.
std::vector<std::uint8_t> Halves(int width, int height, int components) {
  std::vector<std::uint8_t> px;
  for (int y = 0; y < height; ++y)
    for (int x = 0; x < width; ++x)
      for (int c = 0; c < components; ++c) px.push_back(x < width / 2 ? 0 : 255);
  return px;
}

// Pixels of a lossy decode: near black on the left, near white on the right.
void CheckHalves(const GrayImage& img) {
  int off = 0;
  for (int y = 0; y < img.height; ++y)
    for (int x = 0; x < img.width; ++x) {
      // Away from the edge, where JPEG's ringing is.
      if (std::abs(x - img.width / 2) < 4) continue;
      const int v = img.pixels[static_cast<std::size_t>(y) * img.width + x];
      const bool ok = x < img.width / 2 ? v < 24 : v > 231;
      if (!ok) ++off;
    }
  CHECK(off == 0);
}

// Where the SOF0/SOF2 segment's height field is (2 bytes, then the width).
std::size_t SofDimensions(const std::string& jpeg) {
  for (std::size_t i = 2; i + 9 < jpeg.size(); ++i)
    if (static_cast<unsigned char>(jpeg[i]) == 0xFF &&
        (static_cast<unsigned char>(jpeg[i + 1]) == 0xC0 || static_cast<unsigned char>(jpeg[i + 1]) == 0xC2))
      return i + 5;  // marker (2), length (2), precision (1)
  FAIL("no SOF segment");
  return 0;
}

std::string WithDimensions(std::string jpeg, unsigned height, unsigned width) {
  const std::size_t at = SofDimensions(jpeg);
  jpeg[at] = static_cast<char>(height >> 8);
  jpeg[at + 1] = static_cast<char>(height & 0xFF);
  jpeg[at + 2] = static_cast<char>(width >> 8);
  jpeg[at + 3] = static_cast<char>(width & 0xFF);
  return jpeg;
}

TEST_CASE("jpeg decode: a grayscale JPEG keeps its size and, within loss, its pixels", "[verifier][qr]") {
  const std::string jpeg = EncodeJpeg(40, 24, 1, Halves(40, 24, 1));
  REQUIRE_FALSE(jpeg.empty());
  auto img = DecodeJpeg(jpeg);
  INFO(img.status().ToString());
  REQUIRE(img.ok());
  CHECK(img->width == 40);
  CHECK(img->height == 24);
  REQUIRE(img->pixels.size() == 40u * 24u);
  CheckHalves(*img);
}

TEST_CASE("jpeg decode: colour and progressive JPEGs come out gray", "[verifier][qr]") {
  SECTION("RGB") {
    auto img = DecodeJpeg(EncodeJpeg(32, 16, 3, Halves(32, 16, 3)));
    REQUIRE(img.ok());
    CHECK(img->width == 32);
    CHECK(img->height == 16);
    CheckHalves(*img);
  }
  SECTION("progressive") {
    auto img = DecodeJpeg(EncodeJpeg(32, 16, 3, Halves(32, 16, 3), true));
    REQUIRE(img.ok());
    CHECK(img->pixels.size() == 32u * 16u);
    CheckHalves(*img);
  }
  SECTION("a size that is not a multiple of the block size") {
    auto img = DecodeJpeg(EncodeJpeg(13, 7, 1, Halves(13, 7, 1)));
    REQUIRE(img.ok());
    CHECK(img->width == 13);
    CHECK(img->height == 7);
    CHECK(img->pixels.size() == 13u * 7u);
  }
}

TEST_CASE("jpeg decode: a CMYK JPEG, which has no gray conversion, is malformed", "[verifier][qr]") {
  const std::string jpeg = EncodeJpeg(16, 16, 4, Halves(16, 16, 4));
  REQUIRE_FALSE(jpeg.empty());
  auto img = DecodeJpeg(jpeg);
  CHECK(img.status().code() == Code::kMalformed);
  CHECK_THAT(img.status().message(), Catch::StartsWith("jpeg: "));
}

TEST_CASE("jpeg decode: a header over the pixel limit is refused before decoding", "[verifier][qr]") {
  const std::string jpeg = EncodeJpeg(16, 16, 1, Halves(16, 16, 1));
  // 65000 × 65000: 4.2 gigapixels announced by a file of a few hundred bytes.
  auto over = DecodeJpeg(WithDimensions(jpeg, 65000, 65000));
  CHECK(over.status().code() == Code::kResourceExhausted);
  CHECK_THAT(over.status().message(), Catch::Contains("65000×65000"));
  // 10001 × 8000 is just over 80 megapixels.
  CHECK(DecodeJpeg(WithDimensions(jpeg, 10001, 8000)).status().code() == Code::kResourceExhausted);
  // Under the limit the header is believed: its missing data is padded, as
  // libjpeg does for a short file.
  auto padded = DecodeJpeg(WithDimensions(jpeg, 100, 100));
  REQUIRE(padded.ok());
  CHECK(padded->pixels.size() == 100u * 100u);
  // No pixels at all is not an image: libjpeg refuses the header ("empty JPEG image").
  auto empty = DecodeJpeg(WithDimensions(jpeg, 0, 16));
  CHECK(empty.status().code() == Code::kMalformed);
  CHECK_THAT(empty.status().message(), Catch::StartsWith("jpeg: "));
}

TEST_CASE("jpeg decode: garbage and headers cut short are malformed", "[verifier][qr]") {
  CHECK(DecodeJpeg("").status().code() == Code::kMalformed);
  CHECK(DecodeJpeg(std::string("\xff\xd8\xff\xe0", 4) + "garbage").status().code() == Code::kMalformed);
  const std::string jpeg = EncodeJpeg(24, 24, 3, Halves(24, 24, 3));
  // Cut anywhere before the scan starts: no image to decode.
  std::size_t sos = jpeg.find(std::string("\xff\xda", 2));
  REQUIRE(sos != std::string::npos);
  for (std::size_t n = 0; n <= sos; ++n) {
    INFO("first " << n << " bytes of " << jpeg.size());
    CHECK(DecodeJpeg(std::string_view(jpeg).substr(0, n)).status().code() == Code::kMalformed);
  }
  // Cut inside the scan: libjpeg pads what is missing, as viewers do; the
  // result has the announced size, or is malformed, and never crashes.
  for (std::size_t n = sos + 1; n < jpeg.size(); ++n) {
    INFO("first " << n << " bytes of " << jpeg.size());
    auto img = DecodeJpeg(std::string_view(jpeg).substr(0, n));
    if (img.ok())
      CHECK(img->pixels.size() == 24u * 24u);
    else
      CHECK(img.status().code() == Code::kMalformed);
  }
}

}  // namespace
}  // namespace passerelle::qr
