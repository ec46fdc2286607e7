// Passerelle verifier — finding and reading the QR code in an image, and
// turning a Passerelle QR payload back into the document to verify.
//
// Decoding uses zxing-cpp (Debian libzxing-dev), which copes with photos:
// perspective, rotation, uneven light. Bounded and exception-free at this
// boundary. Stateless; thread-safe.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "formats/status.h"
#include "verifier/qr/image_decode.h"

namespace passerelle::qr {

// Returns the text of the (first) QR code in `image`. Images over 4 MP are
// scanned downscaled; the decoder runs in a child process with an 8 s
// deadline, so a crafted image cannot hang the caller.
// Errors: kNotFound when the image holds no readable QR code,
// kResourceExhausted when decoding runs out of time.
Result<std::string> ScanQrCode(const GrayImage& image);

// Decodes a PNG or JPEG given as bytes (an upload) and returns the text of
// its QR code; the image decoders and the QR decoder both run in the child
// process, under the same deadline, so hostile bytes cannot crash or hang
// the caller. Errors: kResourceExhausted (over kMaxImageBytes, too many
// pixels, out of time), kMalformed (not a PNG/JPEG, corrupt), kNotFound
// (no QR code found).
Result<std::string> ReadQrCodeBytes(std::string_view bytes);

// Reads a PNG or JPEG file and returns the text of its QR code.
// Errors: kIOError (unreadable file), kMalformed (not a PNG/JPEG, corrupt),
// kResourceExhausted (too large), kNotFound (no QR code found).
Result<std::string> ReadQrCodeFile(const std::filesystem::path& image);

// The JSON document a Passerelle QR payload carries, with messages meant
// for someone holding a code that is not ours. `subject` starts each
// message: "the QR code in \"photo.jpg\"", "--qr-text".
// Errors: those of DecodeQrPayload.
Result<std::string> DocumentFromQrText(std::string_view text, std::string_view subject);

// ReadQrCodeFile then DocumentFromQrText: the document a photo of a
// Passerelle QR code carries. Errors: those of both.
Result<std::string> DocumentFromQrImage(const std::filesystem::path& image);

}  // namespace passerelle::qr
