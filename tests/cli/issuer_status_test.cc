// End-to-end: `issuer revoke|suspend|unsuspend` unlock the issuer's key
// first — a wrong passphrase, or none, changes nothing (built binaries).
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "tests/testing/paths.h"
#include "tests/testing/process.h"
#include "tests/testing/temp_dir.h"

namespace passerelle {
namespace {

using testing::ProcessOptions;
using testing::RunTool;

TEST_CASE("cli: issuer revoke needs the issuer's passphrase", "[cli][status]") {
  testing::TempDir tmp;
  ProcessOptions env;
  env.env["PASSERELLE_PASSPHRASE"] = "status test passphrase";
  const std::string dir = (tmp.path() / "centre").string();
  auto init = RunTool("issuer", {"init", "--dir", dir, "--did-key", "--name", "Centre", "--country", "FR",
                                 "--public-url", "https://issuer.example"},
                      env);
  INFO(init.err);
  REQUIRE(init.exit_code == 0);
  const std::string programme = (testing::SourceDir() / "scripts/demo-data/programme-health-qualitician.json").string();
  auto issued = RunTool("issuer", {"issue", "--dir", dir, "--kind", "module", "--programme", programme, "--module",
                                   "HQ-M01", "--learner-did", "did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2",
                                   "--grade", "15", "--grading-scale", "FR-0-20"},
                        env);
  INFO(issued.err);
  REQUIRE(issued.exit_code == 0);
  const std::string id = nlohmann::json::parse(issued.out)["id"];

  ProcessOptions wrong = env;
  wrong.env["PASSERELLE_PASSPHRASE"] = "not the passphrase";
  auto refused = RunTool("issuer", {"revoke", "--dir", dir, id}, wrong);
  CHECK(refused.exit_code == 2);
  CHECK(refused.out.empty());

  ProcessOptions none;
  none.unset_env = {"PASSERELLE_PASSPHRASE"};
  auto no_passphrase = RunTool("issuer", {"suspend", "--dir", dir, id}, none);
  CHECK(no_passphrase.exit_code == 2);
  CHECK(no_passphrase.out.empty());

  // Nothing changed: the first real revocation changes the state.
  auto revoked = RunTool("issuer", {"revoke", "--dir", dir, id}, env);
  INFO(revoked.err);
  CHECK(revoked.exit_code == 0);
  CHECK_THAT(revoked.out, Catch::Contains(" revoked"));
  CHECK_THAT(revoked.err, Catch::Contains("updated"));
}

}  // namespace
}  // namespace passerelle
