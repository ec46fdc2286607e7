// End-to-end: what `issuer issue` refuses to sign (built binaries).
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

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

namespace passerelle {
namespace {

TEST_CASE("cli: issuer issue --awarded-on names the format, and refuses a future date", "[cli][issue]") {
  testing::TempDir tmp;
  testing::ProcessOptions env;
  env.env["PASSERELLE_PASSPHRASE"] = "issue test passphrase";
  const std::string dir = (tmp.path() / "centre").string();
  REQUIRE(testing::RunTool("issuer", {"init", "--dir", dir, "--did-key", "--name", "Centre", "--country", "FR"}, env)
              .exit_code == 0);
  const std::string programme = (testing::SourceDir() / "scripts/demo-data/programme-health-qualitician.json").string();
  auto issue = [&](const std::string& date) {
    return testing::RunTool("issuer", {"issue", "--dir", dir, "--kind", "module", "--programme", programme, "--module",
                                       "HQ-M01", "--learner-did", "did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2",
                                       "--grade", "15", "--grading-scale", "FR-0-20", "--awarded-on", date},
                            env);
  };
  auto dotted = issue("17.08.2026");
  CHECK(dotted.exit_code == 2);
  CHECK_THAT(dotted.err, Catch::Contains("write YYYY-MM-DD"));
  auto future = issue("2099-01-01");
  CHECK(future.exit_code == 2);
  CHECK_THAT(future.err, Catch::Contains("is in the future"));
  CHECK(future.out.empty());
  auto past = issue("2026-06-20");
  INFO(past.err);
  CHECK(past.exit_code == 0);
}

}  // namespace
}  // namespace passerelle

namespace passerelle {
namespace {

TEST_CASE("cli: issuer issue signs the learner's names as given, and refuses broken text", "[cli][issue]") {
  testing::TempDir tmp;
  testing::ProcessOptions env;
  env.env["PASSERELLE_PASSPHRASE"] = "issue test passphrase";
  const std::string dir = (tmp.path() / "centre").string();
  REQUIRE(testing::RunTool("issuer", {"init", "--dir", dir, "--did-key", "--name", "Centre", "--country", "RO"}, env)
              .exit_code == 0);
  const std::string programme = (testing::SourceDir() / "scripts/demo-data/programme-health-qualitician.json").string();
  auto issue = [&](std::vector<std::string> names) {
    std::vector<std::string> args = {"issue", "--dir", dir, "--kind", "module", "--programme", programme, "--module",
                                     "HQ-M01", "--learner-did", "did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2",
                                     "--grade", "9", "--grading-scale", "RO-1-10"};
    args.insert(args.end(), names.begin(), names.end());
    return testing::RunTool("issuer", args, env);
  };
  auto family_only = issue({"--family-name", "Popescu"});
  INFO(family_only.err);
  REQUIRE(family_only.exit_code == 0);
  auto subject = nlohmann::json::parse(family_only.out)["credentialSubject"];
  CHECK(subject["familyName"] == "Popescu");
  CHECK(subject["name"] == "Popescu");

  auto both = issue({"--given-name", "Ioana", "--family-name", "Ștefănescu"});
  REQUIRE(both.exit_code == 0);
  CHECK(nlohmann::json::parse(both.out)["credentialSubject"]["name"] == "Ioana Ștefănescu");

  auto latin1 = issue({"--given-name", "Ion\xe9l"});  // typed in a Latin-1 terminal
  CHECK(latin1.exit_code == 2);
  CHECK_THAT(latin1.err, Catch::Contains("--given-name: not valid UTF-8"));
  CHECK(latin1.out.empty());
}

}  // namespace
}  // namespace passerelle

namespace passerelle {
namespace {

TEST_CASE("cli: issuer issue outside a register warns that the credential can never be revoked", "[cli][issue]") {
  testing::TempDir tmp;
  testing::ProcessOptions env;
  env.env["PASSERELLE_PASSPHRASE"] = "issue test passphrase";
  const std::string dir = (tmp.path() / "centre").string();
  REQUIRE(testing::RunTool("issuer", {"init", "--dir", dir, "--did-key", "--name", "Centre", "--country", "FR"}, env)
              .exit_code == 0);
  const std::string programme = (testing::SourceDir() / "scripts/demo-data/programme-health-qualitician.json").string();
  auto r = testing::RunTool("issuer", {"issue", "--dir", dir, "--kind", "module", "--programme", programme, "--module",
                                       "HQ-M01", "--learner-did", "did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2",
                                       "--grade", "15", "--grading-scale", "FR-0-20"},
                            env);
  REQUIRE(r.exit_code == 0);
  CHECK_FALSE(nlohmann::json::parse(r.out).contains("credentialStatus"));
  CHECK_THAT(r.err, Catch::Contains("issuer: warning: this credential has no status entry"));
  CHECK_THAT(r.err, Catch::Contains("issuer init --public-url URL"));
}

}  // namespace
}  // namespace passerelle
