// Fuzz target: the text encodings of keys, proofs and QR payloads —
// multibase, base58btc, base64url, hex (formats/multibase.h) and base45
// (formats/base45.h). Invariants: every decoded value encodes back to bytes
// that decode to it again; base45 is canonical (one encoding per byte string).
#include "formats/base45.h"
#include "formats/multibase.h"
#include "fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace passerelle;
  std::string_view text = fuzz::Text(data, size);
  if (auto v = DecodeMultibase(text); v.ok()) {
    auto back = DecodeMultibase(EncodeMultibase(v->base, v->bytes));
    fuzz::Check(back.ok() && back->bytes == v->bytes, "multibase round trip");
  }
  if (auto v = DecodeBase58(text); v.ok()) {
    fuzz::Check(EncodeBase58(*v) == text, "base58 is not canonical");
  }
  if (auto v = DecodeBase64Url(text); v.ok()) {
    auto back = DecodeBase64Url(EncodeBase64Url(*v));
    fuzz::Check(back.ok() && *back == *v, "base64url round trip");
  }
  if (auto v = HexDecode(text); v.ok()) {
    auto back = HexDecode(HexEncode(*v));
    fuzz::Check(back.ok() && *back == *v, "hex round trip");
  }
  if (auto v = DecodeBase45(text); v.ok()) {
    fuzz::Check(EncodeBase45(*v) == text, "base45 is not canonical");
  }
  // Bytes as the payload: encoders never fail and always decode back.
  auto b45 = DecodeBase45(EncodeBase45(text));
  fuzz::Check(b45.ok() && *b45 == text, "base45 encode/decode");
  auto b58 = DecodeBase58(EncodeBase58(text.substr(0, 1024)));
  fuzz::Check(b58.ok() && *b58 == text.substr(0, 1024), "base58 encode/decode");
  return 0;
}
