// Tests for verifier/qr/qr_scan.h: reading a QR code from an image, and its payload's document.
#include "verifier/qr/qr_scan.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include <qrcodegen/qrcodegen.hpp>

#include "tests/testing/temp_dir.h"
#include "verifier/qr/image_decode.h"

namespace passerelle::qr {
namespace {

// A QR code of `text`, `scale` pixels per module, with a 4-module quiet zone.
GrayImage Draw(const std::string& text, int scale = 4) {
  const auto code = qrcodegen::QrCode::encodeText(text.c_str(), qrcodegen::QrCode::Ecc::MEDIUM);
  const int modules = code.getSize() + 8;
  GrayImage img;
  img.width = img.height = modules * scale;
  img.pixels.assign(static_cast<std::size_t>(img.width) * static_cast<std::size_t>(img.height), 255);
  for (int y = 0; y < img.height; ++y)
    for (int x = 0; x < img.width; ++x)
      if (code.getModule(x / scale - 4, y / scale - 4))
        img.pixels[static_cast<std::size_t>(y * img.width + x)] = 0;
  return img;
}

TEST_CASE("qr scan: the text of a drawn code is read back", "[verifier][qr]") {
  auto text = ScanQrCode(Draw("PSL1:HELLO WORLD"));
  INFO(text.status().ToString());
  REQUIRE(text.ok());
  CHECK(*text == "PSL1:HELLO WORLD");
}

TEST_CASE("qr scan: an image with no code is not found", "[verifier][qr]") {
  GrayImage blank;
  blank.width = blank.height = 120;
  blank.pixels.assign(120 * 120, 255);
  CHECK(ScanQrCode(blank).status().code() == Code::kNotFound);
  GrayImage empty;
  CHECK_FALSE(ScanQrCode(empty).ok());
}

TEST_CASE("qr scan: bytes and files that are not images are refused", "[verifier][qr]") {
  CHECK(ReadQrCodeBytes("not an image").status().code() == Code::kMalformed);
  CHECK(ReadQrCodeBytes(std::string("\x89PNG\r\n\x1a\n", 8) + "garbage").status().code() == Code::kMalformed);
  CHECK(ReadQrCodeBytes(std::string(kMaxImageBytes + 1, '\0')).status().code() == Code::kResourceExhausted);
  testing::TempDir dir;
  CHECK(ReadQrCodeFile(dir.path() / "missing.png").status().code() == Code::kIOError);
  CHECK(DocumentFromQrImage(dir.path() / "missing.png").status().code() == Code::kIOError);
}

TEST_CASE("a QR code holding someone else's text is not taken for a payload", "[wallet][qr]") {
  auto text = qr::DocumentFromQrText("HTTPS://EXAMPLE.ORG/MENU", "the QR code in \"menu.png\"");
  CHECK(text.status().code() == Code::kMalformed);
  CHECK_THAT(text.status().message(), Catch::Contains("not a Passerelle"));
  CHECK_THAT(text.status().message(), Catch::StartsWith("the QR code in \"menu.png\""));
  auto newer = qr::DocumentFromQrText("PSL7:ABC", "--qr-text");
  CHECK(newer.status().code() == Code::kUnsupported);
  auto damaged = qr::DocumentFromQrText("PSL1:ABCDEF", "--qr-text");
  CHECK(damaged.status().code() == Code::kMalformed);
  CHECK_THAT(damaged.status().message(), Catch::Contains("damaged"));
}

}  // namespace
}  // namespace passerelle::qr
