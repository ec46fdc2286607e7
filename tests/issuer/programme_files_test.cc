// Tests for issuer/programme_files.h: loading a programme file and the grading scales it names.
#include "issuer/programme_files.h"

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "env/env.h"
#include "formats/json.h"
#include "tests/testing/paths.h"
#include "tests/testing/temp_dir.h"

namespace passerelle {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using passerelle::testing::SourceDir;
using passerelle::testing::TempDir;

const fs::path kDemo = SourceDir() / "scripts/demo-data/programme-health-qualitician.json";

void Write(const fs::path& path, const std::string& text) { REQUIRE(Env::Default().WriteFileAtomic(path, text).ok()); }

TEST_CASE("programme files: the demo programme loads with the scales it names", "[issuer]") {
  auto bundle = LoadProgrammeBundle(kDemo);
  REQUIRE(bundle.ok());
  CHECK(bundle->programme.code == "HQ-CERT");
  CHECK(bundle->programme.FindModule("HQ-M01") != nullptr);
  CHECK(bundle->scales.count("FR-0-20") == 1);
  CHECK(bundle->scales.at("FR-0-20").pass_mark == 10);
}

TEST_CASE("programme files: an explicit scales file replaces the one named", "[issuer]") {
  TempDir dir;
  Write(dir.path() / "scales.json", R"({"XX-0-4": {"country": "XX", "min": 0, "max": 4, "passMark": 2, "step": 1}})");
  auto bundle = LoadProgrammeBundle(kDemo, dir.path() / "scales.json");
  REQUIRE(bundle.ok());
  CHECK(bundle->scales.size() == 1);
  CHECK(bundle->scales.count("XX-0-4") == 1);
}

TEST_CASE("programme files: the scales file is found beside the programme", "[issuer]") {
  TempDir dir;
  json programme = ParseJson(passerelle::testing::ReadFile(kDemo)).value();
  programme["gradingScales"] = "mine.json";
  Write(dir.path() / "programme.json", DumpJson(programme));
  Write(dir.path() / "mine.json", R"({"YY-1-5": {"country": "YY", "min": 1, "max": 5, "passMark": 3, "step": 1}})");
  auto bundle = LoadProgrammeBundle(dir.path() / "programme.json");
  REQUIRE(bundle.ok());
  CHECK(bundle->scales.count("YY-1-5") == 1);
  // Without gradingScales and without an override, the error says what to pass.
  programme.erase("gradingScales");
  Write(dir.path() / "programme.json", DumpJson(programme));
  auto none = LoadProgrammeBundle(dir.path() / "programme.json");
  CHECK(none.status().code() == Code::kInvalidArgument);
  CHECK_THAT(none.status().message(), Catch::Contains("--grading-scales"));
}

TEST_CASE("programme files: unreadable files are I/O errors, damaged ones malformed, naming the file", "[issuer]") {
  TempDir dir;
  auto missing = LoadProgrammeBundle(dir.path() / "none.json");
  CHECK(missing.status().code() == Code::kIOError);
  CHECK_THAT(missing.status().message(), Catch::Contains("none.json"));
  CHECK(LoadProgrammeBundle(kDemo, dir.path() / "no-scales.json").status().code() == Code::kIOError);

  Write(dir.path() / "broken.json", "{\"code\": ");
  auto broken = LoadProgrammeBundle(dir.path() / "broken.json");
  CHECK(broken.status().code() == Code::kMalformed);
  CHECK_THAT(broken.status().message(), Catch::Contains("broken.json"));

  Write(dir.path() / "bad-scales.json", R"({"ZZ": {"min": 5, "max": 1, "passMark": 3, "step": 1}})");
  auto bad = LoadProgrammeBundle(kDemo, dir.path() / "bad-scales.json");
  CHECK(bad.status().code() == Code::kMalformed);
  CHECK_THAT(bad.status().message(), Catch::Contains("bad-scales.json"));
}

}  // namespace
}  // namespace passerelle
