// Passerelle wallet — PNG output of a QR matrix (libpng's simplified API:
// no setjmp, errors come back as a message).
#include <png.h>

#include "wallet-cli/qr_render.h"

namespace passerelle::wallet {

Result<std::string> RenderPng(const QrMatrix& qr, int scale) {
  if (scale < 1 || scale > 64) return Status::InvalidArgument("png: scale must be 1…64 pixels per module");
  int modules = qr.size + 2 * kQuietZoneModules;
  int side = modules * scale;
  std::vector<png_byte> pixels(static_cast<std::size_t>(side) * static_cast<std::size_t>(side), 0xFF);
  for (int y = 0; y < qr.size; ++y)
    for (int x = 0; x < qr.size; ++x) {
      if (!qr.At(x, y)) continue;
      for (int dy = 0; dy < scale; ++dy) {
        std::size_t row = static_cast<std::size_t>((y + kQuietZoneModules) * scale + dy) * static_cast<std::size_t>(side);
        std::size_t col = static_cast<std::size_t>((x + kQuietZoneModules) * scale);
        std::fill_n(pixels.begin() + static_cast<std::ptrdiff_t>(row + col), scale, png_byte{0});
      }
    }
  png_image image{};
  image.version = PNG_IMAGE_VERSION;
  image.width = static_cast<png_uint_32>(side);
  image.height = static_cast<png_uint_32>(side);
  image.format = PNG_FORMAT_GRAY;
  png_alloc_size_t size = 0;
  if (!png_image_write_to_memory(&image, nullptr, &size, 0, pixels.data(), 0, nullptr))
    return Status::Internal(std::string("png: ") + image.message);
  std::string out(size, '\0');
  if (!png_image_write_to_memory(&image, out.data(), &size, 0, pixels.data(), 0, nullptr))
    return Status::Internal(std::string("png: ") + image.message);
  out.resize(size);
  return out;
}

}  // namespace passerelle::wallet
