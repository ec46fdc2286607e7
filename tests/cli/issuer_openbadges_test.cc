// CLI tests for `issuer issue --format openbadges`: an Open Badges 3.0
// credential signed with eddsa-rdfc-2022, verified by our verifier, entered
// in the register with the same status lists as a native credential.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "formats/jsonld/expand.h"
#include "formats/jsonld/options.h"
#include "tests/cli/wallet_cli_fixture.h"

namespace passerelle {
namespace {

using namespace wallet_cli_testing;

TEST_CASE("cli: issuer issue --format openbadges signs an OpenBadgeCredential our verifier accepts (0)",
          "[cli][issuer][openbadges]") {
  Scenario s;
  auto r = testing::RunTool(
      "issuer",
      {"issue", "--dir", s.Path("issuer"), "--kind", "module", "--format", "openbadges", "--programme",
       (testing::SourceDir() / "scripts/demo-data/programme-health-qualitician.json").string(), "--module", "HQ-M01",
       "--learner-did", s.holder_did, "--given-name", "Jérôme", "--family-name", "Mercier", "--grade", "18.1",
       "--grading-scale", "FR-0-20", "--awarded-on", "2026-06-24"},
      s.env);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  json vc = json::parse(r.out);
  CHECK(vc["type"] == json::array({"VerifiableCredential", "OpenBadgeCredential"}));
  CHECK(vc["proof"]["cryptosuite"] == "eddsa-rdfc-2022");
  const json& subject = vc["credentialSubject"];
  CHECK(subject["result"][0]["value"] == "18.1");
  CHECK(subject["achievement"]["resultDescription"][0]["name"] == "Grade (FR-0-20)");
  CHECK(subject["achievement"]["creditsAvailable"] == 6);
  CHECK(subject["achievement"]["alignment"][0]["targetCode"] == "5");
  json unsigned_vc = vc;
  unsigned_vc.erase("proof");
  jsonld::JsonLdOptions options;
  options.safe_mode = true;
  auto expanded = jsonld::Expand(unsigned_vc, options);
  INFO(expanded.status().ToString());
  CHECK(expanded.ok());
  auto v = s.Verifier({s.Write("badge.json", r.out)});
  INFO(v.out << v.err);
  CHECK(v.exit_code == 0);
  json tampered = vc;
  tampered["credentialSubject"]["result"][0]["value"] = "19.9";
  CHECK(s.Verifier({s.Write("tampered-badge.json", tampered.dump())}).exit_code == 1);
}

TEST_CASE("cli: an Open Badges credential from a node enters the register with its status entries",
          "[cli][issuer][openbadges]") {
  testing::TempDir tmp;
  ProcessOptions env;
  env.env["PASSERELLE_PASSPHRASE"] = "register test passphrase";
  std::string dir = (tmp.path() / "centre").string();
  REQUIRE(RunTool("issuer", {"init", "--dir", dir, "--did-key", "--name", "Centre", "--country", "FR", "--public-url",
                             "https://issuer.example"},
                  env)
              .exit_code == 0);
  std::vector<std::string> issue = {
      "issue", "--dir", dir, "--kind", "module", "--format", "openbadges", "--programme",
      (testing::SourceDir() / "scripts/demo-data/programme-health-qualitician.json").string(), "--module", "HQ-M03",
      "--given-name", "Élodie", "--family-name", "Martin", "--grade", "15", "--grading-scale", "FR-0-20",
      "--awarded-on", "2026-06-20"};
  auto r = RunTool("issuer", issue, env);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  json vc = json::parse(r.out);
  CHECK(vc["type"] == json::array({"VerifiableCredential", "OpenBadgeCredential"}));
  REQUIRE(vc["credentialStatus"].is_array());
  CHECK(vc["credentialStatus"].size() == 2);
  CHECK(vc["credentialStatus"][0]["type"] == "BitstringStatusListEntry");
  json unsigned_vc = vc;
  unsigned_vc.erase("proof");
  jsonld::JsonLdOptions options;
  options.safe_mode = true;
  CHECK(jsonld::Expand(unsigned_vc, options).ok());

  // Repeated, it is the same award; the native credential of it is another.
  auto again = RunTool("issuer", issue, env);
  REQUIRE(again.exit_code == 0);
  CHECK(json::parse(again.out)["id"] == vc["id"]);
  issue.erase(issue.begin() + 5, issue.begin() + 7);
  auto native = RunTool("issuer", issue, env);
  REQUIRE(native.exit_code == 0);
  CHECK(json::parse(native.out)["id"] != vc["id"]);

  auto list = RunTool("issuer", {"list", "--dir", dir, "--json"});
  REQUIRE(list.exit_code == 0);
  json rows = json::parse(list.out);
  REQUIRE(rows.size() == 2);
  CHECK(rows[0]["learner"] == "Élodie Martin");
  CHECK(rows[1]["learner"] == "Élodie Martin");
  auto revoke = RunTool("issuer", {"revoke", "--dir", dir, vc["id"].get<std::string>()}, env);
  INFO(revoke.err);
  CHECK(revoke.exit_code == 0);
}

}  // namespace
}  // namespace passerelle
