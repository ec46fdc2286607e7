// Passerelle wallet — QR encoding with qrcodegen; SVG and terminal renderings.
#include "wallet-cli/qr_render.h"

#include <cstdint>
#include <exception>

#include <qrcodegen/qrcodegen.hpp>

#include "formats/base45.h"

namespace passerelle::wallet {

namespace {

// The smallest QR code at error correction level M holding `segments`.
// Errors: kResourceExhausted ("qr: " + `too_long`), kInternal.
Result<QrMatrix> EncodeSegments(const std::vector<qrcodegen::QrSegment>& segments, const std::string& too_long) try {
  qrcodegen::QrCode code = qrcodegen::QrCode::encodeSegments(segments, qrcodegen::QrCode::Ecc::MEDIUM,
                                                             qrcodegen::QrCode::MIN_VERSION,
                                                             qrcodegen::QrCode::MAX_VERSION, /*mask=*/-1,
                                                             /*boostEcl=*/false);
  QrMatrix m;
  m.version = code.getVersion();
  m.size = code.getSize();
  m.dark.resize(static_cast<std::size_t>(m.size) * static_cast<std::size_t>(m.size));
  for (int y = 0; y < m.size; ++y)
    for (int x = 0; x < m.size; ++x) m.dark[static_cast<std::size_t>(y * m.size + x)] = code.getModule(x, y);
  return m;
} catch (const qrcodegen::data_too_long&) {
  return Status::ResourceExhausted("qr: " + too_long);
} catch (const std::exception& e) {
  return Status::Internal(std::string("qr: ") + e.what());
}

}  // namespace

Result<QrMatrix> EncodeQrMatrix(std::string_view payload) {
  for (std::size_t i = 0; i < payload.size(); ++i)
    if (kBase45Alphabet.find(payload[i]) == std::string_view::npos)
      return Status::InvalidArgument("qr: character at offset " + std::to_string(i) +
                                     " is outside the QR alphanumeric set");
  std::string text(payload);
  return EncodeSegments({qrcodegen::QrSegment::makeAlphanumeric(text.c_str())},
                        std::to_string(payload.size()) +
                            " characters do not fit in a QR code (version 40 at level M holds 3391)");
}

Result<QrMatrix> EncodeQrText(std::string_view text) {
  std::vector<std::uint8_t> bytes(text.begin(), text.end());
  return EncodeSegments({qrcodegen::QrSegment::makeBytes(bytes)},
                        std::to_string(text.size()) + " bytes do not fit in a QR code");
}

std::string RenderSvg(const QrMatrix& qr) {
  int full = qr.size + 2 * kQuietZoneModules;
  std::string path;
  for (int y = 0; y < qr.size; ++y)
    for (int x = 0; x < qr.size; ++x)
      if (qr.At(x, y))
        path += "M" + std::to_string(x + kQuietZoneModules) + "," + std::to_string(y + kQuietZoneModules) +
                "h1v1h-1z";
  std::string n = std::to_string(full);
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" viewBox=\"0 0 " + n + " " + n +
         "\" width=\"" + std::to_string(full * 8) + "\" height=\"" + std::to_string(full * 8) +
         "\" shape-rendering=\"crispEdges\">\n"
         "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n"
         "<path d=\"" + path + "\" fill=\"#000000\"/>\n"
         "</svg>\n";
}

std::string RenderTerminal(const QrMatrix& qr) {
  // Black foreground on bright white background, whatever the theme.
  constexpr std::string_view kPaint = "\x1b[30;107m";
  constexpr std::string_view kReset = "\x1b[0m";
  constexpr std::string_view kUpper = "\xe2\x96\x80";  // ▀ top module dark
  constexpr std::string_view kLower = "\xe2\x96\x84";  // ▄ bottom module dark
  constexpr std::string_view kFull = "\xe2\x96\x88";   // █ both dark
  std::string out;
  int first = -kQuietZoneModules;
  int last = qr.size + kQuietZoneModules;  // exclusive
  for (int y = first; y < last; y += 2) {
    out += kPaint;
    for (int x = first; x < last; ++x) {
      bool top = qr.At(x, y);
      bool bottom = y + 1 < last && qr.At(x, y + 1);
      if (top && bottom) out += kFull;
      else if (top) out += kUpper;
      else if (bottom) out += kLower;
      else out += ' ';
    }
    out += kReset;
    out += '\n';
  }
  return out;
}

}  // namespace passerelle::wallet
