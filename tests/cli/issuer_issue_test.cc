// End-to-end: what `issuer issue` signs, and what it refuses to sign (built binaries).
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "tests/testing/paths.h"
#include "tests/testing/process.h"
#include "tests/testing/temp_dir.h"

namespace passerelle {
namespace {

using testing::ProcessResult;
using testing::RunTool;

// A training centre's folder (no register) and the scenario programme.
struct Centre {
  testing::TempDir tmp;
  testing::ProcessOptions env;
  std::string dir = (tmp.path() / "centre").string();
  std::string programme = (testing::SourceDir() / "scripts/demo-data/programme-health-qualitician.json").string();

  explicit Centre(const char* country) {
    env.env["PASSERELLE_PASSPHRASE"] = "issue test passphrase";
    REQUIRE(RunTool("issuer", {"init", "--dir", dir, "--did-key", "--name", "Centre", "--country", country}, env)
                .exit_code == 0);
  }
  // `issuer issue` for `kind`, for the scenario's learner, with `extra` arguments.
  ProcessResult Issue(const char* kind, std::vector<std::string> extra) const {
    std::vector<std::string> args = {"issue", "--dir", dir, "--kind", kind, "--programme", programme,
                                     "--learner-did", "did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2"};
    args.insert(args.end(), extra.begin(), extra.end());
    return RunTool("issuer", args, env);
  }
  ProcessResult IssueModule(std::vector<std::string> extra, const char* grade = "15",
                            const char* scale = "FR-0-20") const {
    std::vector<std::string> args = {"--module", "HQ-M01", "--grade", grade, "--grading-scale", scale};
    args.insert(args.end(), extra.begin(), extra.end());
    return Issue("module", args);
  }
};

TEST_CASE("cli: issuer issue --kind certification without a presentation is refused", "[cli][issue]") {
  Centre centre("FR");
  auto r = centre.Issue("certification", {});
  CHECK(r.exit_code == 2);
  CHECK(r.out.empty());  // nothing signed
  CHECK_THAT(r.err, Catch::Contains("give --from PRESENTATION --challenge C"));
  // Ids alone are not enough: the old --part is gone.
  auto parts = centre.Issue("certification", {"--part", "urn:uuid:5554727d-0976-4ba1-af7d-0bd3857262d1"});
  CHECK(parts.exit_code == 2);
  CHECK(parts.out.empty());
}

TEST_CASE("cli: issuer issue --awarded-on names the format, and refuses a future date", "[cli][issue]") {
  Centre centre("FR");
  auto dotted = centre.IssueModule({"--awarded-on", "17.08.2026"});
  CHECK(dotted.exit_code == 2);
  CHECK_THAT(dotted.err, Catch::Contains("write YYYY-MM-DD"));
  auto future = centre.IssueModule({"--awarded-on", "2099-01-01"});
  CHECK(future.exit_code == 2);
  CHECK_THAT(future.err, Catch::Contains("is in the future"));
  CHECK(future.out.empty());
  auto past = centre.IssueModule({"--awarded-on", "2026-06-20"});
  INFO(past.err);
  CHECK(past.exit_code == 0);
}

TEST_CASE("cli: issuer issue signs a grade only as a plain decimal, and says how to write it", "[cli][issue]") {
  Centre centre("FR");
  // A French staff member types the decimal comma; strtod used to take "0x10"
  // or " 18" and sign that text as the grade.
  auto comma = centre.IssueModule({}, "18,1");
  CHECK(comma.exit_code == 2);
  CHECK(comma.out.empty());
  CHECK_THAT(comma.err, Catch::Contains("--grade \"18,1\" is not a number: write the decimal with a point: 18.1"));
  for (const char* odd : {"0x10", " 18", "+18", "1e1"}) {
    INFO(odd);
    auto r = centre.IssueModule({}, odd);
    CHECK(r.exit_code == 2);
    CHECK(r.out.empty());
  }
  auto plain = centre.IssueModule({}, "18.1");
  REQUIRE(plain.exit_code == 0);
  CHECK(nlohmann::json::parse(plain.out)["credentialSubject"]["achievement"]["grade"]["value"] == "18.1");
}

TEST_CASE("cli: issuer issue names the module or scale meant when only the letter case differs", "[cli][issue]") {
  Centre centre("FR");
  auto module = centre.Issue("module", {"--module", "hq-m01", "--grade", "15", "--grading-scale", "FR-0-20"});
  CHECK(module.exit_code == 2);
  CHECK_THAT(module.err, Catch::Contains("module \"hq-m01\" is not in programme HQ-CERT (did you mean HQ-M01?)"));
  auto scale = centre.IssueModule({}, "15", "fr-0-20");
  CHECK(scale.exit_code == 2);
  CHECK_THAT(scale.err, Catch::Contains("unknown grading scale \"fr-0-20\" (did you mean FR-0-20?)"));
}

TEST_CASE("cli: issuer issue signs the learner's names as given, and refuses broken text", "[cli][issue]") {
  Centre centre("RO");
  auto family_only = centre.IssueModule({"--family-name", "Popescu"}, "9", "RO-1-10");
  INFO(family_only.err);
  REQUIRE(family_only.exit_code == 0);
  auto subject = nlohmann::json::parse(family_only.out)["credentialSubject"];
  CHECK(subject["familyName"] == "Popescu");
  CHECK(subject["name"] == "Popescu");

  auto both = centre.IssueModule({"--given-name", "Ioana", "--family-name", "Ștefănescu"}, "9", "RO-1-10");
  REQUIRE(both.exit_code == 0);
  CHECK(nlohmann::json::parse(both.out)["credentialSubject"]["name"] == "Ioana Ștefănescu");

  auto latin1 = centre.IssueModule({"--given-name", "Ion\xe9l"}, "9", "RO-1-10");  // a Latin-1 terminal
  CHECK(latin1.exit_code == 2);
  CHECK_THAT(latin1.err, Catch::Contains("--given-name: not valid UTF-8"));
  CHECK(latin1.out.empty());
}

TEST_CASE("cli: issuer issue outside a register warns that the credential can never be revoked", "[cli][issue]") {
  Centre centre("FR");
  auto r = centre.IssueModule({});
  REQUIRE(r.exit_code == 0);
  CHECK_FALSE(nlohmann::json::parse(r.out).contains("credentialStatus"));
  CHECK_THAT(r.err, Catch::Contains("issuer: warning: this credential has no status entry"));
  CHECK_THAT(r.err, Catch::Contains("issuer init --public-url URL"));
}

}  // namespace
}  // namespace passerelle
