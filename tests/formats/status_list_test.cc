// Tests for formats/status_list.h over the Bitstring Status List vectors.
#include "formats/status_list.h"

#include <catch2/catch.hpp>

#include <iostream>

#include <nlohmann/json.hpp>

#include "formats/json.h"
#include "tests/testing/paths.h"

namespace passerelle {
namespace {

using nlohmann::json;

TEST_CASE("status list: every vector decodes and reads as expected", "[status-list][vectors]") {
  auto doc = ParseJson(testing::ReadFile(testing::VectorsDir() / "status-list" / "vectors.json"));
  REQUIRE(doc.ok());
  int ran = 0;
  for (const auto& c : (*doc)["cases"]) {
    const std::string name = c["name"].get<std::string>();
    {
      INFO(name);
      auto bits = DecodeStatusList(c["encodedList"].get<std::string>());
      if (c.contains("expectError") && c["expectError"]["error"] == "MALFORMED_VALUE_ERROR") {
        CHECK(bits.status().code() == Code::kMalformed);
      } else {
        REQUIRE(bits.ok());
        CHECK(bits->size() * 8 == c["uncompressedBits"].get<std::uint64_t>());
        int size = c["statusSize"].get<int>();
        for (const auto& check : c.value("checks", json::array())) {
          auto v = ReadStatus(*bits, check["index"].get<std::uint64_t>(), size);
          REQUIRE(v.ok());
          CHECK(*v == check["status"].get<std::uint32_t>());
        }
        if (c.contains("expectError") && c["expectError"]["error"] == "RANGE_ERROR")
          CHECK(ReadStatus(*bits, c["expectError"]["index"].get<std::uint64_t>(), size).status().code() ==
                Code::kInvalidCredential);
        if (c.contains("expectError") && c["expectError"]["error"] == "STATUS_LIST_LENGTH_ERROR")
          CHECK(bits->size() * 8 < kMinStatusListEntries);
      }
    }
    ++ran;
  }
  std::cout << "status-list vectors: " << ran << "\n";
  CHECK(ran == 7);
}

TEST_CASE("status list: write then encode then decode round-trips", "[status-list]") {
  std::string bits(kMinStatusListEntries / 8, '\0');
  WriteStatus(bits, 94567, 1, 1);
  WriteStatus(bits, 0, 1, 1);
  auto encoded = EncodeStatusList(bits);
  REQUIRE(encoded.ok());
  CHECK(encoded->front() == 'u');
  auto back = DecodeStatusList(*encoded);
  REQUIRE(back.ok());
  CHECK(*ReadStatus(*back, 94567, 1) == 1);
  CHECK(*ReadStatus(*back, 94566, 1) == 0);
  CHECK(*ReadStatus(*back, 0, 1) == 1);
  WriteStatus(bits, 94567, 1, 0);
  CHECK(*ReadStatus(bits, 94567, 1) == 0);
  std::string two(64, '\0');
  WriteStatus(two, 5, 2, 2);
  CHECK(*ReadStatus(two, 5, 2) == 2);
  CHECK(*ReadStatus(two, 4, 2) == 0);
}

TEST_CASE("status list: entries are checked strictly", "[status-list]") {
  json e = {{"type", "BitstringStatusListEntry"},
            {"statusPurpose", "revocation"},
            {"statusListIndex", "94567"},
            {"statusListCredential", "https://example.org/status/3"}};
  auto ok = ParseStatusListEntry(e, "/credentialStatus");
  REQUIRE(ok.ok());
  CHECK(ok->index == 94567);
  for (json bad_index : {json(true), json(94567), json("-1"), json("0x10"), json("012"), json(""), json("9 ")}) {
    json b = e;
    b["statusListIndex"] = bad_index;
    CHECK(ParseStatusListEntry(b, "/credentialStatus").status().code() == Code::kInvalidCredential);
  }
  json b = e;
  b["statusListCredential"] = "not a url";
  CHECK_FALSE(ParseStatusListEntry(b, "").ok());
  b = e;
  b["statusSize"] = 2;
  CHECK_THAT(ParseStatusListEntry(b, "").status().message(), Catch::Contains("statusMessage"));
}

TEST_CASE("status list: a decompression bomb is stopped", "[status-list][robustness]") {
  std::string huge(kMaxStatusListBytes + 1, '\0');
  auto encoded = EncodeStatusList(huge);
  REQUIRE(encoded.ok());
  CHECK(encoded->size() < 100000);
  CHECK(DecodeStatusList(*encoded).status().code() == Code::kResourceExhausted);
  CHECK(DecodeStatusList("uAAAA").status().code() == Code::kMalformed);
  CHECK(DecodeStatusList(encoded->substr(0, encoded->size() / 2)).status().code() == Code::kMalformed);
}

}  // namespace
}  // namespace passerelle
