// End-to-end: repeating `issuer issue` gives back the credential of the same
// award instead of a duplicate, and `issuer list` shows who received what
// (built binaries).
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "tests/testing/paths.h"
#include "tests/testing/process.h"
#include "tests/testing/temp_dir.h"

namespace passerelle {
namespace {

using nlohmann::json;
using testing::ProcessOptions;
using testing::ProcessResult;
using testing::RunTool;

// A centre with a register, issuing the scenario programme's modules.
struct Node {
  testing::TempDir tmp;
  ProcessOptions env;
  std::string dir = (tmp.path() / "centre").string();
  std::string programme = (testing::SourceDir() / "scripts/demo-data/programme-health-qualitician.json").string();

  Node() {
    env.env["PASSERELLE_PASSPHRASE"] = "register test passphrase";
    REQUIRE(RunTool("issuer", {"init", "--dir", dir, "--did-key", "--name", "Centre", "--country", "FR",
                               "--public-url", "https://issuer.example"},
                    env).exit_code == 0);
  }
  ProcessResult IssueModule(const std::string& module, const std::string& given, const std::string& family,
                            const std::string& grade) const {
    return RunTool("issuer", {"issue", "--dir", dir, "--kind", "module", "--programme", programme, "--module", module,
                              "--given-name", given, "--family-name", family, "--grade", grade, "--grading-scale",
                              "FR-0-20", "--awarded-on", "2026-06-20"},
                   env);
  }
  ProcessResult List(std::vector<std::string> extra) const {
    std::vector<std::string> args = {"list", "--dir", dir};
    args.insert(args.end(), extra.begin(), extra.end());
    return RunTool("issuer", args);
  }
};

TEST_CASE("cli: issuer issue repeated for the same award gives back the same credential", "[cli][register]") {
  Node node;
  auto first = node.IssueModule("HQ-M01", "Élodie", "Martin", "15");
  INFO(first.err);
  REQUIRE(first.exit_code == 0);
  auto again = node.IssueModule("HQ-M01", "Élodie", "Martin", "15");
  INFO(again.err);
  REQUIRE(again.exit_code == 0);
  CHECK(json::parse(again.out)["id"] == json::parse(first.out)["id"]);
  CHECK(json::parse(again.out) == json::parse(first.out));
  CHECK_THAT(again.err, Catch::Contains("already issued"));

  // Another module, or another learner, is another award.
  REQUIRE(node.IssueModule("HQ-M02", "Élodie", "Martin", "15").exit_code == 0);
  REQUIRE(node.IssueModule("HQ-M01", "Nikos", "Papadopoulos", "12").exit_code == 0);
  auto all = node.List({"--json"});
  REQUIRE(all.exit_code == 0);
  CHECK(json::parse(all.out).size() == 3);
}

TEST_CASE("cli: issuer list shows the learner and the module, and filters on them", "[cli][register]") {
  Node node;
  REQUIRE(node.IssueModule("HQ-M01", "Élodie", "Martin", "15").exit_code == 0);
  REQUIRE(node.IssueModule("HQ-M02", "Élodie", "Martin", "14").exit_code == 0);
  REQUIRE(node.IssueModule("HQ-M01", "Nikos", "Papadopoulos", "12").exit_code == 0);

  auto all = node.List({});
  INFO(all.err);
  REQUIRE(all.exit_code == 0);
  CHECK_THAT(all.out, Catch::Contains("module HQ-M02  active"));
  CHECK_THAT(all.out, Catch::Contains("Élodie Martin"));
  CHECK_THAT(all.out, Catch::Contains("Nikos Papadopoulos"));

  auto elodie = node.List({"--learner", "martin", "--json"});
  REQUIRE(elodie.exit_code == 0);
  json rows = json::parse(elodie.out);
  REQUIRE(rows.size() == 2);
  for (const auto& row : rows) CHECK(row["learner"] == "Élodie Martin");

  auto m01 = node.List({"--module", "HQ-M01"});
  CHECK(m01.exit_code == 0);
  CHECK_THAT(m01.out, Catch::Contains("Nikos Papadopoulos"));
  CHECK_THAT(m01.out, !Catch::Contains("HQ-M02"));

  auto nobody = node.List({"--learner", "Zzz"});
  CHECK(nobody.exit_code == 0);
  CHECK(nobody.out.empty());
  CHECK_THAT(nobody.err, Catch::Contains("no credential matches"));
}

}  // namespace
}  // namespace passerelle
