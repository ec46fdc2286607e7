// Passerelle — the QR payload codec: prefix, raw deflate with a preset
// dictionary, base45.
#include "formats/qr_payload.h"

#include "formats/base45.h"
#include "formats/compression.h"
#include "formats/qr_dictionary_v1.h"

namespace passerelle {
namespace {

constexpr std::string_view kMagic = "PSL";
constexpr std::size_t kMaxVersionDigits = 4;

struct Header {
  int version = 0;
  std::size_t length = 0;  // bytes of "PSL<n>:"
};

// Parses "PSL" 1*4DIGIT ":"; length 0 when `text` does not start so.
Header ParseHeader(std::string_view text) {
  if (text.substr(0, kMagic.size()) != kMagic) return {};
  std::size_t i = kMagic.size();
  int version = 0;
  while (i < text.size() && i - kMagic.size() < kMaxVersionDigits && text[i] >= '0' && text[i] <= '9')
    version = version * 10 + (text[i++] - '0');
  // One to four digits, no leading zero, then ':'.
  if (i == kMagic.size() || text[kMagic.size()] == '0' || i >= text.size() || text[i] != ':')
    return {};
  return {version, i + 1};
}

}  // namespace

Result<std::string> EncodeQrPayload(std::string_view json) {
  if (json.size() > kMaxQrJsonBytes)
    return Status::ResourceExhausted("qr payload: the document is " + std::to_string(json.size()) +
                                     " bytes, more than the " + std::to_string(kMaxQrJsonBytes) +
                                     " a payload may carry");
  PSL_ASSIGN_OR_RETURN(std::string deflated,
                       Compress(json, ZFormat::kRawDeflate, QrDictionaryV1()));
  return std::string(kQrPayloadPrefixV1) + EncodeBase45(deflated);
}

bool LooksLikeQrPayload(std::string_view text) { return ParseHeader(text).length != 0; }

Result<std::string> DecodeQrPayload(std::string_view text) {
  if (text.size() > kMaxQrPayloadChars)
    return Status::ResourceExhausted("qr payload: " + std::to_string(text.size()) +
                                     " characters, more than the " +
                                     std::to_string(kMaxQrPayloadChars) + " a payload may have");
  Header header = ParseHeader(text);
  if (header.length == 0)
    return Status::Malformed("qr payload: not a Passerelle payload (it does not start with \"" +
                             std::string(kQrPayloadPrefixV1) + "\")");
  if (header.version != kQrPayloadVersion)
    return Status::Unsupported("qr payload: version " + std::to_string(header.version) +
                               " is not supported (this build reads version " +
                               std::to_string(kQrPayloadVersion) + ")");
  auto deflated = DecodeBase45(text.substr(header.length));
  if (!deflated.ok()) return deflated.status().Annotate("qr payload");
  if (deflated->empty()) return Status::Malformed("qr payload: no data after the prefix");
  auto json = Decompress(*deflated, ZFormat::kRawDeflate, kMaxQrJsonBytes, QrDictionaryV1());
  if (!json.ok()) return json.status().Annotate("qr payload");
  return json;
}

}  // namespace passerelle
