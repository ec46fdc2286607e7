// Tests for cmdline/input.h: a file or standard input, never more than the cap.
#include "cmdline/input.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace passerelle::cli {
namespace {

TEST_CASE("input: standard input is read for -, up to the cap", "[cmdline][input]") {
  std::istringstream small("{\"a\":1}");
  auto read = ReadInput("-", small);
  REQUIRE(read.ok());
  CHECK(*read == "{\"a\":1}");
  std::istringstream large(std::string(11, 'x'));
  auto refused = ReadInput("-", large, 10);
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.status().code() == Code::kResourceExhausted);
  CHECK_THAT(refused.status().message(), Catch::Contains("larger than 10 bytes"));
  std::istringstream exact(std::string(10, 'x'));
  CHECK(ReadInput("-", exact, 10).ok());
}

TEST_CASE("input: a file is read, a missing or oversized one refused", "[cmdline][input]") {
  const auto path = std::filesystem::temp_directory_path() / "passerelle-input-test.json";
  { std::ofstream(path) << "[1,2,3]"; }
  std::istringstream unused("ignored");
  auto read = ReadInput(path.string(), unused);
  REQUIRE(read.ok());
  CHECK(*read == "[1,2,3]");
  CHECK_FALSE(ReadInput(path.string(), unused, 3).ok());
  std::filesystem::remove(path);
  auto missing = ReadInput(path.string(), unused);
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.status().code() == Code::kNotFound);
}

}  // namespace
}  // namespace passerelle::cli
