// End-to-end claiming (issue 16, "Done when"): a cohort issued from a CSV
// with --offers by the real `issuer batch`, served by the real `issuer
// serve` on a loopback port, claimed by three real wallets with their PINs,
// one credential of each presented and verified by the real `verifier`.
// Then: a claimed offer cannot be claimed again, a wrong PIN is refused and
// counted, an expired offer is refused, and a row with a DID is issued to it.
#include <catch2/catch.hpp>

#include <chrono>
#include <fstream>
#include <thread>

#include <nlohmann/json.hpp>

#include "tests/issuer/node_process.h"
#include "tests/testing/paths.h"
#include "tests/testing/process.h"
#include "tests/testing/temp_dir.h"

namespace passerelle {
namespace {

using nlohmann::json;
using testing::RunTool;

std::string FirstLine(const std::string& s) { return s.substr(0, s.find('\n')); }
std::string Trim(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r' || s.back() == ' ')) s.pop_back();
  return s;
}

struct Cohort {
  testing::TempDir tmp;
  testing::ProcessOptions env;
  int port = testing::FreeLoopbackPort();
  std::string dir = (tmp.path() / "centre").string();
  std::string base = "http://127.0.0.1:" + std::to_string(port);
  std::string programme =
      (testing::SourceDir() / "scripts/demo-data/programme-health-qualitician.json").string();
  std::string offers = (tmp.path() / "offers").string();
  std::string issuer_did;
  std::unique_ptr<testing::BackgroundProcess> server;

  Cohort() {
    env.env["PASSERELLE_PASSPHRASE"] = "claim-test-passphrase";
    env.env["LANG"] = "en_GB.UTF-8";
    env.cwd = tmp.path().string();
    REQUIRE(port > 0);
    auto init = RunTool("issuer", {"init", "--dir", dir, "--did-key", "--name", "Institut de santé de Lyon",
                                   "--country", "FR", "--public-url", base}, env);
    INFO(init.err);
    REQUIRE(init.exit_code == 0);
    issuer_did = FirstLine(init.out);
    server = std::make_unique<testing::BackgroundProcess>(
        std::vector<std::string>{(testing::BinDir() / "issuer").string(), "serve", "--dir", dir, "--listen",
                                 "127.0.0.1:" + std::to_string(port)},
        env.env, tmp.path(), "serve");
    REQUIRE(server->started());
    bool healthy = testing::WaitForHealth(port);
    INFO(server->err());
    REQUIRE(healthy);
  }

  testing::ProcessResult Wallet(const std::string& name, const std::vector<std::string>& args) const {
    testing::ProcessOptions options = env;
    options.env["PASSERELLE_WALLET_DIR"] = (tmp.path() / name).string();
    return RunTool("wallet", args, options);
  }
  std::string NewWallet(const std::string& name) const {
    auto w = Wallet(name, {"init"});
    INFO(w.err);
    REQUIRE(w.exit_code == 0);
    return FirstLine(w.out);
  }
  std::string Offer(const std::string& trainee, const std::string& ext) const {
    return (tmp.path() / "offers" / (trainee + ext)).string();
  }
  std::string Pin(const std::string& trainee) const { return Trim(testing::ReadFile(Offer(trainee, ".pin"))); }
};

// The first four trainees of the demo cohort; the fourth brings a DID.
std::string CohortCsv(const std::string& did_of_t4) {
  std::ifstream in(testing::SourceDir() / "scripts/demo-data/trainees.csv");
  std::string line, csv;
  for (int i = 0; i < 5 && std::getline(in, line); ++i) {
    if (!line.empty() && line.back() == '\r') line.pop_back();  // the file has CRLF line ends
    if (i == 0) csv += line + ",did\n";
    else csv += line + "," + (i == 4 ? did_of_t4 : "") + "\n";
  }
  return csv;
}

TEST_CASE("claim: a cohort's offers are claimed by three wallets, presented and verified", "[cli][claim]") {
  Cohort c;
  std::string t4_did = c.NewWallet("w4");
  std::string csv = (c.tmp.path() / "trainees.csv").string();
  std::ofstream(csv) << CohortCsv(t4_did);
  auto batch = RunTool("issuer", {"batch", "--dir", c.dir, "--programme", c.programme, "--csv", csv, "--out", c.offers,
                                  "--offers"}, c.env);
  INFO(batch.err);
  REQUIRE(batch.exit_code == 0);
  CHECK(batch.err.find("3 offers made") != std::string::npos);
  for (const char* t : {"T0001", "T0002", "T0003"}) {
    CHECK(testing::ReadFile(c.Offer(t, ".offer.txt")).rfind("openid-credential-offer://?credential_offer=", 0) == 0);
    CHECK(testing::ReadFile(c.Offer(t, ".offer.png")).rfind("\x89PNG", 0) == 0);
    CHECK(c.Pin(t).size() == 6);
  }
  // The row with a DID was issued to it, not offered.
  CHECK_FALSE(std::filesystem::exists(c.Offer("T0004", ".offer.txt")));
  json t4 = json::parse(testing::ReadFile(c.tmp.path() / "offers" / "T0004" / "HQ-M01.json"));
  CHECK(t4["credentialSubject"]["id"] == t4_did);
  // Secrets stay out of the issuer's output.
  CHECK(batch.err.find(c.Pin("T0001")) == std::string::npos);

  // A wrong PIN is refused and counted.
  std::string w2 = c.NewWallet("w2");
  std::string wrong = c.Pin("T0002") == "000000" ? "000001" : "000000";
  auto refused = c.Wallet("w2", {"claim", c.Offer("T0002", ".offer.txt"), "--pin", wrong});
  CHECK(refused.exit_code == 1);
  CHECK(refused.err.find("wrong PIN: 4 tries left") != std::string::npos);

  // Three wallets claim: by QR image, by text file, by URI on stdin.
  std::string w1 = c.NewWallet("w1");
  std::string w3 = c.NewWallet("w3");
  struct Claimed {
    std::string wallet, did, trainee;
    testing::ProcessResult result;
  };
  std::vector<Claimed> claims;
  claims.push_back({"w1", w1, "T0001", c.Wallet("w1", {"claim", c.Offer("T0001", ".offer.png"), "--pin", c.Pin("T0001")})});
  claims.push_back({"w2", w2, "T0002", c.Wallet("w2", {"claim", c.Offer("T0002", ".offer.txt"), "--pin-file",
                                                       c.Offer("T0002", ".pin")})});
  testing::ProcessOptions stdin_options = c.env;
  stdin_options.env["PASSERELLE_WALLET_DIR"] = (c.tmp.path() / "w3").string();
  stdin_options.stdin_data = testing::ReadFile(c.Offer("T0003", ".offer.txt"));
  claims.push_back({"w3", w3, "T0003", RunTool("wallet", {"claim", "-", "--pin", c.Pin("T0003")}, stdin_options)});

  // The employer's verifier works offline: it fetches the node's status lists once.
  std::string cache = (c.tmp.path() / "status-cache").string();
  auto sync = RunTool("verifier", {"sync", "--from", c.base + "/status-lists/revocation-1", "--from",
                                   c.base + "/status-lists/suspension-1", "--cache", cache}, c.env);
  INFO(sync.err);
  REQUIRE(sync.exit_code == 0);
  for (auto& claimed : claims) {
    INFO(claimed.trainee << ": " << claimed.result.err);
    REQUIRE(claimed.result.exit_code == 0);
    CHECK(claimed.result.err.find("claimed") != std::string::npos);
    std::string id = FirstLine(claimed.result.out);
    REQUIRE(id.size() == 8);
    // Present it to an employer, who verifies it offline.
    std::string challenge = "challenge-" + claimed.trainee;
    std::string presentation = (c.tmp.path() / (claimed.trainee + "-vp.json")).string();
    auto present = c.Wallet(claimed.wallet, {"present", id, "--challenge", challenge, "--out", presentation});
    INFO(present.err);
    REQUIRE(present.exit_code == 0);
    auto verify = RunTool("verifier", {"verify", presentation, "--challenge", challenge, "--trust-issuer", c.issuer_did,
                                       "--status-cache", cache}, c.env);
    INFO(verify.out << verify.err);
    CHECK(verify.exit_code == 0);
    json vp = json::parse(testing::ReadFile(presentation));
    CHECK(vp["holder"] == claimed.did);
  }

  // A claimed offer cannot be claimed again, by anyone.
  auto again = c.Wallet("w4", {"claim", c.Offer("T0001", ".offer.txt"), "--pin", c.Pin("T0001")});
  CHECK(again.exit_code == 1);
  CHECK(again.err.find("already claimed") != std::string::npos);

  // Running the batch again makes no second offer.
  auto rerun = RunTool("issuer", {"batch", "--dir", c.dir, "--programme", c.programme, "--csv", csv, "--out", c.offers,
                                  "--offers"}, c.env);
  INFO(rerun.err);
  CHECK(rerun.exit_code == 0);
  CHECK(rerun.err.find("0 offers made") != std::string::npos);
  CHECK(rerun.err.find("3 already offered") != std::string::npos);
}

TEST_CASE("claim: an expired offer is refused, and five wrong PINs lock an offer", "[cli][claim]") {
  Cohort c;
  auto offer = [&](const std::string& expires) {
    auto r = RunTool("issuer", {"offer", "--dir", c.dir, "--programme", c.programme, "--module", "HQ-M01",
                                "--given-name", "Ana", "--family-name", "Pop", "--grade", "15", "--grading-scale",
                                "FR-0-20", "--out", c.offers, "--offer-expires-in", expires}, c.env);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    return FirstLine(r.out);
  };
  std::string short_lived = offer("1s");
  std::string locked = offer("30");
  c.NewWallet("w");
  std::this_thread::sleep_for(std::chrono::milliseconds(2100));
  auto expired = c.Wallet("w", {"claim", c.Offer(short_lived, ".offer.png"), "--pin", c.Pin(short_lived)});
  CHECK(expired.exit_code == 1);
  CHECK(expired.err.find("expired") != std::string::npos);

  std::string wrong = c.Pin(locked) == "000000" ? "000001" : "000000";
  for (int i = 0; i < 5; ++i) CHECK(c.Wallet("w", {"claim", c.Offer(locked, ".offer.txt"), "--pin", wrong}).exit_code == 1);
  auto after = c.Wallet("w", {"claim", c.Offer(locked, ".offer.txt"), "--pin", c.Pin(locked)});
  CHECK(after.exit_code == 1);
  CHECK(after.err.find("locked") != std::string::npos);

  // No PIN given, and an unreachable issuer, are told apart.
  auto no_pin = c.Wallet("w", {"claim", c.Offer(locked, ".offer.txt")});
  CHECK(no_pin.exit_code == 2);
  CHECK(no_pin.err.find("PIN") != std::string::npos);
  c.server.reset();
  auto down = c.Wallet("w", {"claim", c.Offer(locked, ".offer.txt"), "--pin", c.Pin(locked)});
  CHECK(down.exit_code == 2);
  CHECK(down.err.find("could not be reached") != std::string::npos);
}

TEST_CASE("claim: from a did:web node, with its DID document given once and kept", "[cli][claim]") {
  testing::TempDir tmp;
  testing::ProcessOptions env;
  env.env["PASSERELLE_PASSPHRASE"] = "claim-web-passphrase";
  env.env["PASSERELLE_WALLET_DIR"] = (tmp.path() / "wallet").string();
  env.cwd = tmp.path().string();
  int port = testing::FreeLoopbackPort();
  std::string dir = (tmp.path() / "node").string();
  std::string did = "did:web:127.0.0.1%3A" + std::to_string(port);
  std::string base = "http://127.0.0.1:" + std::to_string(port);
  auto init = RunTool("issuer", {"init", "--dir", dir, "--did", did, "--name", "Université de Lyon", "--country", "FR",
                                 "--public-url", base}, env);
  INFO(init.err);
  REQUIRE(init.exit_code == 0);
  testing::BackgroundProcess server({(testing::BinDir() / "issuer").string(), "serve", "--dir", dir, "--listen",
                                     "127.0.0.1:" + std::to_string(port)},
                                    env.env, tmp.path(), "serve");
  REQUIRE(testing::WaitForHealth(port));
  std::string offers = (tmp.path() / "offers").string();
  auto offer = RunTool("issuer", {"offer", "--dir", dir, "--programme",
                                  (testing::SourceDir() / "scripts/demo-data/programme-health-qualitician.json").string(),
                                  "--module", "HQ-M02", "--given-name", "Ana", "--family-name", "Pop", "--grade", "16",
                                  "--grading-scale", "FR-0-20", "--out", offers}, env);
  INFO(offer.err);
  REQUIRE(offer.exit_code == 0);
  std::string id = FirstLine(offer.out);
  std::string document = (tmp.path() / "did.json").string();
  std::ofstream(document) << testing::HttpCall(port, "GET", "/.well-known/did.json").body;
  REQUIRE(RunTool("wallet", {"init"}, env).exit_code == 0);
  auto claim = RunTool("wallet", {"claim", offers + "/" + id + ".offer.txt", "--pin-file", offers + "/" + id + ".pin",
                                  "--did-document", document}, env);
  INFO(claim.err);
  REQUIRE(claim.exit_code == 0);
  // The wallet kept the issuer's document: presenting needs no option.
  std::string vp = (tmp.path() / "vp.json").string();
  auto present = RunTool("wallet", {"present", FirstLine(claim.out), "--challenge", "c-web", "--out", vp}, env);
  INFO(present.err);
  CHECK(present.exit_code == 0);
}

}  // namespace
}  // namespace passerelle
