// Passerelle wallet → verifier — QR codes drawn by the wallet (PNG, SVG,
// terminal) are read back by the verifier's decoder (zxing-cpp), including
// from a "photo" (rotated, blurred, unevenly lit, JPEG) and a "screenshot"
// of the terminal rendering on a dark theme.
#include <cmath>
#include <csetjmp>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include <jpeglib.h>

#include <catch2/catch.hpp>

#include "formats/qr_payload.h"
#include "verifier/qr/image_decode.h"
#include "verifier/qr/qr_scan.h"
#include "wallet-cli/qr_render.h"

namespace passerelle::wallet {
namespace {

using qr::GrayImage;

// A payload of realistic size: a presentation-sized JSON document.
std::string SamplePayload() {
  std::string json = R"({"@context":["https://www.w3.org/ns/credentials/v2"],"holder":"did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK","type":["VerifiablePresentation"],"note":")";
  std::mt19937 rng(3);
  const char* alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
  for (int i = 0; i < 600; ++i) json += alphabet[rng() % 58];  // incompressible, like signatures
  json += "\"}";
  return *EncodeQrPayload(json);
}

GrayImage Raster(const QrMatrix& m, int scale) {
  GrayImage img;
  int side = (m.size + 2 * kQuietZoneModules) * scale;
  img.width = img.height = side;
  img.pixels.assign(static_cast<std::size_t>(side * side), 255);
  for (int y = 0; y < side; ++y)
    for (int x = 0; x < side; ++x)
      if (m.At(x / scale - kQuietZoneModules, y / scale - kQuietZoneModules))
        img.pixels[static_cast<std::size_t>(y * side + x)] = 0;
  return img;
}

// Rotates by `degrees`, places on a larger noisy background, lights it
// unevenly and blurs it, as a phone photo of a printed code might look.
GrayImage Photograph(const GrayImage& in, double degrees) {
  GrayImage out;
  out.width = in.width * 3 / 2;
  out.height = in.height * 3 / 2;
  out.pixels.resize(static_cast<std::size_t>(out.width * out.height));
  std::mt19937 rng(9);
  std::normal_distribution<double> noise(0, 6);
  double a = degrees * M_PI / 180, c = std::cos(a), s = std::sin(a);
  double cx = out.width / 2.0, cy = out.height / 2.0;
  for (int y = 0; y < out.height; ++y)
    for (int x = 0; x < out.width; ++x) {
      double sx = c * (x - cx) + s * (y - cy) + in.width / 2.0;
      double sy = -s * (x - cx) + c * (y - cy) + in.height / 2.0;
      double v = 140;  // the table the paper lies on
      if (sx >= 0 && sy >= 0 && sx < in.width - 1 && sy < in.height - 1) {
        int ix = static_cast<int>(sx), iy = static_cast<int>(sy);
        double fx = sx - ix, fy = sy - iy;
        auto p = [&](int xx, int yy) { return static_cast<double>(in.pixels[static_cast<std::size_t>(yy * in.width + xx)]); };
        v = (1 - fx) * (1 - fy) * p(ix, iy) + fx * (1 - fy) * p(ix + 1, iy) + (1 - fx) * fy * p(ix, iy + 1) +
            fx * fy * p(ix + 1, iy + 1);
        v = 30 + v * 0.75;  // paper is not pure white, ink not pure black
      }
      v *= 0.7 + 0.3 * x / out.width;  // light from the right
      v += noise(rng);
      out.pixels[static_cast<std::size_t>(y * out.width + x)] = static_cast<std::uint8_t>(std::clamp(v, 0.0, 255.0));
    }
  GrayImage blurred = out;
  for (int y = 1; y < out.height - 1; ++y)
    for (int x = 1; x < out.width - 1; ++x) {
      int sum = 0;
      for (int dy = -1; dy <= 1; ++dy)
        for (int dx = -1; dx <= 1; ++dx) sum += out.pixels[static_cast<std::size_t>((y + dy) * out.width + x + dx)];
      blurred.pixels[static_cast<std::size_t>(y * out.width + x)] = static_cast<std::uint8_t>(sum / 9);
    }
  return blurred;
}

struct JpegError {
  jpeg_error_mgr base;
  std::jmp_buf jump;
};

std::string EncodeJpeg(const GrayImage& img, int quality) {
  jpeg_compress_struct cinfo;
  JpegError err;
  cinfo.err = jpeg_std_error(&err.base);
  err.base.error_exit = [](j_common_ptr c) { std::longjmp(reinterpret_cast<JpegError*>(c->err)->jump, 1); };
  unsigned char* buffer = nullptr;
  unsigned long size = 0;
  if (setjmp(err.jump)) {
    jpeg_destroy_compress(&cinfo);
    return {};
  }
  jpeg_create_compress(&cinfo);
  jpeg_mem_dest(&cinfo, &buffer, &size);
  cinfo.image_width = static_cast<JDIMENSION>(img.width);
  cinfo.image_height = static_cast<JDIMENSION>(img.height);
  cinfo.input_components = 1;
  cinfo.in_color_space = JCS_GRAYSCALE;
  jpeg_set_defaults(&cinfo);
  jpeg_set_quality(&cinfo, quality, TRUE);
  jpeg_start_compress(&cinfo, TRUE);
  while (cinfo.next_scanline < cinfo.image_height) {
    JSAMPROW row = const_cast<JSAMPROW>(img.pixels.data() + static_cast<std::size_t>(cinfo.next_scanline) * img.width);
    jpeg_write_scanlines(&cinfo, &row, 1);
  }
  jpeg_finish_compress(&cinfo);
  std::string out(reinterpret_cast<char*>(buffer), size);
  jpeg_destroy_compress(&cinfo);
  std::free(buffer);
  return out;
}

// A "screenshot" of RenderTerminal's output: each character cell 8×16
// pixels, top half one module, bottom half the next; the terminal around
// it is dark (a dark theme), only the painted cells are white.
GrayImage Screenshot(const std::string& text) {
  std::vector<std::vector<int>> cells;  // 0 none, 1 upper, 2 lower, 3 full
  std::vector<int> row;
  for (std::size_t i = 0; i < text.size();) {
    if (text[i] == '\x1b') {  // skip an SGR sequence
      while (i < text.size() && text[i] != 'm') ++i;
      ++i;
      continue;
    }
    if (text[i] == '\n') {
      cells.push_back(row);
      row.clear();
      ++i;
      continue;
    }
    if (text[i] == ' ') {
      row.push_back(0);
      ++i;
      continue;
    }
    std::string glyph = text.substr(i, 3);
    row.push_back(glyph == "\xe2\x96\x80" ? 1 : glyph == "\xe2\x96\x84" ? 2 : glyph == "\xe2\x96\x88" ? 3 : -1);
    i += 3;
  }
  const int cw = 8, ch = 16, margin = 40;
  GrayImage img;
  img.width = static_cast<int>(cells.at(0).size()) * cw + 2 * margin;
  img.height = static_cast<int>(cells.size()) * ch + 2 * margin;
  img.pixels.assign(static_cast<std::size_t>(img.width * img.height), 30);
  for (std::size_t r = 0; r < cells.size(); ++r)
    for (std::size_t c = 0; c < cells[r].size(); ++c)
      for (int y = 0; y < ch; ++y)
        for (int x = 0; x < cw; ++x) {
          int cell = cells[r][c];
          bool dark = y < ch / 2 ? (cell == 1 || cell == 3) : (cell == 2 || cell == 3);
          std::size_t at = static_cast<std::size_t>((margin + static_cast<int>(r) * ch + y) * img.width + margin +
                                                    static_cast<int>(c) * cw + x);
          img.pixels[at] = dark ? 0 : 255;
        }
  return img;
}

TEST_CASE("a PNG from the wallet reads back to the same payload", "[wallet][qr]") {
  std::string payload = SamplePayload();
  auto m = EncodeQrMatrix(payload);
  REQUIRE(m.ok());
  CHECK(m->size == 17 + 4 * m->version);
  auto png = RenderPng(*m);
  REQUIRE(png.ok());
  auto img = qr::DecodeImage(*png);
  REQUIRE(img.ok());
  CHECK(img->width == (m->size + 8) * 8);
  auto text = qr::ScanQrCode(*img);
  INFO(text.status().ToString());
  REQUIRE(text.ok());
  CHECK(*text == payload);
  CHECK(*qr::DocumentFromQrText(*text, "x") == *DecodeQrPayload(payload));
}

TEST_CASE("a photo of the code (rotated, blurred, uneven light, JPEG) reads back", "[wallet][qr]") {
  std::string payload = SamplePayload();
  auto m = EncodeQrMatrix(payload);
  REQUIRE(m.ok());
  std::string jpeg = EncodeJpeg(Photograph(Raster(*m, 5), 8.0), 70);
  REQUIRE(qr::SniffImageType(jpeg) == qr::ImageType::kJpeg);
  auto img = qr::DecodeImage(jpeg);
  INFO(img.status().ToString());
  REQUIRE(img.ok());
  auto text = qr::ScanQrCode(*img);
  INFO(text.status().ToString());
  REQUIRE(text.ok());
  CHECK(*text == payload);
}

TEST_CASE("a screenshot of the terminal rendering, dark theme around it, reads back", "[wallet][qr]") {
  std::string payload = SamplePayload();
  auto m = EncodeQrMatrix(payload);
  REQUIRE(m.ok());
  std::string text = RenderTerminal(*m);
  // Quiet zone: the first and last lines are all background.
  std::size_t first_end = text.find('\n');
  std::string first_line = text.substr(0, first_end);
  CHECK(first_line.find("\xe2\x96") == std::string::npos);
  auto img = Screenshot(text);
  CHECK(img.width == (m->size + 8) * 8 + 80);
  auto read = qr::ScanQrCode(img);
  INFO(read.status().ToString());
  REQUIRE(read.ok());
  CHECK(*read == payload);
}

TEST_CASE("images without a QR code, and files that are not images", "[wallet][qr]") {
  GrayImage blank;
  blank.width = blank.height = 200;
  blank.pixels.assign(200 * 200, 255);
  CHECK(qr::ScanQrCode(blank).status().code() == Code::kNotFound);
  CHECK(qr::DecodeImage("not an image").status().code() == Code::kMalformed);
  CHECK(qr::DecodeImage(std::string("\x89PNG\r\n\x1a\n", 8) + "garbage").status().code() == Code::kMalformed);
  CHECK(qr::DecodeImage(std::string("\xff\xd8\xff\xe0", 4) + "garbage").status().code() == Code::kMalformed);
  auto png = RenderPng(*EncodeQrMatrix("PSL1:ABC"));
  REQUIRE(png.ok());
  CHECK(qr::DecodeImage(png->substr(0, png->size() / 2)).status().code() == Code::kMalformed);
}

}  // namespace
}  // namespace passerelle::wallet
