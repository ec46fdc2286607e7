// End-to-end: `issuer config` shows the awarding body's name and country and
// changes them only for the key's holder; new credentials carry the change
// (built binaries).
#include <catch2/catch.hpp>

#include <fstream>

#include <nlohmann/json.hpp>

#include "tests/testing/paths.h"
#include "tests/testing/process.h"
#include "tests/testing/temp_dir.h"

namespace passerelle {
namespace {

using nlohmann::json;
using testing::ProcessOptions;
using testing::RunTool;

json ReadConfig(const std::filesystem::path& dir) {
  std::ifstream in(dir / "issuer.json");
  return json::parse(in);
}

TEST_CASE("cli: issuer config changes name and country for the key's holder only", "[cli][config]") {
  testing::TempDir tmp;
  ProcessOptions env;
  env.env["PASSERELLE_PASSPHRASE"] = "config test passphrase";
  const std::string dir = (tmp.path() / "centre").string();
  REQUIRE(RunTool("issuer", {"init", "--dir", dir, "--did-key", "--name", "Centre de formation", "--country", "fr"},
                  env).exit_code == 0);

  auto shown = RunTool("issuer", {"config", "--dir", dir});
  CHECK(shown.exit_code == 0);
  CHECK_THAT(shown.out, Catch::Contains("Centre de formation"));
  CHECK_THAT(shown.out, Catch::Contains("country  FR"));

  ProcessOptions wrong = env;
  wrong.env["PASSERELLE_PASSPHRASE"] = "not the passphrase";
  auto refused = RunTool("issuer", {"config", "--dir", dir, "--country", "ro"}, wrong);
  CHECK(refused.exit_code == 2);
  CHECK(ReadConfig(dir)["country"] == "FR");

  auto bad_country = RunTool("issuer", {"config", "--dir", dir, "--country", "Romania"}, env);
  CHECK(bad_country.exit_code == 2);
  CHECK_THAT(bad_country.err, Catch::Contains("not an ISO 3166-1 alpha-2 country code"));
  auto bad_name = RunTool("issuer", {"config", "--dir", dir, "--name", "Centre\x01"}, env);
  CHECK(bad_name.exit_code == 2);
  CHECK_THAT(bad_name.err, Catch::Contains("control character"));
  CHECK(ReadConfig(dir)["name"] == "Centre de formation");

  auto changed = RunTool("issuer", {"config", "--dir", dir, "--name", "Universitatea de Medicină", "--country", "ro"},
                         env);
  INFO(changed.err);
  REQUIRE(changed.exit_code == 0);
  CHECK(ReadConfig(dir)["country"] == "RO");
  CHECK(ReadConfig(dir)["name"] == "Universitatea de Medicină");

  const std::string programme = (testing::SourceDir() / "scripts/demo-data/programme-health-qualitician.json").string();
  auto issued = RunTool("issuer", {"issue", "--dir", dir, "--kind", "module", "--programme", programme, "--module",
                                   "HQ-M01", "--learner-did", "did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2",
                                   "--grade", "9", "--grading-scale", "RO-1-10"},
                        env);
  INFO(issued.err);
  REQUIRE(issued.exit_code == 0);
  json vc = json::parse(issued.out);
  CHECK(vc["issuer"]["country"] == "RO");
  CHECK(vc["issuer"]["name"] == "Universitatea de Medicină");
}

}  // namespace
}  // namespace passerelle
