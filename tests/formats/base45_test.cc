// Passerelle — base45 (RFC 9285): the RFC's examples, round trips, and
// every class of malformed input.
#include "formats/base45.h"

#include <random>
#include <string>

#include <catch2/catch.hpp>

namespace passerelle {
namespace {

TEST_CASE("base45 encodes the RFC 9285 examples", "[base45]") {
  CHECK(EncodeBase45("AB") == "BB8");
  CHECK(EncodeBase45("Hello!!") == "%69 VD92EX0");
  CHECK(EncodeBase45("base-45") == "UJCLQE7W581");
  CHECK(EncodeBase45("ietf!") == "QED8WEX0");
  CHECK(EncodeBase45("") == "");
}

TEST_CASE("base45 decodes the RFC 9285 examples", "[base45]") {
  CHECK(*DecodeBase45("QED8WEX0") == "ietf!");
  CHECK(*DecodeBase45("BB8") == "AB");
  CHECK(*DecodeBase45("%69 VD92EX0") == "Hello!!");
  CHECK(*DecodeBase45("") == "");
}

TEST_CASE("base45 round-trips every byte value and random strings", "[base45]") {
  std::string all;
  for (int i = 0; i < 256; ++i) all += static_cast<char>(i);
  CHECK(*DecodeBase45(EncodeBase45(all)) == all);
  CHECK(*DecodeBase45(EncodeBase45(std::string(2, '\xff'))) == std::string(2, '\xff'));
  CHECK(EncodeBase45(std::string(2, '\xff')) == "FGW");
  std::mt19937 rng(45);
  for (int n = 0; n < 200; ++n) {
    std::string s(static_cast<std::size_t>(rng() % 97), '\0');
    for (auto& c : s) c = static_cast<char>(rng() & 0xFF);
    std::string text = EncodeBase45(s);
    CHECK(text.size() == s.size() / 2 * 3 + (s.size() % 2) * 2);
    for (char c : text) CHECK(kBase45Alphabet.find(c) != std::string_view::npos);
    CHECK(*DecodeBase45(text) == s);
  }
}

TEST_CASE("base45 refuses malformed input", "[base45]") {
  auto code = [](std::string_view text) { return DecodeBase45(text).status().code(); };
  SECTION("characters outside the alphabet, lower case included") {
    CHECK(code("bb8") == Code::kMalformed);
    CHECK(code("BB#") == Code::kMalformed);
    CHECK(code("BB8\n") == Code::kMalformed);
    CHECK(code(std::string("BB\0", 3)) == Code::kMalformed);
    CHECK(code("BB\xc3\xa9") == Code::kMalformed);
    CHECK(DecodeBase45("BB8BB=").status().message().find("offset 5") != std::string::npos);
  }
  SECTION("a dangling single character") {
    CHECK(code("B") == Code::kMalformed);
    CHECK(code("BB8B") == Code::kMalformed);
  }
  SECTION("a triple above 65535") {
    CHECK(code("GGW") == Code::kMalformed);  // 65536
    CHECK(code("::: ") == Code::kMalformed);
    CHECK(code(":::") == Code::kMalformed);
    CHECK(DecodeBase45("FGW").ok());               // 65535 exactly
  }
  SECTION("a final pair above 255") {
    CHECK(DecodeBase45("U5").ok());                // 30 + 5*45 = 255
    CHECK(code("V5") == Code::kMalformed);   // 256
    CHECK(code("::") == Code::kMalformed);
  }
}

}  // namespace
}  // namespace passerelle
