// Passerelle wallet — QR codes for payloads: the module grid and its
// renderings (PNG, SVG, terminal).
//
// A payload (formats/qr_payload.h) is all QR-alphanumeric, so it is encoded
// as one alphanumeric segment at error-correction level M (about 15% of the
// symbol can be damaged), with the smallest version that fits. Every
// rendering keeps the 4-module quiet zone a scanner needs. Stateless;
// thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "formats/status.h"

namespace passerelle::wallet {

inline constexpr int kQuietZoneModules = 4;

struct QrMatrix {
  int version = 0;  // 1…40
  int size = 0;     // modules per side: 17 + 4 × version
  std::vector<bool> dark;  // row-major, size × size

  bool At(int x, int y) const {
    return x >= 0 && y >= 0 && x < size && y < size && dark[static_cast<std::size_t>(y * size + x)];
  }
};

// Encodes `payload` (QR-alphanumeric characters only) at level M.
// Errors: kInvalidArgument (a character outside the alphanumeric set),
// kResourceExhausted (more than a version 40 symbol holds).
Result<QrMatrix> EncodeQrMatrix(std::string_view payload);

// Encodes any text (UTF-8, byte mode) at level M, e.g. an OID4VCI offer
// URI (`issuer batch --offers`). Errors: kResourceExhausted (too long).
Result<QrMatrix> EncodeQrText(std::string_view text);

// An 8-bit grayscale PNG, `scale` pixels per module, black on white.
// Errors: kInternal (libpng failed), kInvalidArgument (scale < 1 or too big).
Result<std::string> RenderPng(const QrMatrix& qr, int scale = 8);

// A standalone SVG document: one path of unit squares, black on white.
std::string RenderSvg(const QrMatrix& qr);

// Text for a terminal: UTF-8 half blocks, two module rows per line, each
// line painted black on white with ANSI colours (so it scans whatever the
// terminal's theme) and reset at its end. Lines are 2 × quiet zone + size
// characters wide.
std::string RenderTerminal(const QrMatrix& qr);

}  // namespace passerelle::wallet
