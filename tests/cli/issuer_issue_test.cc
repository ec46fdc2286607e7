// End-to-end: what `issuer issue` refuses to sign (built binaries).
#include <catch2/catch.hpp>

#include "tests/testing/paths.h"
#include "tests/testing/process.h"
#include "tests/testing/temp_dir.h"

namespace passerelle {
namespace {

using testing::ProcessOptions;
using testing::RunTool;

TEST_CASE("cli: issuer issue --kind certification without --part is refused", "[cli][issue]") {
  testing::TempDir tmp;
  ProcessOptions env;
  env.env["PASSERELLE_PASSPHRASE"] = "issue test passphrase";
  const std::string dir = (tmp.path() / "centre").string();
  REQUIRE(RunTool("issuer", {"init", "--dir", dir, "--did-key", "--name", "Centre", "--country", "FR"}, env).exit_code ==
          0);
  const std::string programme = (testing::SourceDir() / "scripts/demo-data/programme-health-qualitician.json").string();
  auto r = RunTool("issuer", {"issue", "--dir", dir, "--kind", "certification", "--programme", programme,
                              "--learner-did", "did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2"},
                   env);
  CHECK(r.exit_code == 2);
  CHECK(r.out.empty());  // nothing signed
  CHECK_THAT(r.err, Catch::Contains("give each with --part ID"));
}

}  // namespace
}  // namespace passerelle
