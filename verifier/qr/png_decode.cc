// Passerelle verifier — PNG to grayscale with libpng's simplified API (it
// reports errors through png_image.message; no setjmp needed here).
#include <png.h>

#include "verifier/qr/image_decode.h"

namespace passerelle::qr {

Result<GrayImage> DecodePng(std::string_view bytes) {
  png_image image{};
  image.version = PNG_IMAGE_VERSION;
  if (!png_image_begin_read_from_memory(&image, bytes.data(), bytes.size()))
    return Status::Malformed(std::string("png: ") + image.message);
  std::uint64_t pixels = std::uint64_t{image.width} * image.height;
  if (image.width == 0 || image.height == 0 || pixels > kMaxImagePixels) {
    png_image_free(&image);
    return Status::ResourceExhausted("png: " + std::to_string(image.width) + "×" +
                                     std::to_string(image.height) + " pixels is over the limit");
  }
  // Transparent pixels composite onto white, as a viewer would show them.
  image.format = PNG_FORMAT_GRAY;
  png_color white{255, 255, 255};
  GrayImage out;
  out.width = static_cast<int>(image.width);
  out.height = static_cast<int>(image.height);
  out.pixels.resize(static_cast<std::size_t>(pixels));
  if (!png_image_finish_read(&image, &white, out.pixels.data(), 0, nullptr)) {
    std::string message = image.message;
    png_image_free(&image);
    return Status::Malformed("png: " + message);
  }
  return out;
}

}  // namespace passerelle::qr
