// Tests for wallet-cli/png_writer.cc: RenderPng, a QR grid as a grayscale PNG with its quiet zone.
#include <catch2/catch.hpp>

#include <string>

#include "verifier/qr/image_decode.h"
#include "wallet-cli/qr_render.h"

namespace passerelle::wallet {
namespace {

TEST_CASE("png writer: a PNG of (size + quiet zone) × scale pixels, black on white", "[wallet][qr]") {
  auto m = EncodeQrMatrix("PSL1:ABC");
  REQUIRE(m.ok());
  for (int scale : {1, 3, 8}) {
    INFO("scale " << scale);
    auto png = RenderPng(*m, scale);
    REQUIRE(png.ok());
    CHECK(png->rfind(std::string("\x89PNG\r\n\x1a\n", 8), 0) == 0);
    auto img = qr::DecodePng(*png);
    REQUIRE(img.ok());
    const int side = (m->size + 2 * kQuietZoneModules) * scale;
    CHECK(img->width == side);
    CHECK(img->height == side);
    auto pixel = [&](int x, int y) { return img->pixels[static_cast<std::size_t>(y * side + x)]; };
    // The quiet zone is white; the finder pattern's corner module, 4 modules in, is black.
    CHECK(pixel(0, 0) == 255);
    CHECK(pixel(kQuietZoneModules * scale - 1, kQuietZoneModules * scale - 1) == 255);
    CHECK(pixel(kQuietZoneModules * scale, kQuietZoneModules * scale) == 0);
    CHECK(pixel((kQuietZoneModules + 1) * scale, (kQuietZoneModules + 1) * scale) == 255);
    // Every module is drawn: count the dark pixels.
    std::size_t dark_modules = 0, dark_pixels = 0;
    for (bool d : m->dark) dark_modules += d;
    for (auto p : img->pixels) dark_pixels += p == 0;
    CHECK(dark_pixels == dark_modules * static_cast<std::size_t>(scale * scale));
  }
}

TEST_CASE("png writer: scales outside 1…64 are refused", "[wallet][qr]") {
  auto m = EncodeQrMatrix("PSL1:ABC");
  REQUIRE(m.ok());
  CHECK(RenderPng(*m, 0).status().code() == Code::kInvalidArgument);
  CHECK(RenderPng(*m, -3).status().code() == Code::kInvalidArgument);
  CHECK(RenderPng(*m, 65).status().code() == Code::kInvalidArgument);
  CHECK(RenderPng(*m, 64).ok());
}

}  // namespace
}  // namespace passerelle::wallet
