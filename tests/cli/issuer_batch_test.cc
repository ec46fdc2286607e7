// End-to-end: `issuer batch` on the scenario's 150 trainees, re-runs, and a
// CSV with bad rows, through the real binary.
#include <catch2/catch.hpp>

#include <fstream>
#include <regex>

#include <nlohmann/json.hpp>

#include "tests/issuer/batch/batch_test_support.h"
#include "tests/testing/paths.h"
#include "tests/testing/process.h"
#include "tests/testing/temp_dir.h"

namespace passerelle {
namespace {

using nlohmann::json;
using testing::RunTool;

struct BatchNode {
  testing::TempDir tmp;
  testing::ProcessOptions env;
  std::string dir = (tmp.path() / "node").string();
  std::string out = (tmp.path() / "out").string();

  BatchNode() {
    env.env["PASSERELLE_PASSPHRASE"] = "batch-test-passphrase";
    auto init = RunTool("issuer", {"init", "--dir", dir, "--did", "did:web:sante-lyon.test", "--name",
                                   "École de santé de Lyon", "--country", "FR"}, env);
    REQUIRE(init.exit_code == 0);
  }

  testing::ProcessResult Batch(const std::string& csv) {
    return RunTool("issuer", {"batch", "--dir", dir, "--programme", testing::DemoProgramme().string(), "--csv", csv,
                              "--out", out, "--json"}, env);
  }

  std::size_t Files() const {
    std::size_t n = 0;
    if (!std::filesystem::exists(out)) return 0;
    for (const auto& e : std::filesystem::recursive_directory_iterator(out))
      if (e.path().extension() == ".json") ++n;
    return n;
  }
};

TEST_CASE("batch cli: the 150 scenario trainees, a second run issues nothing", "[cli][batch]") {
  BatchNode node;
  std::string csv = (testing::DemoData() / "trainees.csv").string();
  auto first = node.Batch(csv);
  INFO(first.err);
  REQUIRE(first.exit_code == 0);
  json summary = json::parse(first.out);
  CHECK(summary["issued"] == 1460);
  CHECK(summary["issuedModules"] == 1413);
  CHECK(summary["issuedCertifications"] == 47);
  CHECK(summary["badRows"].empty());
  CHECK(first.err.find("issued 1460 credentials") != std::string::npos);
  CHECK(node.Files() == 1460);

  auto second = node.Batch(csv);
  REQUIRE(second.exit_code == 0);
  json again = json::parse(second.out);
  CHECK(again["issued"] == 0);
  CHECK(again["alreadyIssued"] == 1460);
  CHECK(second.err.find("issued 0 credentials") != std::string::npos);

  auto list = RunTool("issuer", {"list", "--dir", node.dir, "--json"});
  REQUIRE(list.exit_code == 0);
  CHECK(json::parse(list.out).size() == 1460);

  // A batch credential verifies with the issuer's DID document (status aside).
  auto did = RunTool("issuer", {"did", "--dir", node.dir});
  std::ofstream(node.tmp.path() / "did.json") << did.out;
  auto v = RunTool("verifier", {"verify", "--json", node.out + "/T0001/HQ-M01.json", "--did-document",
                                (node.tmp.path() / "did.json").string(), "--trust-issuer", "did:web:sante-lyon.test"});
  json report = json::parse(v.out);
  for (const auto& c : report["checks"]) {
    INFO(c.dump());
    CHECK((c["ok"] == true || c["check"] == "status"));
  }
}

TEST_CASE("batch cli: bad rows are reported, exactly, with line and column, the rest is issued", "[cli][batch]") {
  BatchNode node;
  auto csv = node.tmp.path() / "trainees.csv";
  std::ofstream(csv, std::ios::binary) << testing::CsvWithBadRows(10);
  auto run = node.Batch(csv.string());
  CHECK(run.exit_code == 1);
  std::vector<std::string> errors;
  std::istringstream lines(run.err);
  for (std::string line; std::getline(lines, line);)
    if (line.rfind("issuer: error: ", 0) == 0) errors.push_back(line);
  REQUIRE(errors.size() == 4);
  CHECK(errors[0].find("trainees.csv:3: column \"completed_on\"") != std::string::npos);
  CHECK(errors[1].find("trainees.csv:5: column \"grades\": module \"HQ-M99\" is not in programme HQ-CERT") != std::string::npos);
  CHECK(errors[2].find("trainees.csv:7: column \"grades\": HQ-M01: grade 25 is outside FR-0-20") != std::string::npos);
  CHECK(errors[3].find("trainees.csv:9: column \"given_name\": invalid UTF-8") != std::string::npos);
  json summary = json::parse(run.out);
  CHECK(summary["badRows"].size() == 4);
  CHECK(summary["failures"].empty());
  for (const char* good : {"T0001", "T0003", "T0005", "T0007", "T0009", "T0010"})
    CHECK(std::filesystem::exists(node.out + "/" + good + "/HQ-M01.json"));
  for (const char* bad : {"T0002", "T0004", "T0006", "T0008"}) CHECK(!std::filesystem::exists(node.out + "/" + bad));
  CHECK(node.Files() == summary["issued"].get<std::size_t>());
}

TEST_CASE("batch cli: usage errors are exit 2 with a message", "[cli][batch]") {
  BatchNode node;
  auto missing = RunTool("issuer", {"batch", "--dir", node.dir, "--programme", testing::DemoProgramme().string(),
                                    "--csv", "/nonexistent.csv", "--out", node.out}, node.env);
  CHECK(missing.exit_code == 2);
  CHECK(missing.err.find("cannot read \"/nonexistent.csv\"") != std::string::npos);
  auto header = node.tmp.path() / "h.csv";
  std::ofstream(header) << "trainee_id,given_name\nT1,A\n";
  auto bad_header = node.Batch(header.string());
  CHECK(bad_header.exit_code == 2);
  CHECK(bad_header.err.find("missing column \"family_name\"") != std::string::npos);
}

}  // namespace
}  // namespace passerelle
