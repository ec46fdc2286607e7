// formats/digest: SHA-256 (FIPS 180-4 test vectors).
#include <catch2/catch.hpp>

#include "formats/digest.h"

namespace passerelle {
namespace {

TEST_CASE("digest: SHA-256 of the FIPS 180-4 examples", "[formats][digest]") {
  CHECK(Sha256Hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(Sha256Hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(Sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  CHECK(Sha256Hex(std::string(1000000, 'a')) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
  const std::string raw = Sha256("abc");
  REQUIRE(raw.size() == 32);
  CHECK(static_cast<unsigned char>(raw[0]) == 0xba);
  CHECK(static_cast<unsigned char>(raw[31]) == 0xad);
  CHECK(Sha256Hex(std::string("a\0b", 3)) != Sha256Hex("a"));  // bytes, not C strings
}

TEST_CASE("digest: AppendSha256 appends after what the buffer holds", "[formats][digest]") {
  std::string out = "prefix";
  AppendSha256("abc", out);
  AppendSha256("", out);
  REQUIRE(out.size() == 6 + 64);
  CHECK(out.substr(0, 6) == "prefix");
  CHECK(out.substr(6, 32) == Sha256("abc"));
  CHECK(out.substr(38) == Sha256(""));
  // The reused per-thread context leaves nothing of one digest in the next.
  CHECK(Sha256("abc") == out.substr(6, 32));
}

}  // namespace
}  // namespace passerelle
