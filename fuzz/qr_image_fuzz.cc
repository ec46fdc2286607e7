// Fuzz target: the image decoders a photo of a QR code goes through
// (verifier/qr/image_decode.h: PNG via libpng, JPEG via libjpeg), in process.
// Invariant: a decoded image has width × height pixels within the cap.
#include "fuzz/fuzz_support.h"
#include "verifier/qr/image_decode.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace passerelle;
  auto image = qr::DecodeImage(fuzz::Text(data, size));
  if (!image.ok()) return 0;
  fuzz::Check(image->width > 0 && image->height > 0, "a decoded image has no pixels");
  fuzz::Check(image->pixels.size() == static_cast<std::size_t>(image->width) * image->height,
              "a decoded image's pixel count is not width x height");
  fuzz::Check(image->pixels.size() <= qr::kMaxImagePixels, "a decoded image is over the pixel cap");
  return 0;
}
