// Passerelle verifier — QR codes in images, with zxing-cpp.
#include "verifier/qr/qr_scan.h"

#include <exception>
#include <fstream>

#include <ZXing/DecodeHints.h>
#include <ZXing/ImageView.h>
#include <ZXing/ReadBarcode.h>

#include "formats/qr_payload.h"

namespace passerelle::qr {

Result<std::string> ScanQrCode(const GrayImage& image) {
  if (image.width <= 0 || image.height <= 0 ||
      image.pixels.size() != static_cast<std::size_t>(image.width) * static_cast<std::size_t>(image.height))
    return Status::InvalidArgument("qr: empty or inconsistent image");
  try {
    ZXing::DecodeHints hints;
    hints.setFormats(ZXing::BarcodeFormat::QRCode);
    hints.setTryHarder(true);
    hints.setTryRotate(true);
    hints.setTryDownscale(true);
    ZXing::ImageView view(image.pixels.data(), image.width, image.height, ZXing::ImageFormat::Lum);
    ZXing::Result result = ZXing::ReadBarcode(view, hints);
    if (!result.isValid()) return Status::NotFound("no QR code found");
    const auto& bytes = result.bytes();
    return std::string(bytes.begin(), bytes.end());
  } catch (const std::exception& e) {
    return Status::Internal(std::string("qr: decoder failed: ") + e.what());
  }
}

Result<std::string> ReadQrCodeFile(const std::filesystem::path& path) {
  std::string where = "\"" + path.string() + "\"";
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IOError("cannot read " + where);
  std::string bytes(kMaxImageBytes + 1, '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  bytes.resize(static_cast<std::size_t>(in.gcount()));
  if (bytes.size() > kMaxImageBytes)
    return Status::ResourceExhausted(where + " is larger than " + std::to_string(kMaxImageBytes) + " bytes");
  auto image = DecodeImage(bytes);
  if (!image.ok()) return image.status().Annotate(where);
  auto text = ScanQrCode(*image);
  if (!text.ok()) {
    if (text.status().code() == Code::kNotFound)
      return Status::NotFound("no QR code found in " + where);
    return text.status().Annotate(where);
  }
  return text;
}

Result<std::string> DocumentFromQrText(std::string_view text, std::string_view subject) {
  auto document = DecodeQrPayload(text);
  if (document.ok()) return document;
  const Status& s = document.status();
  std::string who(subject);
  if (!LooksLikeQrPayload(text))
    return Status::Malformed(who + " is not a Passerelle credential or presentation (it does not start with \"" +
                             std::string(kQrPayloadPrefixV1) + "\")");
  if (s.code() == Code::kUnsupported) return Status::Unsupported(who + ": " + s.message() + "; update the verifier");
  return Status(s.code(), who + " is damaged or incomplete: " + s.message());
}

Result<std::string> DocumentFromQrImage(const std::filesystem::path& image) {
  PSL_ASSIGN_OR_RETURN(std::string text, ReadQrCodeFile(image));
  return DocumentFromQrText(text, "the QR code in \"" + image.string() + "\"");
}

}  // namespace passerelle::qr
