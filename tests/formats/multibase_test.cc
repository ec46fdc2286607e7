// Tests for formats/multibase.h.
#include "formats/multibase.h"

#include <catch2/catch.hpp>

namespace passerelle {
namespace {

TEST_CASE("multibase: base58btc round-trips, keeps leading zeros", "[multibase]") {
  CHECK(EncodeBase58("") == "");
  CHECK(EncodeBase58(std::string("\0\0\x01", 3)) == "112");
  CHECK(EncodeBase58("hello world") == "StV1DL6CwTryKyV");
  auto d = DecodeBase58("StV1DL6CwTryKyV");
  REQUIRE(d.ok());
  CHECK(*d == "hello world");
  auto z = DecodeBase58("112");
  REQUIRE(z.ok());
  CHECK(*z == std::string("\0\0\x01", 3));
}

TEST_CASE("multibase: invalid input is refused", "[multibase]") {
  CHECK(DecodeBase58("0OIl").status().code() == Code::kMalformed);
  CHECK(DecodeBase58(std::string(kMaxBase58Chars + 1, '2')).status().code() == Code::kResourceExhausted);
  CHECK(DecodeMultibase("").status().code() == Code::kMalformed);
  CHECK(DecodeMultibase("mAAAA").status().code() == Code::kMalformed);  // base64 with padding: unsupported
  CHECK(DecodeBase64Url("ab=").status().code() == Code::kMalformed);
  CHECK(DecodeBase64Url("a+b").status().code() == Code::kMalformed);
  CHECK(DecodeBase64Url("a").status().code() == Code::kMalformed);
}

TEST_CASE("multibase: the vc-di-eddsa public key decodes to 0xed01 + 32 bytes", "[multibase]") {
  auto d = DecodeMultibase("z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2");
  REQUIRE(d.ok());
  CHECK(d->base == Multibase::kBase58Btc);
  REQUIRE(d->bytes.size() == 34);
  CHECK(static_cast<unsigned char>(d->bytes[0]) == 0xed);
  CHECK(static_cast<unsigned char>(d->bytes[1]) == 0x01);
  CHECK(EncodeMultibase(Multibase::kBase58Btc, d->bytes) == "z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2");
}

TEST_CASE("multibase: base64url and hex round-trip", "[multibase]") {
  std::string bytes = "\xff\xfe\x00\x01 binary";
  bytes.push_back('\0');
  auto u = DecodeMultibase(EncodeMultibase(Multibase::kBase64Url, bytes));
  REQUIRE(u.ok());
  CHECK(u->bytes == bytes);
  CHECK(EncodeBase64Url("\xfb\xff") == "-_8");
  auto h = HexDecode(HexEncode(bytes));
  REQUIRE(h.ok());
  CHECK(*h == bytes);
  CHECK_FALSE(HexDecode("abc").ok());
  CHECK_FALSE(HexDecode("zz").ok());
}

}  // namespace
}  // namespace passerelle
