// End-to-end: a certification body types its country as people do
// ("ro", "kz", " Fr "): `issuer init` stores the code, and `issue` then
// works; a code that is not one is refused at init, naming it (built binaries).
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

TEST_CASE("cli: issuer init --country ro is stored as RO and issuing works", "[cli][country]") {
  testing::TempDir tmp;
  ProcessOptions env;
  env.env["PASSERELLE_PASSPHRASE"] = "country test passphrase";
  const std::string dir = (tmp.path() / "ro").string();
  auto init = RunTool("issuer", {"init", "--dir", dir, "--did-key", "--name", "Universitatea", "--country", "ro"}, env);
  INFO(init.err);
  REQUIRE(init.exit_code == 0);
  std::ifstream config(tmp.path() / "ro" / "issuer.json");
  CHECK(json::parse(config)["country"] == "RO");

  const std::string programme = (testing::SourceDir() / "scripts/demo-data/programme-health-qualitician.json").string();
  auto issued = RunTool("issuer", {"issue", "--dir", dir, "--kind", "module", "--programme", programme, "--module",
                                   "HQ-M01", "--learner-did", "did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2",
                                   "--grade", "9.5", "--grading-scale", "RO-1-10"},
                        env);
  INFO(issued.err);
  REQUIRE(issued.exit_code == 0);
  json vc = json::parse(issued.out);
  CHECK(vc["issuer"]["country"] == "RO");
  CHECK(vc["credentialSubject"]["achievement"]["eqfLevel"] == "http://data.europa.eu/snb/eqf/5");
}

TEST_CASE("cli: issuer init refuses a country that is not an ISO code, naming it", "[cli][country]") {
  testing::TempDir tmp;
  ProcessOptions env;
  env.env["PASSERELLE_PASSPHRASE"] = "country test passphrase";
  const std::string dir = (tmp.path() / "x").string();
  auto init = RunTool("issuer", {"init", "--dir", dir, "--did-key", "--country", "Romania"}, env);
  CHECK(init.exit_code == 2);
  CHECK_THAT(init.err, Catch::Contains("\"Romania\" is not an ISO 3166-1 alpha-2 country code"));
}

}  // namespace
}  // namespace passerelle
