// Passerelle verifier — QR codes in images, with zxing-cpp.
#include "verifier/qr/qr_scan.h"

#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <exception>
#include <functional>

#include <ZXing/DecodeHints.h>
#include <ZXing/ImageView.h>
#include <ZXing/ReadBarcode.h>

#include "env/env.h"
#include "formats/qr_payload.h"

namespace passerelle::qr {

namespace {

// Photos are scanned at no more than this many pixels: a QR code that fills
// a fair part of a 12 MP photo keeps several pixels per module at 4 MP, and
// the decoder's work grows with the area.
constexpr std::uint64_t kMaxScanPixels = 4'000'000;
// Wall-clock budget for one scan: a crafted image (say, tiled finder
// patterns) makes the decoder's pattern search combinatorial.
constexpr int kScanSeconds = 8;

// Averages `factor`×`factor` blocks.
GrayImage Downscale(const GrayImage& in, int factor) {
  GrayImage out;
  out.width = in.width / factor;
  out.height = in.height / factor;
  out.pixels.resize(static_cast<std::size_t>(out.width) * out.height);
  for (int y = 0; y < out.height; ++y)
    for (int x = 0; x < out.width; ++x) {
      unsigned sum = 0;
      for (int dy = 0; dy < factor; ++dy)
        for (int dx = 0; dx < factor; ++dx)
          sum += in.pixels[static_cast<std::size_t>(y * factor + dy) * in.width + (x * factor + dx)];
      out.pixels[static_cast<std::size_t>(y) * out.width + x] = static_cast<std::uint8_t>(sum / (factor * factor));
    }
  return out;
}

Result<std::string> ScanUnbounded(const GrayImage& image) {
  try {
    ZXing::DecodeHints hints;
    hints.setFormats(ZXing::BarcodeFormat::QRCode);
    hints.setTryHarder(true);
    hints.setTryRotate(false);  // QR detection is rotation-invariant; this only multiplies the work
    hints.setTryDownscale(true);
    hints.setMaxNumberOfSymbols(1);
    ZXing::ImageView view(image.pixels.data(), image.width, image.height, ZXing::ImageFormat::Lum);
    ZXing::Result result = ZXing::ReadBarcode(view, hints);
    if (!result.isValid()) return Status::NotFound("no QR code found");
    const auto& bytes = result.bytes();
    return std::string(bytes.begin(), bytes.end());
  } catch (const std::exception& e) {
    return Status::Internal(std::string("qr: decoder failed: ") + e.what());
  }
}


// `image` at no more than kMaxScanPixels.
GrayImage Bounded(GrayImage image) {
  std::uint64_t area = static_cast<std::uint64_t>(image.width) * image.height;
  if (area <= kMaxScanPixels) return image;
  int factor = 2;
  while (area / (static_cast<std::uint64_t>(factor) * factor) > kMaxScanPixels) ++factor;
  return Downscale(image, factor);
}

// Runs `work` in a child process with a CPU limit and a wall-clock deadline
// of kScanSeconds, so that no input, however crafted, can hang or crash the
// caller; its Status (code and message) comes back over a pipe. Falls back
// to running it here when the system cannot fork.
Result<std::string> InChild(const std::function<Result<std::string>()>& work) {
  int fds[2];
  if (pipe(fds) != 0) return work();
  pid_t pid = fork();
  if (pid < 0) {
    close(fds[0]);
    close(fds[1]);
    return work();
  }
  if (pid == 0) {
    close(fds[0]);
    rlimit cpu{kScanSeconds, kScanSeconds + 1};
    setrlimit(RLIMIT_CPU, &cpu);
    auto text = work();
    std::string reply = text.ok() ? "T" + *text
                                  : "E" + std::to_string(static_cast<int>(text.status().code())) + ":" +
                                        text.status().message();
    std::size_t off = 0;
    while (off < reply.size()) {
      ssize_t n = write(fds[1], reply.data() + off, reply.size() - off);
      if (n <= 0) break;
      off += static_cast<std::size_t>(n);
    }
    _exit(0);
  }
  close(fds[1]);
  std::string reply;
  char buf[4096];
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(kScanSeconds);
  bool timed_out = false;
  while (true) {
    int left = static_cast<int>(std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now()).count());
    if (left <= 0) {
      timed_out = true;
      break;
    }
    pollfd p{fds[0], POLLIN, 0};
    int r = poll(&p, 1, left);
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) {
      timed_out = r == 0;
      break;
    }
    ssize_t n = read(fds[0], buf, sizeof buf);
    if (n <= 0) break;
    reply.append(buf, static_cast<std::size_t>(n));
  }
  close(fds[0]);
  if (timed_out) kill(pid, SIGKILL);
  int status = 0;
  waitpid(pid, &status, 0);
  if (timed_out || (WIFSIGNALED(status) && reply.empty()))
    return Status::ResourceExhausted("qr: decoding did not finish within " + std::to_string(kScanSeconds) +
                                     " s (the image is too complex)");
  if (reply.empty()) return Status::Internal("qr: the decoder stopped without an answer");
  if (reply[0] == 'T') return reply.substr(1);
  std::size_t colon = reply.find(':');
  int code = colon == std::string::npos ? -1 : std::atoi(reply.c_str() + 1);
  if (code <= 0 || code > static_cast<int>(Code::kInternal)) return Status::Internal("qr: " + reply.substr(1));
  return Status(static_cast<Code>(code), reply.substr(colon + 1));
}

}  // namespace

Result<std::string> ScanQrCode(const GrayImage& image) {
  if (image.width <= 0 || image.height <= 0 ||
      image.pixels.size() != static_cast<std::size_t>(image.width) * static_cast<std::size_t>(image.height))
    return Status::InvalidArgument("qr: empty or inconsistent image");
  const GrayImage scan = Bounded(image);
  return InChild([&] { return ScanUnbounded(scan); });
}

Result<std::string> ReadQrCodeBytes(std::string_view bytes) {
  if (bytes.size() > kMaxImageBytes)
    return Status::ResourceExhausted("the image is larger than " + std::to_string(kMaxImageBytes) + " bytes");
  return InChild([&]() -> Result<std::string> {
    auto image = DecodeImage(bytes);
    if (!image.ok()) return image.status();
    if (image->width <= 0 || image->height <= 0) return Status::Malformed("qr: an empty image");
    return ScanUnbounded(Bounded(std::move(*image)));
  });
}

Result<std::string> ReadQrCodeFile(const std::filesystem::path& path) {
  std::string where = "\"" + path.string() + "\"";
  auto bytes = Env::Default().ReadFileBounded(path, kMaxImageBytes);
  // kNotFound is kept for "no QR code in the image": a file that cannot be read is an I/O error.
  if (!bytes.ok() && bytes.status().code() != Code::kResourceExhausted) return Status::IOError(bytes.status().message());
  if (!bytes.ok()) return bytes.status();
  auto image = DecodeImage(*bytes);
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
