// Passerelle verifier — image type detection and dispatch.
#include "verifier/qr/image_decode.h"

namespace passerelle::qr {

ImageType SniffImageType(std::string_view b) {
  if (b.size() >= 8 && b.substr(0, 8) == std::string_view("\x89PNG\r\n\x1a\n", 8)) return ImageType::kPng;
  if (b.size() >= 3 && b.substr(0, 3) == std::string_view("\xff\xd8\xff", 3)) return ImageType::kJpeg;
  return ImageType::kUnknown;
}

Result<GrayImage> DecodeImage(std::string_view bytes) {
  if (bytes.size() > kMaxImageBytes)
    return Status::ResourceExhausted("image: larger than " + std::to_string(kMaxImageBytes) + " bytes");
  switch (SniffImageType(bytes)) {
    case ImageType::kPng: return DecodePng(bytes);
    case ImageType::kJpeg: return DecodeJpeg(bytes);
    case ImageType::kUnknown: break;
  }
  return Status::Malformed("image: not a PNG or JPEG file");
}

}  // namespace passerelle::qr
