// End-to-end: the built `issuer` and `verifier` binaries, as an issuer and an
// employer would run them. Exit codes: 0 valid, 1 definite no, 2 no verdict.
#include <catch2/catch.hpp>

#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "tests/testing/paths.h"
#include "tests/testing/process.h"
#include "tests/testing/temp_dir.h"

namespace passerelle {
namespace {

using nlohmann::json;
using testing::ProcessOptions;
using testing::RunTool;

struct IssuerFixture {
  testing::TempDir tmp;
  ProcessOptions env;
  std::string did;

  IssuerFixture() {
    env.env["PASSERELLE_PASSPHRASE"] = "integration-test-passphrase";
    auto init = RunTool("issuer", {"init", "--dir", (tmp.path() / "iss").string(), "--did-key", "--name",
                                   "Institut de formation en santé de Lyon", "--country", "FR"},
                        env);
    REQUIRE(init.exit_code == 0);
    did = init.out.substr(0, init.out.find('\n'));
    REQUIRE(did.rfind("did:key:z6Mk", 0) == 0);
  }

  std::string Write(const std::string& name, const std::string& content) const {
    auto p = tmp.path() / name;
    std::ofstream(p, std::ios::binary) << content;
    return p.string();
  }

  // Issues the scenario's HQ-M01 for a learner; returns the signed JSON.
  std::string IssueModule(const std::string& suite = "eddsa-rdfc-2022") const {
    auto r = RunTool("issuer",
                     {"issue", "--dir", (tmp.path() / "iss").string(), "--kind", "module", "--programme",
                      (testing::SourceDir() / "scripts/demo-data/programme-health-qualitician.json").string(),
                      "--module", "HQ-M01", "--learner-did",
                      "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK", "--grade", "18.1",
                      "--grading-scale", "FR-0-20", "--awarded-on", "2026-06-24", "--suite", suite},
                     env);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    return r.out;
  }
};

TEST_CASE("cli: issue then verify with both suites and a --json report", "[cli]") {
  IssuerFixture f;
  for (const char* suite : {"eddsa-rdfc-2022", "eddsa-jcs-2022"}) {
    std::string file = f.Write(std::string("m-") + suite + ".json", f.IssueModule(suite));
    auto v = RunTool("verifier", {"verify", file, "--trust-issuer", f.did});
    INFO(suite << ": " << v.out << v.err);
    CHECK(v.exit_code == 0);
    CHECK_THAT(v.out, Catch::Contains("VERIFIED"));
    auto j = RunTool("verifier", {"verify", file, "--trust-issuer", f.did, "--json"});
    REQUIRE(j.exit_code == 0);
    auto report = json::parse(j.out);
    CHECK(report["verified"] == true);
    CHECK(report["kind"] == "credential");
    CHECK(report["checks"].size() >= 5);
  }
}

// User trials: `--trust-issuer DID FILE` swallowed FILE ("nothing to verify").
TEST_CASE("cli: a repeatable option takes one value, so the file after it is verified", "[cli]") {
  IssuerFixture f;
  std::string first = f.Write("m1.json", f.IssueModule());
  std::string second = f.Write("m2.json", f.IssueModule("eddsa-jcs-2022"));
  auto v = RunTool("verifier", {"verify", "--trust-issuer", f.did, first});
  INFO(v.out << v.err);
  CHECK(v.exit_code == 0);
  CHECK_THAT(v.out, Catch::Contains("VERIFIED"));
  // Repeated, between files: each occurrence takes its one DID, both files are verified.
  auto both = RunTool("verifier", {"verify", "--trust-issuer", f.did, first, "--trust-issuer",
                                   "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK", second, "--json"});
  INFO(both.out << both.err);
  CHECK(both.exit_code == 0);
  CHECK(json::parse(both.out).size() == 2);
}

// User trials: a mistyped verb said only "A subcommand is required".
TEST_CASE("cli: a mistyped verb is named, with the nearest verb as a hint (exit 2)", "[cli]") {
  struct Case {
    const char* tool;
    std::vector<std::string> args;
    const char* error;
    const char* hint;
  };
  for (const Case& c : {Case{"issuer", {"isue", "--dir", "x"}, "issuer: error: unknown command \"isue\"",
                             "issuer: hint: did you mean \"issue\"?"},
                        Case{"issuer", {"token", "crate"}, "issuer: error: unknown command \"token crate\"",
                             "issuer: hint: did you mean \"token create\"?"},
                        Case{"verifier", {"verfy", "x.json"}, "verifier: error: unknown command \"verfy\"",
                             "verifier: hint: did you mean \"verify\"?"},
                        Case{"wallet", {"improt", "x.json"}, "wallet: error: unknown command \"improt\"",
                             "wallet: hint: did you mean \"import\"?"}}) {
    auto r = RunTool(c.tool, c.args);
    INFO(c.tool << " " << c.args.front() << ": " << r.err);
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, Catch::Contains(c.error));
    CHECK_THAT(r.err, Catch::Contains(c.hint));
  }
  auto none = RunTool("verifier", {});
  CHECK(none.exit_code == 2);
  CHECK_THAT(none.err, Catch::Contains("verifier: hint: run verifier --help"));
}

// Diagnostics were written by hand, some without SanitizeForTerminal: a file
// name reached the terminal raw.
TEST_CASE("cli: a hostile file name in a diagnostic is escaped", "[cli]") {
  IssuerFixture f;
  const std::string hostile = (f.tmp.path() / "cv\x1b]0;pwned\x07\xe2\x80\xae.json").string();
  auto r = RunTool("issuer", {"sign", "--dir", (f.tmp.path() / "iss").string(), hostile}, f.env);
  INFO(r.err);
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::StartsWith("issuer: error: "));
  CHECK(r.err.find('\x1b') == std::string::npos);
  CHECK(r.err.find('\x07') == std::string::npos);
  CHECK(r.err.find("\xe2\x80\xae") == std::string::npos);
}

TEST_CASE("cli: tampering any signed field is a definite no (exit 1)", "[cli]") {
  IssuerFixture f;
  json vc = json::parse(f.IssueModule());
  for (const char* pointer : {"/credentialSubject/achievement/grade/value", "/credentialSubject/achievement/ects",
                              "/credentialSubject/achievement/title/en", "/credentialSubject/id", "/issuer/name",
                              "/validFrom", "/proof/created"}) {
    json bad = vc;
    json::json_pointer p(pointer);
    if (bad[p].is_string()) bad[p] = bad[p].get<std::string>() + "0";
    else bad[p] = 60;
    auto v = RunTool("verifier", {"verify", f.Write("t.json", bad.dump()), "--trust-issuer", f.did});
    INFO(pointer << ": " << v.err);
    CHECK(v.exit_code == 1);
    CHECK_THAT(v.err, Catch::StartsWith("verifier: error:"));
  }
  // Swapping the contexts: the RDFC signature may survive, the @context rule does not.
  json swapped = vc;
  std::swap(swapped["@context"][0], swapped["@context"][1]);
  CHECK(RunTool("verifier", {"verify", f.Write("s.json", swapped.dump()), "--trust-issuer", f.did}).exit_code == 1);
  // An undefined term added after signing.
  json added = vc;
  added["credentialSubject"]["achievement"]["bonus"] = "cum laude";
  auto a = RunTool("verifier", {"verify", f.Write("a.json", added.dump()), "--trust-issuer", f.did});
  CHECK(a.exit_code == 1);
  CHECK_THAT(a.err, Catch::Contains("bonus"));
}

TEST_CASE("cli: untrusted issuer is exit 1 naming the DID, with a hint", "[cli]") {
  IssuerFixture f;
  auto v = RunTool("verifier", {"verify", f.Write("m.json", f.IssueModule())});
  CHECK(v.exit_code == 1);
  CHECK_THAT(v.err, Catch::Contains(f.did));
  CHECK_THAT(v.err, Catch::Contains("verifier: hint:"));
}

TEST_CASE("cli: garbage, missing files and bad flags get no verdict (exit 2)", "[cli]") {
  IssuerFixture f;
  CHECK(RunTool("verifier", {"verify", f.Write("g.json", "this is not json")}).exit_code == 2);
  CHECK(RunTool("verifier", {"verify", f.Write("e.json", "")}).exit_code == 2);
  CHECK(RunTool("verifier", {"verify", f.Write("n.json", std::string(100000, '['))}).exit_code == 2);
  CHECK(RunTool("verifier", {"verify", f.Write("u.json", "{\"a\":\"\xff\"}")}).exit_code == 2);
  CHECK(RunTool("verifier", {"verify", (f.tmp.path() / "missing.json").string()}).exit_code == 2);
  CHECK(RunTool("verifier", {"verify", "--at", "yesterday", f.Write("x.json", "{}")}).exit_code == 2);
  CHECK(RunTool("verifier", {"frobnicate"}).exit_code == 2);
  auto stdin_run = RunTool("verifier", {"verify", "-"}, ProcessOptions{"[1,2,3", {}, {}, "", 60});
  CHECK(stdin_run.exit_code == 2);
  CHECK_THAT(stdin_run.err, Catch::Contains("json"));
}

TEST_CASE("cli: the issuer refuses what it must not sign", "[cli]") {
  IssuerFixture f;
  // Not this issuer.
  auto r = RunTool("issuer", {"sign", "--dir", (f.tmp.path() / "iss").string(),
                              f.Write("c.json", R"({"@context":["https://www.w3.org/ns/credentials/v2"],"type":["VerifiableCredential"],"issuer":"did:example:someone-else","credentialSubject":{"id":"did:example:x"}})")},
                   f.env);
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err, Catch::Contains("hint: set \"issuer\""));
  // A module credential missing a mandatory element, named.
  json vc = json::parse(f.IssueModule());
  vc.erase("proof");
  vc["credentialSubject"]["achievement"].erase("learningOutcomes");
  r = RunTool("issuer", {"sign", "--dir", (f.tmp.path() / "iss").string(), f.Write("m.json", vc.dump())}, f.env);
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err, Catch::Contains("M6"));
  // Wrong passphrase: clear error, exit 2.
  ProcessOptions wrong;
  wrong.env["PASSERELLE_PASSPHRASE"] = "not the passphrase";
  vc["credentialSubject"]["achievement"]["learningOutcomes"] = {{"en", {"x"}}};
  r = RunTool("issuer", {"sign", "--dir", (f.tmp.path() / "iss").string(), f.Write("m2.json", vc.dump())}, wrong);
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains("wrong passphrase"));
  // No passphrase source at all (no terminal in tests).
  ProcessOptions none;
  none.unset_env = {"PASSERELLE_PASSPHRASE"};
  r = RunTool("issuer", {"sign", "--dir", (f.tmp.path() / "iss").string(), f.Write("m3.json", vc.dump())}, none);
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains("--passphrase-file"));
  // init never overwrites.
  r = RunTool("issuer", {"init", "--dir", (f.tmp.path() / "iss").string(), "--did-key"}, f.env);
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains("refusing to overwrite"));
}

TEST_CASE("cli: did:web issuer verifies offline with its DID document, across a key rotation", "[cli]") {
  testing::TempDir tmp;
  ProcessOptions env;
  env.env["PASSERELLE_PASSPHRASE"] = "p";
  auto dir = (tmp.path() / "uni").string();
  REQUIRE(RunTool("issuer", {"init", "--dir", dir, "--did", "did:web:uni.example", "--name", "Uni", "--country", "RO"}, env).exit_code == 0);
  std::string unsigned_vc = R"({"@context":["https://www.w3.org/ns/credentials/v2"],"type":["VerifiableCredential"],"issuer":"did:web:uni.example","validFrom":"2026-01-01T00:00:00Z","credentialSubject":{"id":"did:example:x"}})";
  std::ofstream(tmp.path() / "u.json") << unsigned_vc;
  auto first = RunTool("issuer", {"sign", "--dir", dir, (tmp.path() / "u.json").string()}, env);
  REQUIRE(first.exit_code == 0);
  std::ofstream(tmp.path() / "first.json") << first.out;
  REQUIRE(RunTool("issuer", {"key", "rotate", "--dir", dir}, env).exit_code == 0);
  auto second = RunTool("issuer", {"sign", "--dir", dir, (tmp.path() / "u.json").string()}, env);
  REQUIRE(second.exit_code == 0);
  CHECK_THAT(second.out, Catch::Contains("did:web:uni.example#key-2"));
  std::ofstream(tmp.path() / "second.json") << second.out;
  auto doc = RunTool("issuer", {"did", "--dir", dir});
  REQUIRE(doc.exit_code == 0);
  std::ofstream(tmp.path() / "did.json") << doc.out;
  for (const char* file : {"first.json", "second.json"}) {
    auto v = RunTool("verifier", {"verify", (tmp.path() / file).string(), "--trust-issuer", "did:web:uni.example",
                                  "--did-document", (tmp.path() / "did.json").string()});
    INFO(file << ": " << v.err);
    CHECK(v.exit_code == 0);
  }
  // Options first: --did-document takes its one file and leaves the credentials.
  auto options_first = RunTool("verifier", {"verify", "--did-document", (tmp.path() / "did.json").string(),
                                            "--trust-issuer", "did:web:uni.example", (tmp.path() / "first.json").string(),
                                            (tmp.path() / "second.json").string()});
  INFO(options_first.out << options_first.err);
  CHECK(options_first.exit_code == 0);
  CHECK_THAT(options_first.out, Catch::Contains("second.json: VERIFIED"));
  // Without the DID document there is no offline way to the key: a definite no, explained.
  auto v = RunTool("verifier", {"verify", (tmp.path() / "first.json").string(), "--trust-issuer", "did:web:uni.example"});
  CHECK(v.exit_code == 1);
  CHECK_THAT(v.err, Catch::Contains("--did-document"));
  // A credential claiming to be signed with the retired key after it was retired fails.
  auto forged = nlohmann::json::parse(first.out);
  forged["proof"]["created"] = "2099-01-01T00:00:00Z";
  std::ofstream(tmp.path() / "late.json") << forged.dump();
  CHECK(RunTool("verifier", {"verify", (tmp.path() / "late.json").string(), "--trust-issuer", "did:web:uni.example",
                             "--did-document", (tmp.path() / "did.json").string(), "--at", "2099-06-01T00:00:00Z"})
            .exit_code == 1);
}

}  // namespace
}  // namespace passerelle

namespace passerelle {
namespace {

TEST_CASE("cli: the issuer refuses an undefined term in a Passerelle credential with either suite", "[cli]") {
  IssuerFixture f;
  json vc = json::parse(f.IssueModule("eddsa-jcs-2022"));
  vc.erase("proof");
  vc["credentialSubject"]["achievement"]["honours"] = "summa cum laude";
  for (const char* suite : {"eddsa-jcs-2022", "eddsa-rdfc-2022"}) {
    auto r = RunTool("issuer", {"sign", "--dir", (f.tmp.path() / "iss").string(), "--suite", suite,
                                f.Write("u.json", vc.dump())},
                     f.env);
    INFO(suite << ": " << r.err);
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, Catch::Contains("honours"));
  }
}

}  // namespace
}  // namespace passerelle
