// Tests for verifier/qr/image_decode.h: PNG and JPEG bytes to grayscale, bounded, errors as Status.
#include "verifier/qr/image_decode.h"

#include <catch2/catch.hpp>

#include <cstdint>
#include <string>
#include <vector>

#include "tests/verifier/qr/image_test_support.h"

namespace passerelle::qr {
namespace {

using testing::Chunk;
using testing::GrayPng;
using testing::PutBig32;

TEST_CASE("image decode: the leading bytes name the type", "[verifier][qr]") {
  CHECK(SniffImageType(std::string("\x89PNG\r\n\x1a\n", 8) + "rest") == ImageType::kPng);
  CHECK(SniffImageType(std::string("\xff\xd8\xff\xe0", 4)) == ImageType::kJpeg);
  CHECK(SniffImageType("GIF89a") == ImageType::kUnknown);
  CHECK(SniffImageType("") == ImageType::kUnknown);
  CHECK(SniffImageType("\x89PN") == ImageType::kUnknown);
}

TEST_CASE("image decode: a grayscale PNG keeps its size and pixels", "[verifier][qr]") {
  const std::string png = GrayPng({{0, 255, 17}, {128, 64, 1}});
  auto img = DecodeImage(png);
  INFO(img.status().ToString());
  REQUIRE(img.ok());
  CHECK(img->width == 3);
  CHECK(img->height == 2);
  CHECK(img->pixels == std::vector<std::uint8_t>{0, 255, 17, 128, 64, 1});
  auto direct = DecodePng(png);
  REQUIRE(direct.ok());
  CHECK(direct->pixels == img->pixels);
  // A PNG is not a JPEG.
  CHECK(DecodeJpeg(png).status().code() == Code::kMalformed);
}

TEST_CASE("image decode: unknown, corrupt and truncated images are malformed", "[verifier][qr]") {
  CHECK(DecodeImage("not an image").status().code() == Code::kMalformed);
  CHECK(DecodeImage("").status().code() == Code::kMalformed);
  CHECK(DecodeImage(std::string("\x89PNG\r\n\x1a\n", 8) + "garbage").status().code() == Code::kMalformed);
  CHECK(DecodeImage(std::string("\xff\xd8\xff\xe0", 4) + "garbage").status().code() == Code::kMalformed);
  const std::string png = GrayPng({{1, 2, 3, 4}, {5, 6, 7, 8}});
  CHECK(DecodeImage(png.substr(0, png.size() - 20)).status().code() == Code::kMalformed);
  std::string bad_crc = png;
  bad_crc[bad_crc.size() - 13] ^= 0x01;  // a byte of the image data: its CRC no longer matches
  CHECK_FALSE(DecodeImage(bad_crc).ok());
}

TEST_CASE("image decode: sizes over the caps are refused before decoding", "[verifier][qr]") {
  CHECK(DecodeImage(std::string(kMaxImageBytes + 1, '\0')).status().code() == Code::kResourceExhausted);
  // A header announcing 20000 × 20000 pixels (400 MP): refused from the header alone.
  std::string png("\x89PNG\r\n\x1a\n", 8);
  std::string ihdr;
  PutBig32(ihdr, 20000);
  PutBig32(ihdr, 20000);
  ihdr += std::string("\x08\x00\x00\x00\x00", 5);
  Chunk(png, "IHDR", ihdr);
  Chunk(png, "IDAT", std::string("\x78\x01", 2));  // the header is read up to here; the data never is
  Chunk(png, "IEND", "");
  CHECK(DecodeImage(png).status().code() == Code::kResourceExhausted);
}

}  // namespace
}  // namespace passerelle::qr
