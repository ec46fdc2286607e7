// Passerelle — the QR payload codec: round trips, the exact-bytes promise,
// the alphanumeric alphabet, and every way a payload can be refused.
#include "formats/qr_payload.h"

#include <random>
#include <string>

#include <catch2/catch.hpp>

#include "formats/base45.h"
#include "formats/compression.h"
#include "formats/qr_dictionary_v1.h"

namespace passerelle {
namespace {

// A compact presentation of the shape the wallet writes (values made up).
const std::string kPresentation =
    R"({"@context":["https://www.w3.org/ns/credentials/v2"],"holder":"did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK",)"
    R"("proof":{"@context":["https://www.w3.org/ns/credentials/v2"],"challenge":"c-1","created":"2026-06-25T10:00:00Z",)"
    R"("cryptosuite":"eddsa-rdfc-2022","proofPurpose":"authentication","proofValue":"z3FXQqVz","type":"DataIntegrityProof",)"
    R"("verificationMethod":"did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK#z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK"},)"
    R"("type":["VerifiablePresentation"],"verifiableCredential":[{"@context":["https://www.w3.org/ns/credentials/v2","https://w3id.org/passerelle/v1"],)"
    R"("credentialSubject":{"achievement":{"title":{"en":"Clinical audit","fr":"Audit clinique"}},"id":"did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK"}}]})";

bool IsQrAlphanumeric(const std::string& s) {
  for (char c : s)
    if (kBase45Alphabet.find(c) == std::string_view::npos) return false;
  return true;
}

TEST_CASE("a payload carries the JSON bytes unchanged", "[qr_payload]") {
  auto payload = EncodeQrPayload(kPresentation);
  REQUIRE(payload.ok());
  CHECK(payload->rfind("PSL1:", 0) == 0);
  CHECK(IsQrAlphanumeric(*payload));
  CHECK(LooksLikeQrPayload(*payload));
  auto back = DecodeQrPayload(*payload);
  REQUIRE(back.ok());
  CHECK(*back == kPresentation);
  // Whitespace and key order survive: the codec never re-serialises.
  std::string odd = "{ \"b\" : 1,\n  \"a\": \"\xc3\xa9\\u00e9\" }";
  CHECK(*DecodeQrPayload(*EncodeQrPayload(odd)) == odd);
}

TEST_CASE("the dictionary makes payloads smaller than plain deflate", "[qr_payload]") {
  auto plain = Compress(kPresentation, ZFormat::kRawDeflate);
  auto payload = EncodeQrPayload(kPresentation);
  REQUIRE(plain.ok());
  REQUIRE(payload.ok());
  std::size_t plain_chars = EncodeBase45(*plain).size() + 5;
  CHECK(payload->size() * 10 < plain_chars * 7);  // at least 30% fewer characters
}

TEST_CASE("random binary content round-trips", "[qr_payload]") {
  std::mt19937 rng(7);
  for (int n = 0; n < 50; ++n) {
    std::string s(static_cast<std::size_t>(rng() % 3000), '\0');
    for (auto& c : s) c = static_cast<char>(rng() & 0xFF);
    auto p = EncodeQrPayload(s);
    REQUIRE(p.ok());
    CHECK(*DecodeQrPayload(*p) == s);
  }
}

TEST_CASE("the decoder refuses what is not a version-1 payload", "[qr_payload]") {
  auto code = [](std::string_view text) { return DecodeQrPayload(text).status().code(); };
  std::string body = EncodeQrPayload(kPresentation)->substr(5);
  SECTION("no prefix: random text, a URL, an empty string") {
    CHECK(code("hello world") == Code::kMalformed);
    CHECK(code("HTTPS://EXAMPLE.ORG/") == Code::kMalformed);
    CHECK(code("") == Code::kMalformed);
    CHECK(code("PSL") == Code::kMalformed);
    CHECK(code("PSL:" + body) == Code::kMalformed);
    CHECK(code("PSLX:" + body) == Code::kMalformed);
    CHECK(code("psl1:" + body) == Code::kMalformed);
    CHECK(code("PSL01:" + body) == Code::kMalformed);
    CHECK(code(body) == Code::kMalformed);
    CHECK_FALSE(LooksLikeQrPayload("hello"));
    CHECK(DecodeQrPayload("hello").status().message().find("PSL1:") != std::string::npos);
  }
  SECTION("an unknown version") {
    CHECK(code("PSL2:" + body) == Code::kUnsupported);
    CHECK(code("PSL9999:" + body) == Code::kUnsupported);
    CHECK(LooksLikeQrPayload("PSL2:" + body));
    CHECK(DecodeQrPayload("PSL2:" + body).status().message().find("version 2") != std::string::npos);
  }
  SECTION("not base45") {
    CHECK(code("PSL1:abc") == Code::kMalformed);
    CHECK(code("PSL1:" + body + "A") == Code::kMalformed);  // 3n+1 characters
    CHECK(code("PSL1:") == Code::kMalformed);
  }
  SECTION("corrupt, truncated or padded deflate data") {
    CHECK(code("PSL1:" + body.substr(0, body.size() / 2 / 3 * 3)) == Code::kMalformed);
    std::string trailing = EncodeBase45(*Compress(kPresentation, ZFormat::kRawDeflate, QrDictionaryV1()) + "xy");
    CHECK(code("PSL1:" + trailing) == Code::kMalformed);
    CHECK(code("PSL1:" + EncodeBase45(std::string(40, '\xff'))) == Code::kMalformed);
  }
  SECTION("too long to be a QR payload") {
    CHECK(code("PSL1:" + std::string(kMaxQrPayloadChars, '0')) == Code::kResourceExhausted);
  }
}

TEST_CASE("decompression is capped at 64 KiB", "[qr_payload]") {
  // A deflate bomb: 1 MiB of zeros is ~1 KiB compressed.
  auto bomb = Compress(std::string(1 << 20, '0'), ZFormat::kRawDeflate, QrDictionaryV1());
  REQUIRE(bomb.ok());
  auto s = DecodeQrPayload("PSL1:" + EncodeBase45(*bomb));
  CHECK(s.status().code() == Code::kResourceExhausted);
  // The encoder refuses what a decoder would refuse.
  CHECK(EncodeQrPayload(std::string(kMaxQrJsonBytes + 1, 'x')).status().code() == Code::kResourceExhausted);
  auto at_limit = EncodeQrPayload(std::string(kMaxQrJsonBytes, 'x'));
  REQUIRE(at_limit.ok());
  CHECK(DecodeQrPayload(*at_limit)->size() == kMaxQrJsonBytes);
}

TEST_CASE("decoding garbage never throws", "[qr_payload]") {
  std::mt19937 rng(11);
  for (int n = 0; n < 2000; ++n) {
    std::string s = "PSL1:";
    std::size_t len = rng() % 300;
    for (std::size_t i = 0; i < len; ++i)
      s += kBase45Alphabet[rng() % kBase45Alphabet.size()];
    CHECK_NOTHROW((void)DecodeQrPayload(s));
  }
}

}  // namespace
}  // namespace passerelle
