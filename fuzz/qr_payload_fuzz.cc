// Fuzz target: the QR payload decoder (formats/qr_payload.h): prefix,
// base45, raw inflate with the preset dictionary and its output cap.
// Invariant: the JSON bytes a payload carries encode to a payload that
// decodes to the same bytes.
#include "formats/qr_payload.h"
#include "fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace passerelle;
  std::string_view text = fuzz::Text(data, size);
  (void)LooksLikeQrPayload(text);
  auto json = DecodeQrPayload(text);
  if (!json.ok()) return 0;
  fuzz::Check(json->size() <= kMaxQrJsonBytes, "inflated past kMaxQrJsonBytes");
  auto payload = EncodeQrPayload(*json);
  fuzz::Check(payload.ok(), "re-encoding a decoded payload failed");
  auto again = DecodeQrPayload(*payload);
  fuzz::Check(again.ok() && *again == *json, "QR payload round trip");
  return 0;
}
