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

namespace passerelle {
namespace {

TEST_CASE("cli: verifier verify leads with what a person checks, refusals first", "[cli][country][verdict]") {
  testing::TempDir tmp;
  ProcessOptions env;
  env.env["PASSERELLE_PASSPHRASE"] = "country test passphrase";
  const std::string dir = (tmp.path() / "ro").string();
  REQUIRE(RunTool("issuer", {"init", "--dir", dir, "--did-key", "--name", "Universitatea din Iași", "--country", "RO"},
                  env)
              .exit_code == 0);
  const std::string programme = (testing::SourceDir() / "scripts/demo-data/programme-health-qualitician.json").string();
  auto issued = RunTool("issuer", {"issue", "--dir", dir, "--kind", "module", "--programme", programme, "--module",
                                   "HQ-M01", "--learner-did", "did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2",
                                   "--given-name", "Ioana", "--family-name", "Popescu", "--grade", "9.5",
                                   "--grading-scale", "RO-1-10", "--awarded-on", "2026-06-20"},
                        env);
  REQUIRE(issued.exit_code == 0);
  const std::string file = (tmp.path() / "m.json").string();
  std::ofstream(file) << issued.out;
  const std::string did = json::parse(issued.out)["issuer"]["id"];

  ProcessOptions french;
  french.env["LANG"] = "fr_FR.UTF-8";
  french.unset_env = {"LC_ALL", "LC_MESSAGES"};
  auto ok = RunTool("verifier", {"verify", "--trust-issuer", did, file}, french);
  INFO(ok.out);
  CHECK(ok.exit_code == 0);
  CHECK_THAT(ok.out, Catch::Contains("Fondamentaux du management de la qualité en santé - module, 6 ECTS, EQF 5"));
  // In the reader's language (i18n/messages/fr.txt).
  CHECK_THAT(ok.out, Catch::Contains("titulaire Ioana Popescu; note 9.5 (RO-1-10); délivré le 2026-06-20"));
  CHECK_THAT(ok.out, Catch::Contains("délivré par Universitatea din Iași (RO)"));
  CHECK_THAT(ok.out, Catch::Contains("résultat : authentique"));

  auto untrusted = RunTool("verifier", {"verify", file}, french);
  CHECK(untrusted.exit_code == 1);
  const std::size_t refused = untrusted.out.find("REFUSÉ : ");
  const std::size_t title = untrusted.out.find("Fondamentaux");
  REQUIRE(refused != std::string::npos);
  REQUIRE(title != std::string::npos);
  CHECK(refused < title);  // the reason comes before anything the credential claims
  CHECK_THAT(untrusted.out, Catch::Contains("non garanti"));
  // An English reader reads English.
  ProcessOptions english;
  english.env["LANG"] = "en_GB.UTF-8";
  english.unset_env = {"LC_ALL", "LC_MESSAGES"};
  auto en = RunTool("verifier", {"verify", file}, english);
  CHECK_THAT(en.out, Catch::Contains("REFUSED: ") && Catch::Contains("not vouched for"));
  CHECK_THAT(RunTool("verifier", {"verify", "--trust-issuer", did, file}, english).out,
             Catch::Contains("holder Ioana Popescu; grade 9.5 (RO-1-10); awarded 2026-06-20") &&
                 Catch::Contains("awarded by Universitatea din Iași (RO)") && Catch::Contains("outcome: authentic"));
}

}  // namespace
}  // namespace passerelle
