// Passerelle tests — images built in the test for the decoders of
// verifier/qr/: a grayscale PNG assembled by hand (chunks and a stored
// deflate block, so it does not depend on any encoder), PNGs of every
// colour type through libpng, and JPEGs through libjpeg.
#pragma once

#include <png.h>
#include <stdio.h>  // jpeglib.h needs FILE and size_t first

#include <jpeglib.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace passerelle::qr::testing {

inline std::uint32_t Crc32(std::string_view bytes) {
  std::uint32_t crc = 0xFFFFFFFFu;
  for (unsigned char b : bytes) {
    crc ^= b;
    for (int k = 0; k < 8; ++k) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
  }
  return crc ^ 0xFFFFFFFFu;
}

inline void PutBig32(std::string& out, std::uint32_t v) {
  for (int shift = 24; shift >= 0; shift -= 8) out.push_back(static_cast<char>((v >> shift) & 0xFF));
}

inline void Chunk(std::string& png, std::string_view type, std::string_view data) {
  PutBig32(png, static_cast<std::uint32_t>(data.size()));
  std::string typed = std::string(type) + std::string(data);
  png += typed;
  PutBig32(png, Crc32(typed));
}

// An 8-bit grayscale PNG of `rows` (each the same width), its image data in
// one stored (uncompressed) deflate block: built by hand, so the test does
// not depend on the encoder under test elsewhere.
inline std::string GrayPng(const std::vector<std::vector<std::uint8_t>>& rows) {
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

// A PNG's header and first data chunk announcing `width` × `height` pixels
// (8-bit gray), with no pixel data behind it.
inline std::string PngHeaderOnly(std::uint32_t width, std::uint32_t height) {
  std::string png("\x89PNG\r\n\x1a\n", 8);
  std::string ihdr;
  PutBig32(ihdr, width);
  PutBig32(ihdr, height);
  ihdr += std::string("\x08\x00\x00\x00\x00", 5);
  Chunk(png, "IHDR", ihdr);
  Chunk(png, "IDAT", std::string("\x78\x01", 2));
  Chunk(png, "IEND", "");
  return png;
}

// What libpng is asked to write: `rows` holds each row's bytes as the PNG
// stores them (samples of `bit_depth` bits, 16-bit ones big-endian).
struct PngSpec {
  std::uint32_t width = 0, height = 0;
  int bit_depth = 8;
  int color_type = PNG_COLOR_TYPE_GRAY;  // PNG_COLOR_TYPE_*
  bool interlaced = false;
  std::vector<std::string> rows;
  std::vector<png_color> palette;      // PNG_COLOR_TYPE_PALETTE
  std::vector<png_byte> palette_alpha;  // tRNS for the palette entries
};

inline void AppendToString(png_structp png, png_bytep data, png_size_t size) {
  static_cast<std::string*>(png_get_io_ptr(png))->append(reinterpret_cast<const char*>(data), size);
}

// The PNG file of `spec`, or "" when libpng refuses it.
inline std::string EncodePng(const PngSpec& spec) {
  std::string out;
  std::vector<png_bytep> rows;
  for (const auto& r : spec.rows) rows.push_back(reinterpret_cast<png_bytep>(const_cast<char*>(r.data())));
  png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
  png_infop info = png_create_info_struct(png);
  if (setjmp(png_jmpbuf(png))) {
    png_destroy_write_struct(&png, &info);
    return "";
  }
  png_set_write_fn(png, &out, AppendToString, nullptr);
  png_set_IHDR(png, info, spec.width, spec.height, spec.bit_depth, spec.color_type,
               spec.interlaced ? PNG_INTERLACE_ADAM7 : PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT,
               PNG_FILTER_TYPE_DEFAULT);
  if (!spec.palette.empty())
    png_set_PLTE(png, info, spec.palette.data(), static_cast<int>(spec.palette.size()));
  if (!spec.palette_alpha.empty())
    png_set_tRNS(png, info, spec.palette_alpha.data(), static_cast<int>(spec.palette_alpha.size()), nullptr);
  png_write_info(png, info);
  png_write_image(png, rows.data());
  png_write_end(png, nullptr);
  png_destroy_write_struct(&png, &info);
  return out;
}

// A JPEG of `width` × `height` pixels with `components` samples each (1
// gray, 3 RGB, 4 CMYK), row-major in `pixels`; "" when libjpeg refuses.
inline std::string EncodeJpeg(int width, int height, int components, const std::vector<std::uint8_t>& pixels,
                              bool progressive = false, int quality = 95) {
  jpeg_compress_struct cinfo;
  jpeg_error_mgr err;
  cinfo.err = jpeg_std_error(&err);
  jpeg_create_compress(&cinfo);
  unsigned char* buffer = nullptr;
  unsigned long size = 0;
  jpeg_mem_dest(&cinfo, &buffer, &size);
  cinfo.image_width = static_cast<JDIMENSION>(width);
  cinfo.image_height = static_cast<JDIMENSION>(height);
  cinfo.input_components = components;
  cinfo.in_color_space = components == 1 ? JCS_GRAYSCALE : (components == 3 ? JCS_RGB : JCS_CMYK);
  jpeg_set_defaults(&cinfo);
  jpeg_set_quality(&cinfo, quality, TRUE);
  if (progressive) jpeg_simple_progression(&cinfo);
  jpeg_start_compress(&cinfo, TRUE);
  while (cinfo.next_scanline < cinfo.image_height) {
    JSAMPROW row = const_cast<JSAMPROW>(pixels.data()) +
                   static_cast<std::size_t>(cinfo.next_scanline) * static_cast<std::size_t>(width) * components;
    jpeg_write_scanlines(&cinfo, &row, 1);
  }
  jpeg_finish_compress(&cinfo);
  jpeg_destroy_compress(&cinfo);
  std::string out(reinterpret_cast<const char*>(buffer), size);
  free(buffer);
  return out;
}

}  // namespace passerelle::qr::testing
