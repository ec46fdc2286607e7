// Tests for verifier/qr/qr_scan.h on what a recruiter actually uploads: a
// phone photo of a candidate's screen or printout, not a clean PNG. A large
// presentation's code (version 23, as `wallet qr` draws for one module
// credential) is tilted, rotated, unevenly lit, low in contrast, noisy,
// slightly blurred and saved as a JPEG; it must still be read exactly.
#include "verifier/qr/qr_scan.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include <qrcodegen/qrcodegen.hpp>

#include "tests/verifier/qr/image_test_support.h"

namespace passerelle::qr {
namespace {

// A base45-like text as long as a one-credential presentation's payload
// (1,186 characters), in the QR alphanumeric set.
std::string PayloadLikeText() {
  const std::string alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";
  std::string text = "PSL1:";
  std::uint32_t state = 12345;
  while (text.size() < 1186) {
    state = state * 1103515245u + 12345u;
    text += alphabet[(state >> 16) % alphabet.size()];
  }
  return text;
}

// How the code lies in the photo: the image of each of the code's corners
// (in module units, quiet zone included) in photo pixels.
struct Placement {
  std::array<double, 2> top_left, top_right, bottom_right, bottom_left;
};

// A projective map of the plane (3x3, row-major). The photo is drawn by
// taking each photo pixel back into the code through the inverse of the map
// from the code's unit square onto its placement.
struct Homography {
  double m[9];
  static Homography SquareTo(const Placement& p) {
    // Heckbert's square-to-quad mapping.
    const double x0 = p.top_left[0], y0 = p.top_left[1], x1 = p.top_right[0], y1 = p.top_right[1];
    const double x2 = p.bottom_right[0], y2 = p.bottom_right[1], x3 = p.bottom_left[0], y3 = p.bottom_left[1];
    const double sx = x0 - x1 + x2 - x3, sy = y0 - y1 + y2 - y3;
    const double dx1 = x1 - x2, dx2 = x3 - x2, dy1 = y1 - y2, dy2 = y3 - y2;
    const double det = dx1 * dy2 - dx2 * dy1;
    const double g = (sx * dy2 - dx2 * sy) / det, h = (dx1 * sy - sx * dy1) / det;
    return {{x1 - x0 + g * x1, x3 - x0 + h * x3, x0, y1 - y0 + g * y1, y3 - y0 + h * y3, y0, g, h, 1}};
  }
  Homography Inverse() const {
    const double* a = m;
    const double det = a[0] * (a[4] * a[8] - a[5] * a[7]) - a[1] * (a[3] * a[8] - a[5] * a[6]) +
                       a[2] * (a[3] * a[7] - a[4] * a[6]);
    return {{(a[4] * a[8] - a[5] * a[7]) / det, (a[2] * a[7] - a[1] * a[8]) / det, (a[1] * a[5] - a[2] * a[4]) / det,
             (a[5] * a[6] - a[3] * a[8]) / det, (a[0] * a[8] - a[2] * a[6]) / det, (a[2] * a[3] - a[0] * a[5]) / det,
             (a[3] * a[7] - a[4] * a[6]) / det, (a[1] * a[6] - a[0] * a[7]) / det, (a[0] * a[4] - a[1] * a[3]) / det}};
  }
  std::array<double, 2> Apply(double x, double y) const {
    const double w = m[6] * x + m[7] * y + m[8];
    return {(m[0] * x + m[1] * y + m[2]) / w, (m[3] * x + m[4] * y + m[5]) / w};
  }
};

// A photo of `text`'s QR code placed as `where` in a width × height frame:
// paper lit from one side, ink that is dark grey rather than black, sensor
// noise, a little blur, then JPEG at `quality`.
std::string Photo(const std::string& text, int width, int height, const Placement& where, int quality) {
  const auto code = qrcodegen::QrCode::encodeText(text.c_str(), qrcodegen::QrCode::Ecc::MEDIUM);
  const int modules = code.getSize() + 8;  // with the 4-module quiet zone
  const Homography to_code = Homography::SquareTo(where).Inverse();
  std::vector<double> light(static_cast<std::size_t>(width) * static_cast<std::size_t>(height));
  std::uint32_t noise = 777;
  for (int y = 0; y < height; ++y)
    for (int x = 0; x < width; ++x) {
      // 4x supersampling of the code's modules: edges come out grey as in a photo.
      double ink = 0;
      for (int s = 0; s < 4; ++s) {
        const auto uv = to_code.Apply(x + 0.25 + 0.5 * (s & 1), y + 0.25 + 0.5 * (s >> 1));
        const double mx = uv[0] * modules - 4, my = uv[1] * modules - 4;
        const bool inside = uv[0] >= 0 && uv[0] < 1 && uv[1] >= 0 && uv[1] < 1;
        if (inside && code.getModule(static_cast<int>(std::floor(mx)), static_cast<int>(std::floor(my)))) ink += 0.25;
      }
      const bool on_paper = [&] {
        const auto uv = to_code.Apply(x, y);
        return uv[0] >= -0.15 && uv[0] < 1.15 && uv[1] >= -0.15 && uv[1] < 1.15;
      }();
      const double paper = on_paper ? 205 : 120;               // the printout on a darker desk
      const double lit = 0.75 + 0.35 * x / width - 0.1 * y / height;  // a window on the right
      noise = noise * 1664525u + 1013904223u;
      const double grain = ((noise >> 24) / 255.0 - 0.5) * 24;
      light[static_cast<std::size_t>(y) * width + x] = (paper - ink * (paper - 55)) * lit + grain;
    }
  std::vector<std::uint8_t> pixels(light.size());
  for (int y = 0; y < height; ++y)
    for (int x = 0; x < width; ++x) {
      double sum = 0;
      int n = 0;
      for (int dy = -1; dy <= 1; ++dy)
        for (int dx = -1; dx <= 1; ++dx) {
          const int xx = std::clamp(x + dx, 0, width - 1), yy = std::clamp(y + dy, 0, height - 1);
          sum += light[static_cast<std::size_t>(yy) * width + xx];
          ++n;
        }
      pixels[static_cast<std::size_t>(y) * width + x] =
          static_cast<std::uint8_t>(std::clamp(std::lround(sum / n), 0L, 255L));
    }
  return testing::EncodeJpeg(width, height, 1, pixels, false, quality);
}

TEST_CASE("qr scan: a tilted, rotated, unevenly lit phone photo of a large code is read exactly", "[verifier][qr]") {
  const std::string text = PayloadLikeText();
  REQUIRE(qrcodegen::QrCode::encodeText(text.c_str(), qrcodegen::QrCode::Ecc::MEDIUM).getVersion() >= 20);
  // About 6 photo pixels per module: a phone held at arm's length.
  const Placement tilted{{260, 140}, {1010, 215}, {960, 930}, {215, 870}};
  const std::string jpeg = Photo(text, 1280, 1024, tilted, 70);
  auto read = ReadQrCodeBytes(jpeg);
  INFO(read.status().ToString());
  REQUIRE(read.ok());
  CHECK(*read == text);
}

TEST_CASE("qr scan: the same photo taken upside down and from further away is read exactly", "[verifier][qr]") {
  const std::string text = PayloadLikeText();
  // Rotated about 180° and smaller: about 4 pixels per module.
  const Placement upside_down{{880, 700}, {380, 680}, {400, 180}, {900, 200}};
  auto read = ReadQrCodeBytes(Photo(text, 1280, 960, upside_down, 60));
  INFO(read.status().ToString());
  REQUIRE(read.ok());
  CHECK(*read == text);
}

}  // namespace
}  // namespace passerelle::qr
