// Tests for formats/compression.h.
#include "formats/compression.h"

#include <catch2/catch.hpp>

namespace passerelle {
namespace {

TEST_CASE("compression: round-trips in every format, with and without a dictionary", "[compression]") {
  std::string data = "the same words, the same words, the same words again";
  for (ZFormat f : {ZFormat::kGzip, ZFormat::kRawDeflate, ZFormat::kZlib}) {
    auto c = Compress(data, f);
    REQUIRE(c.ok());
    auto d = Decompress(*c, f, 1000);
    REQUIRE(d.ok());
    CHECK(*d == data);
  }
  std::string dict = "the same words";
  auto c = Compress(data, ZFormat::kRawDeflate, dict);
  REQUIRE(c.ok());
  auto plain = Compress(data, ZFormat::kRawDeflate);
  CHECK(c->size() < plain->size());
  auto d = Decompress(*c, ZFormat::kRawDeflate, 1000, dict);
  REQUIRE(d.ok());
  CHECK(*d == data);
}

TEST_CASE("compression: caps, truncation and trailing garbage", "[compression][robustness]") {
  std::string zeros(1 << 20, '\0');
  auto c = Compress(zeros, ZFormat::kRawDeflate);
  REQUIRE(c.ok());
  CHECK(Decompress(*c, ZFormat::kRawDeflate, 4096).status().code() == Code::kResourceExhausted);
  CHECK(Decompress(c->substr(0, c->size() - 3), ZFormat::kRawDeflate, 2 << 20).status().code() == Code::kMalformed);
  CHECK(Decompress(*c + "xx", ZFormat::kRawDeflate, 2 << 20).status().code() == Code::kMalformed);
  CHECK(Decompress("garbage!", ZFormat::kGzip, 100).status().code() == Code::kMalformed);
  CHECK(Decompress("", ZFormat::kGzip, 100).status().code() == Code::kMalformed);
}

}  // namespace
}  // namespace passerelle
