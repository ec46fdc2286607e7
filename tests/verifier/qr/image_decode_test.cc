// Tests for verifier/qr/image_decode.h: PNG and JPEG bytes to grayscale, bounded, errors as Status.
#include "verifier/qr/image_decode.h"

#include <catch2/catch.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace passerelle::qr {
namespace {

std::uint32_t Crc32(std::string_view bytes) {
  std::uint32_t crc = 0xFFFFFFFFu;
  for (unsigned char b : bytes) {
    crc ^= b;
    for (int k = 0; k < 8; ++k) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
  }
  return crc ^ 0xFFFFFFFFu;
}

void PutBig32(std::string& out, std::uint32_t v) {
  for (int shift = 24; shift >= 0; shift -= 8) out.push_back(static_cast<char>((v >> shift) & 0xFF));
}

void Chunk(std::string& png, std::string_view type, std::string_view data) {
  PutBig32(png, static_cast<std::uint32_t>(data.size()));
  std::string typed = std::string(type) + std::string(data);
  png += typed;
  PutBig32(png, Crc32(typed));
}

// An 8-bit grayscale PNG of `rows` (each the same width), its image data in
// one stored (uncompressed) deflate block: built by hand, so the test does
// not depend on the encoder under test elsewhere.
std::string GrayPng(const std::vector<std::vector<std::uint8_t>>& rows) {
  const auto width = static_cast<std::uint32_t>(rows[0].size());
  const auto height = static_cast<std::uint32_t>(rows.size());
  std::string raw;
  for (const auto& row : rows) {
    raw.push_back('\0');  // filter: none
    raw.append(row.begin(), row.end());
  }
  std::string z = "\x78\x01";
  z.push_back('\x01');  // final stored block
  const auto len = static_cast<std::uint16_t>(raw.size());
  z.push_back(static_cast<char>(len & 0xFF));
  z.push_back(static_cast<char>(len >> 8));
  z.push_back(static_cast<char>(~len & 0xFF));
  z.push_back(static_cast<char>((~len >> 8) & 0xFF));
  z += raw;
  std::uint32_t a = 1, b = 0;
  for (unsigned char c : raw) {
    a = (a + c) % 65521;
    b = (b + a) % 65521;
  }
  PutBig32(z, (b << 16) | a);
  std::string png("\x89PNG\r\n\x1a\n", 8);
  std::string ihdr;
  PutBig32(ihdr, width);
  PutBig32(ihdr, height);
  ihdr += std::string("\x08\x00\x00\x00\x00", 5);  // 8-bit gray, no interlace
  Chunk(png, "IHDR", ihdr);
  Chunk(png, "IDAT", z);
  Chunk(png, "IEND", "");
  return png;
}

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
