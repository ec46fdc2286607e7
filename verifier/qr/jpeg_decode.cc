// Passerelle verifier — JPEG to grayscale with libjpeg. libjpeg reports
// fatal errors by calling error_exit, which here longjmps back into
// DecodeJpegInto; no C++ object with a destructor lives between the setjmp
// and the libjpeg calls that may jump.
#include <csetjmp>
#include <cstdio>

#include <jpeglib.h>

#include "verifier/qr/image_decode.h"

namespace passerelle::qr {
namespace {

struct ErrorManager {
  jpeg_error_mgr base;
  std::jmp_buf jump;
  char message[JMSG_LENGTH_MAX];
};

void OnError(j_common_ptr cinfo) {
  auto* err = reinterpret_cast<ErrorManager*>(cinfo->err);
  (*cinfo->err->format_message)(cinfo, err->message);
  std::longjmp(err->jump, 1);
}

void OnMessage(j_common_ptr) {}  // warnings (e.g. extraneous bytes) stay quiet

enum class Outcome { kOk, kError, kTooLarge };

// Decodes into `out` (pre-sized by the callback-free two-step protocol).
// Only plain C data crosses the setjmp.
Outcome DecodeJpegInto(const unsigned char* data, unsigned long size, GrayImage* out, char* message,
                       std::size_t message_size) {
  jpeg_decompress_struct cinfo;
  ErrorManager err;
  cinfo.err = jpeg_std_error(&err.base);
  err.base.error_exit = OnError;
  err.base.output_message = OnMessage;
  err.message[0] = '\0';
  if (setjmp(err.jump)) {
    std::snprintf(message, message_size, "%s", err.message);
    jpeg_destroy_decompress(&cinfo);
    return Outcome::kError;
  }
  jpeg_create_decompress(&cinfo);
  jpeg_mem_src(&cinfo, data, size);
  jpeg_read_header(&cinfo, TRUE);
  cinfo.out_color_space = JCS_GRAYSCALE;
  std::uint64_t pixels = std::uint64_t{cinfo.image_width} * cinfo.image_height;
  if (cinfo.image_width == 0 || cinfo.image_height == 0 || pixels > kMaxImagePixels) {
    std::snprintf(message, message_size, "%u×%u pixels is over the limit", cinfo.image_width, cinfo.image_height);
    jpeg_destroy_decompress(&cinfo);
    return Outcome::kTooLarge;
  }
  jpeg_start_decompress(&cinfo);
  out->width = static_cast<int>(cinfo.output_width);
  out->height = static_cast<int>(cinfo.output_height);
  out->pixels.resize(static_cast<std::size_t>(cinfo.output_width) * cinfo.output_height);
  while (cinfo.output_scanline < cinfo.output_height) {
    JSAMPROW row = out->pixels.data() + static_cast<std::size_t>(cinfo.output_scanline) * cinfo.output_width;
    jpeg_read_scanlines(&cinfo, &row, 1);
  }
  jpeg_finish_decompress(&cinfo);
  jpeg_destroy_decompress(&cinfo);
  return Outcome::kOk;
}

}  // namespace

Result<GrayImage> DecodeJpeg(std::string_view bytes) {
  GrayImage out;
  char message[JMSG_LENGTH_MAX] = {0};
  Outcome outcome = DecodeJpegInto(reinterpret_cast<const unsigned char*>(bytes.data()),
                                   static_cast<unsigned long>(bytes.size()), &out, message, sizeof message);
  switch (outcome) {
    case Outcome::kOk: return out;
    case Outcome::kTooLarge: return Status::ResourceExhausted(std::string("jpeg: ") + message);
    case Outcome::kError: break;
  }
  return Status::Malformed(std::string("jpeg: ") + message);
}

}  // namespace passerelle::qr
