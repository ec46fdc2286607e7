// Tests for verifier/challenge_code.h: the format, and input as people type it.
#include "verifier/challenge_code.h"

#include <catch2/catch.hpp>

#include <random>
#include <set>
#include <vector>

namespace passerelle {
namespace {

TEST_CASE("challenge code: 8 unambiguous symbols in two groups of four", "[challenge]") {
  std::set<std::string> seen;
  for (int i = 0; i < 500; ++i) {
    std::string code = NewChallengeCode();
    REQUIRE(code.size() == 9);
    CHECK(code[4] == '-');
    for (std::size_t k = 0; k < code.size(); ++k)
      if (k != 4) CHECK(kChallengeAlphabet.find(code[k]) != std::string_view::npos);
    CHECK(code.find_first_of("0O1IL") == std::string::npos);
    CHECK(ParseChallengeCode(code).value() == code);
    seen.insert(code);
  }
  CHECK(seen.size() == 500);
}

TEST_CASE("challenge code: case, hyphens and spaces do not matter", "[challenge]") {
  CHECK(ParseChallengeCode("K7QX-3MPA").value() == "K7QX-3MPA");
  CHECK(ParseChallengeCode("k7qx3mpa").value() == "K7QX-3MPA");
  CHECK(ParseChallengeCode(" k7qx 3mpa ").value() == "K7QX-3MPA");
  CHECK(ParseChallengeCode("K7-QX-3M-PA").value() == "K7QX-3MPA");
}

TEST_CASE("challenge code: anything else is refused", "[challenge]") {
  for (const std::string& bad : std::vector<std::string>{"", "K7QX-3MP", "K7QX-3MPAB", "K7QX-3MP0", "K7QX-3MPO", "K7QX-3MPI", "K7QX-3MPL",
                          "K7QX_3MPA", "K7QX\n3MPA", std::string("K7QX\0" "3MPA", 9), std::string(1000, 'A'),
                          "\xC3\x89" "7QX-3MPA"}) {
    INFO(bad);
    CHECK(ParseChallengeCode(bad).status().code() == Code::kInvalidArgument);
  }
  std::mt19937 rng(3);
  for (int i = 0; i < 5000; ++i) {
    std::string junk(rng() % 20, '\0');
    for (char& c : junk) c = static_cast<char>(rng());
    auto r = ParseChallengeCode(junk);
    if (r.ok()) CHECK(ParseChallengeCode(*r).value() == *r);
  }
}

}  // namespace
}  // namespace passerelle
