// Passerelle — zlib wrappers with output caps.
#include "formats/compression.h"

#include <zlib.h>

namespace passerelle {
namespace {

int WindowBits(ZFormat f) {
  switch (f) {
    case ZFormat::kGzip: return 15 + 16;
    case ZFormat::kRawDeflate: return -15;
    case ZFormat::kZlib: return 15;
  }
  return 15;
}

}  // namespace

Result<std::string> Compress(std::string_view data, ZFormat format, std::string_view dictionary) {
  z_stream zs{};
  if (deflateInit2(&zs, Z_BEST_COMPRESSION, Z_DEFLATED, WindowBits(format), 9, Z_DEFAULT_STRATEGY) != Z_OK)
    return Status::Internal("deflate: init failed");
  if (!dictionary.empty() && format != ZFormat::kGzip &&
      deflateSetDictionary(&zs, reinterpret_cast<const Bytef*>(dictionary.data()),
                           static_cast<uInt>(dictionary.size())) != Z_OK) {
    deflateEnd(&zs);
    return Status::Internal("deflate: dictionary rejected");
  }
  std::string out(deflateBound(&zs, data.size()) + 32, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  int rc = deflate(&zs, Z_FINISH);
  std::size_t produced = zs.total_out;
  deflateEnd(&zs);
  if (rc != Z_STREAM_END) return Status::Internal("deflate: did not finish");
  out.resize(produced);
  return out;
}

Result<std::string> Decompress(std::string_view data, ZFormat format, std::size_t max_output,
                               std::string_view dictionary) {
  z_stream zs{};
  if (inflateInit2(&zs, WindowBits(format)) != Z_OK) return Status::Internal("inflate: init failed");
  if (!dictionary.empty() && format == ZFormat::kRawDeflate &&
      inflateSetDictionary(&zs, reinterpret_cast<const Bytef*>(dictionary.data()),
                           static_cast<uInt>(dictionary.size())) != Z_OK) {
    inflateEnd(&zs);
    return Status::Internal("inflate: dictionary rejected");
  }
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  std::string out;
  char buf[16384];
  int rc = Z_OK;
  while (rc != Z_STREAM_END) {
    zs.next_out = reinterpret_cast<Bytef*>(buf);
    zs.avail_out = sizeof buf;
    rc = inflate(&zs, Z_NO_FLUSH);
    if (rc == Z_NEED_DICT && !dictionary.empty() && format == ZFormat::kZlib) {
      inflateSetDictionary(&zs, reinterpret_cast<const Bytef*>(dictionary.data()),
                           static_cast<uInt>(dictionary.size()));
      continue;
    }
    if (rc != Z_OK && rc != Z_STREAM_END) {
      inflateEnd(&zs);
      if (rc == Z_BUF_ERROR) return Status::Malformed("inflate: truncated compressed data");
      return Status::Malformed(std::string("inflate: corrupt compressed data") + (zs.msg ? std::string(" (") + zs.msg + ")" : ""));
    }
    std::size_t produced = sizeof buf - zs.avail_out;
    if (out.size() + produced > max_output) {
      inflateEnd(&zs);
      return Status::ResourceExhausted("inflate: output exceeds the limit of " + std::to_string(max_output) + " bytes");
    }
    out.append(buf, produced);
    if (rc == Z_OK && produced == 0 && zs.avail_in == 0) {
      inflateEnd(&zs);
      return Status::Malformed("inflate: truncated compressed data");
    }
  }
  bool trailing = zs.avail_in != 0;
  inflateEnd(&zs);
  if (trailing) return Status::Malformed("inflate: trailing bytes after the compressed data");
  return out;
}

}  // namespace passerelle
