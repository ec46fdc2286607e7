// End-to-end: Master diplomas built from verified parts — joint diplomas
// co-signed by every awarding university, double diplomas that name each
// other — issued, co-signed and verified with the built binaries.
#include <catch2/catch.hpp>

#include <fstream>

#include <nlohmann/json.hpp>

#include "formats/datetime.h"
#include "keys/did_key.h"
#include "keys/proof_signer.h"
#include "keys/signing_key.h"
#include "tests/cli/pathways_fixture.h"

namespace passerelle {
namespace {

using nlohmann::json;
using pathways_testing::Pathways;
using testing::ProcessResult;
using testing::RunTool;

// The scenario's Master cut to two modules (12 ECTS, or `ects` required),
// with Almaty as a partner; for a Kazakh awarding body, its national level.
std::string Master(const Pathways& p, const std::string& name, double ects, const std::string& partner,
                   bool kazakh = false) {
  json prog = json::parse(std::ifstream(testing::SourceDir() / "scripts/demo-data/programme-master-health-quality.json"));
  json modules = json::array();
  for (auto m : prog["modules"])
    if (m["code"] == "MQS-101" || m["code"] == "MQS-102") {
      if (kazakh) {
        m.erase("eqfLevel");
        m["nqfLevel"] = "https://almaty-med.example.kz/nqf/7";
      }
      modules.push_back(m);
    }
  prog["modules"] = modules;
  prog["ects"] = ects;
  prog["certificationRules"] = {{"partners", {partner}}, {"minEcts", ects}};
  if (kazakh) prog["nqfLevel"] = "https://almaty-med.example.kz/nqf/7";
  std::ofstream(p.Path("grading-scales.json"))
      << std::ifstream(testing::SourceDir() / "scripts/demo-data/grading-scales.json").rdbuf();
  std::ofstream(p.Path(name)) << prog.dump();
  return p.Path(name);
}

// Iasi awards the student both modules of `programme`; returns her presentation to `challenge`.
std::string ModulesPresented(Pathways& p, const std::string& programme, const std::string& challenge) {
  std::vector<std::string> ids;
  std::vector<json> modules;
  for (const char* code : {"MQS-101", "MQS-102"}) {
    auto r = RunTool("issuer", {"issue", "--dir", p.Path("iasi"), "--kind", "module", "--programme", programme,
                                "--module", code, "--learner-did", p.student_did, "--given-name", "Aigerim",
                                "--family-name", "Nurlanovna", "--grade", "8.5", "--grading-scale", "RO-1-10"},
                     p.env);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    modules.push_back(json::parse(r.out));
    ids.push_back(p.Keep(modules.back(), code));
  }
  // Their status, as the issuer checks it (each carries status entries).
  p.Sync("cache", modules);
  return p.Present(ids, challenge, "vp-" + challenge + ".json");
}

ProcessResult IssueDiploma(const Pathways& p, const std::string& dir, const std::string& programme,
                           const std::string& vp, const std::string& challenge, std::vector<std::string> extra) {
  std::vector<std::string> args = {"issue", "--dir", p.Path(dir), "--kind", "diploma", "--programme", programme,
                                   "--from", vp, "--challenge", challenge, "--trust-issuer", p.iasi_did,
                                   "--status-cache", p.Path("cache")};
  args.insert(args.end(), extra.begin(), extra.end());
  return RunTool("issuer", args, p.env);
}

std::string Write(const Pathways& p, const std::string& name, const json& document) {
  std::ofstream(p.Path(name)) << document.dump(2);
  return p.Path(name);
}

// verifier verify with the status lists synced into "cache".
ProcessResult Verify(const Pathways& p, std::vector<std::string> args) {
  args.insert(args.begin(), "verify");
  args.push_back("--status-cache");
  args.push_back(p.Path("cache"));
  return RunTool("verifier", args, p.env);
}

// A joint Master by Iasi (lead) and Almaty, signed by Iasi only.
json JointDraft(Pathways& p) {
  const std::string programme = Master(p, "master.json", 12, p.almaty_did);
  const std::string vp = ModulesPresented(p, programme, "c-joint");
  auto issued = IssueDiploma(p, "iasi", programme, vp, "c-joint", {"--joint-with", p.almaty_did});
  INFO(issued.err);
  REQUIRE(issued.exit_code == 0);
  json draft = json::parse(issued.out);
  p.Sync("cache", {draft});
  return draft;
}

TEST_CASE("cli: a joint diploma verifies only with a valid proof from every awarding body", "[cli][diploma]") {
  Pathways p;
  json draft = JointDraft(p);
  CHECK(draft["type"] == json({"VerifiableCredential", "DiplomaCredential"}));
  const json& achievement = draft["credentialSubject"]["achievement"];
  CHECK(achievement["ects"] == 12);
  CHECK(achievement["eqfLevel"] == "http://data.europa.eu/snb/eqf/7");
  CHECK(achievement["hasPart"].size() == 2);
  REQUIRE(achievement["awardingBody"].size() == 2);
  CHECK(achievement["awardingBody"][0]["id"] == p.iasi_did);
  CHECK(achievement["awardingBody"][1]["id"] == p.almaty_did);
  const std::string draft_file = Write(p, "draft.json", draft);
  const std::vector<std::string> trust = {"--trust-issuer", p.iasi_did, "--trust-issuer", p.almaty_did};

  // Only the lead has signed: incomplete, naming who has not.
  auto incomplete = Verify(p, {draft_file, trust[0], trust[1], trust[2], trust[3]});
  INFO(incomplete.out << incomplete.err);
  CHECK(incomplete.exit_code == 1);
  CHECK_THAT(incomplete.err, Catch::Contains("incomplete: " + p.almaty_did));

  auto cosigned = RunTool("issuer", {"cosign", "--dir", p.Path("almaty"), draft_file}, p.env);
  INFO(cosigned.err);
  REQUIRE(cosigned.exit_code == 0);
  json joint = json::parse(cosigned.out);
  REQUIRE(joint["proof"].is_array());
  CHECK(joint["proof"].size() == 2);
  const std::string joint_file = Write(p, "joint.json", joint);
  auto ok = Verify(p, {joint_file, trust[0], trust[1], trust[2], trust[3], "--json"});
  INFO(ok.out << ok.err);
  CHECK(ok.exit_code == 0);
  json report = json::parse(ok.out);
  CHECK(report["credentials"][0]["awardingBodies"] == json({p.iasi_did, p.almaty_did}));
  bool awarding_ok = false;
  for (const auto& c : report["checks"]) awarding_ok |= c["check"] == "awarding" && c["ok"] == true;
  CHECK(awarding_ok);

  SECTION("one proof removed: incomplete, naming the missing signer") {
    json one = joint;
    one["proof"] = json::array({joint["proof"][0]});
    auto r = Verify(p, {Write(p, "one.json", one), trust[0], trust[1], trust[2], trust[3]});
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, Catch::Contains("incomplete: " + p.almaty_did));
  }
  SECTION("the partner's proof replaced by a valid proof of a non-member: incomplete") {
    Ed25519SigningKey stranger = Ed25519SigningKey::Generate().value();
    ProofOptions o;
    o.verification_method = DidKeyVerificationMethod(stranger.public_key());
    o.created = Now();
    o.created.nanos = 0;
    json replaced = AddProof(draft, stranger, o).value();
    REQUIRE(replaced["proof"].size() == 2);
    auto r = Verify(p, {Write(p, "replaced.json", replaced), trust[0], trust[1], trust[2], trust[3]});
    INFO(r.out << r.err);
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, Catch::Contains("incomplete: " + p.almaty_did));
  }
  SECTION("the partner's proof forged: the proof set fails") {
    json forged = joint;
    std::string value = forged["proof"][1]["proofValue"];
    value[10] = value[10] == 'A' ? 'B' : 'A';
    forged["proof"][1]["proofValue"] = value;
    auto r = Verify(p, {Write(p, "forged.json", forged), trust[0], trust[1], trust[2], trust[3]});
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, Catch::Contains("/proof/1"));
  }
  SECTION("a co-signer trusted by no anchor: refused") {
    auto r = Verify(p, {joint_file, "--trust-issuer", p.iasi_did});
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, Catch::Contains("the awarding body " + p.almaty_did));
  }
}

TEST_CASE("cli: issuer cosign refuses a tampered draft, a body not named, and signing twice", "[cli][diploma]") {
  Pathways p;
  json draft = JointDraft(p);
  const std::string draft_file = Write(p, "draft.json", draft);
  auto cosign = [&](const std::string& dir, const std::string& file) {
    return RunTool("issuer", {"cosign", "--dir", p.Path(dir), file}, p.env);
  };
  json tampered = draft;
  tampered["credentialSubject"]["achievement"]["ects"] = 120;
  auto t = cosign("almaty", Write(p, "tampered.json", tampered));
  CHECK(t.exit_code == 1);
  CHECK(t.out.empty());
  CHECK_THAT(t.err, Catch::Contains("do not verify"));

  // A partner the lead did not name cannot sign itself in.
  p.InitLyon();
  auto lyon = cosign("lyon", draft_file);
  CHECK(lyon.exit_code == 1);
  CHECK(lyon.out.empty());
  CHECK_THAT(lyon.err, Catch::Contains("is not one of the awarding bodies"));
  auto lead = cosign("iasi", draft_file);
  CHECK(lead.exit_code == 1);
  CHECK_THAT(lead.err, Catch::Contains("you are its issuer"));

  auto once = cosign("almaty", draft_file);
  REQUIRE(once.exit_code == 0);
  auto twice = cosign("almaty", Write(p, "joint.json", json::parse(once.out)));
  CHECK(twice.exit_code == 1);
  CHECK_THAT(twice.err, Catch::Contains("has already signed"));
  CHECK(cosign("almaty", p.Path("missing.json")).exit_code == 2);
}

TEST_CASE("cli: a co-signer not accredited for diplomas at that level is refused", "[cli][diploma][trust]") {
  Pathways p;
  json draft = JointDraft(p);
  auto cosigned = RunTool("issuer", {"cosign", "--dir", p.Path("almaty"), Write(p, "draft.json", draft)}, p.env);
  REQUIRE(cosigned.exit_code == 0);
  const std::string joint = Write(p, "joint.json", json::parse(cosigned.out));
  // A root names the Romanian and Kazakh authorities; each accredits its university.
  auto init = [&](const std::string& dir, const std::string& country) {
    auto r = RunTool("issuer", {"init", "--dir", p.Path(dir), "--did-key", "--name", dir, "--country", country}, p.env);
    REQUIRE(r.exit_code == 0);
  };
  auto entry = [&](const std::string& dir, std::vector<std::string> extra) {
    std::vector<std::string> args = {"trust-list", "entry", "--dir", p.Path(dir)};
    args.insert(args.end(), extra.begin(), extra.end());
    auto r = RunTool("issuer", args, p.env);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    return json::parse(r.out);
  };
  auto sign = [&](const std::string& dir, const json& entries, const std::string& out) {
    std::ofstream(p.Path(out + ".entries")) << entries.dump();
    auto r = RunTool("issuer", {"trust-list", "sign", "--dir", p.Path(dir), "--entries", p.Path(out + ".entries"),
                                "--out", p.Path(out), "--id", "https://" + dir + ".example/" + out},
                     p.env);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    return p.Path(out);
  };
  init("root", "EU");
  init("ro-authority", "RO");
  init("kz-authority", "KZ");
  const std::string root = sign(
      "root", json::array({entry("ro-authority", {"--authority"}), entry("kz-authority", {"--authority"})}), "root.json");
  const std::string ro =
      sign("ro-authority", json::array({entry("iasi", {"--kind", "module,diploma", "--eqf", "6,7"})}), "ro.json");
  const std::string kz_master =
      sign("kz-authority", json::array({entry("almaty", {"--kind", "module,diploma", "--eqf", "6,7"})}), "kz.json");
  const std::string kz_licence =
      sign("kz-authority", json::array({entry("almaty", {"--kind", "diploma", "--eqf", "6"})}), "kz6.json");
  const std::string kz_modules =
      sign("kz-authority", json::array({entry("almaty", {"--kind", "module", "--eqf", "7"})}), "kzm.json");

  auto accredited = Verify(p, {joint, "--trust-root", root, "--trust-list", ro, "--trust-list", kz_master});
  INFO(accredited.out << accredited.err);
  CHECK(accredited.exit_code == 0);
  auto level = Verify(p, {joint, "--trust-root", root, "--trust-list", ro, "--trust-list", kz_licence});
  CHECK(level.exit_code == 1);
  CHECK_THAT(level.err, Catch::Contains(p.almaty_did + " is not accredited at EQF level 7"));
  auto kind = Verify(p, {joint, "--trust-root", root, "--trust-list", ro, "--trust-list", kz_modules});
  CHECK(kind.exit_code == 1);
  CHECK_THAT(kind.err, Catch::Contains(p.almaty_did + " is not accredited to issue diploma credentials"));
}

TEST_CASE("cli: a diploma asked for without enough ECTS is refused naming the rule", "[cli][diploma]") {
  Pathways p;
  const std::string programme = Master(p, "master.json", 120, p.almaty_did);
  const std::string vp = ModulesPresented(p, programme, "c-short");
  auto r = IssueDiploma(p, "iasi", programme, vp, "c-short", {});
  INFO(r.err);
  CHECK(r.exit_code == 1);
  CHECK(r.out.empty());
  CHECK_THAT(r.err, Catch::Contains("ECTS total 12 of the 120 required (108 missing)"));
  CHECK_THAT(r.err, Catch::Contains("MQS-MASTER is not awarded"));
  // Without the presentation, a usage error that says what to give.
  auto usage = RunTool("issuer", {"issue", "--dir", p.Path("iasi"), "--kind", "diploma", "--programme", programme},
                       p.env);
  CHECK(usage.exit_code == 2);
  CHECK_THAT(usage.err, Catch::Contains("--from PRESENTATION --challenge C"));
  auto wrong = RunTool("issuer", {"issue", "--dir", p.Path("iasi"), "--kind", "module", "--programme", programme,
                                  "--module", "MQS-101", "--learner-did", p.student_did, "--grade", "8",
                                  "--grading-scale", "RO-1-10", "--joint-with", p.almaty_did},
                       p.env);
  CHECK(wrong.exit_code == 2);
  CHECK_THAT(wrong.err, Catch::Contains("--joint-with is for --kind diploma"));
}

TEST_CASE("cli: double diplomas name each other, and verifying both confirms they match", "[cli][diploma][double]") {
  Pathways p;
  const std::string iasi_programme = Master(p, "master.json", 12, p.almaty_did);
  const std::string almaty_programme = Master(p, "master-kz.json", 12, p.iasi_did, true);
  const std::string agreement = p.Agreement();
  const std::string vp = ModulesPresented(p, iasi_programme, "c-double");
  const std::string a_id = "urn:uuid:0d1b2c3a-0000-4000-8000-00000000000a";
  const std::string b_id = "urn:uuid:0d1b2c3a-0000-4000-8000-00000000000b";
  auto a = IssueDiploma(p, "iasi", iasi_programme, vp, "c-double",
                        {"--agreement", agreement, "--paired-with", b_id, "--credential-id", a_id});
  INFO(a.err);
  REQUIRE(a.exit_code == 0);
  auto b = IssueDiploma(p, "almaty", almaty_programme, vp, "c-double",
                        {"--agreement", agreement, "--paired-with", a_id, "--credential-id", b_id});
  INFO(b.err);
  REQUIRE(b.exit_code == 0);
  json b_vc = json::parse(b.out);
  // A Kazakh award states its national level, never an EQF level.
  CHECK(b_vc["credentialSubject"]["achievement"]["nqfLevel"] == "https://almaty-med.example.kz/nqf/7");
  CHECK_FALSE(b_vc["credentialSubject"]["achievement"].contains("eqfLevel"));
  CHECK(b_vc["credentialSubject"]["achievement"]["pairedDiploma"] == a_id);
  p.Sync("cache", {json::parse(a.out), b_vc});
  const std::string a_file = Write(p, "a.json", json::parse(a.out));
  const std::string b_file = Write(p, "b.json", b_vc);
  const std::vector<std::string> trust = {"--trust-issuer", p.iasi_did, "--trust-issuer", p.almaty_did};

  auto one = Verify(p, {a_file, trust[0], trust[1], trust[2], trust[3]});
  INFO(one.out << one.err);
  CHECK(one.exit_code == 0);
  CHECK_THAT(one.out, Catch::Contains("double diploma under \"Double diploma: Master in health safety and quality "
                                      "management\", paired with diploma " + b_id));
  auto both = Verify(p, {a_file, b_file, trust[0], trust[1], trust[2], trust[3]});
  INFO(both.out << both.err);
  CHECK(both.exit_code == 0);
  CHECK_THAT(both.out, Catch::Contains("double diploma: " + a_id + " and " + b_id + " match"));

  SECTION("a diploma naming A that A does not name: no match, exit 1") {
    const std::string c_id = "urn:uuid:0d1b2c3a-0000-4000-8000-00000000000c";
    auto c = IssueDiploma(p, "almaty", almaty_programme, vp, "c-double",
                          {"--agreement", agreement, "--paired-with", a_id, "--credential-id", c_id});
    INFO(c.err);
    REQUIRE(c.exit_code == 0);
    p.Sync("cache", {json::parse(c.out)});
    auto r = Verify(p, {a_file, Write(p, "c.json", json::parse(c.out)), trust[0], trust[1], trust[2], trust[3]});
    INFO(r.out << r.err);
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, Catch::Contains("not paired with each other"));
  }
  SECTION("usage errors: half a pairing, a university outside the agreement") {
    auto half = IssueDiploma(p, "iasi", iasi_programme, vp, "c-double", {"--agreement", agreement});
    CHECK(half.exit_code == 2);
    CHECK_THAT(half.err, Catch::Contains("--agreement needs --paired-with"));
    p.InitLyon();
    auto outsider = IssueDiploma(p, "lyon", iasi_programme, vp, "c-double",
                                 {"--agreement", agreement, "--paired-with", a_id});
    CHECK(outsider.exit_code == 2);
    CHECK_THAT(outsider.err, Catch::Contains("is not a party to"));
  }
}

}  // namespace
}  // namespace passerelle
