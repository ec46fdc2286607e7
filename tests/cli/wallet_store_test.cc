// End-to-end: the wallet binary's store and verbs — nothing in the clear on
// disk, a clear error for a wrong passphrase, import refusing what fails,
// duplicates, list in the user's language, show, present, export.
#include <chrono>
#include <filesystem>
#include <thread>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "tests/cli/wallet_cli_fixture.h"
#include "tests/http/loopback_server.h"

namespace passerelle {
namespace {

using namespace wallet_cli_testing;
using nlohmann::json;
namespace fs = std::filesystem;

TEST_CASE("cli: the wallet store holds no plaintext", "[cli][wallet][store]") {
  Scenario s;
  std::string file = s.IssueModule("m1.json", s.holder_did);
  json vc = json::parse(testing::ReadFile(file));
  std::string credential_id = vc["id"];
  auto r = s.Wallet({"import", file});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  std::string store;
  int files = 0;
  for (const auto& e : fs::recursive_directory_iterator(s.Path("wallet")))
    if (e.is_regular_file()) {
      store += testing::ReadFile(e.path()) + "\n" + e.path().string();
      ++files;
    }
  CHECK(files >= 4);
  CHECK(store.find("Mercier") == std::string::npos);
  CHECK(store.find("J\xc3\xa9r\xc3\xb4me") == std::string::npos);
  CHECK(store.find(credential_id) == std::string::npos);
  CHECK(store.find(credential_id.substr(9, 8)) == std::string::npos);  // not even part of the UUID
  CHECK(store.find("Foundations of quality") == std::string::npos);
  CHECK(store.find("18.1") == std::string::npos);
}

TEST_CASE("cli: a wallet busy with another command: the next one says it waits, then proceeds",
          "[cli][wallet][store]") {
  Scenario s;
  std::thread release;
  {
    // What another `wallet import` holds while it writes.
    auto writer = wallet::WalletStore::Open(s.Path("wallet"), SecretBytes::CopyFrom(kPassphrase).value(),
                                            wallet::LockMode::kExclusive);
    REQUIRE(writer.ok());
    release = std::thread([w = std::move(*writer)]() mutable {
      std::this_thread::sleep_for(std::chrono::milliseconds(1500));
      wallet::WalletStore gone = std::move(w);
    });
  }
  auto r = s.Wallet({"list"});
  release.join();
  INFO(r.err);
  CHECK(r.exit_code == 0);
  CHECK_THAT(r.err, Catch::Contains("another wallet command is using this wallet; waiting"));

  // Free again: not a word about waiting.
  auto again = s.Wallet({"list"});
  CHECK(again.exit_code == 0);
  CHECK(again.err.find("waiting") == std::string::npos);
}

TEST_CASE("cli: a wrong passphrase gives a clear error (2)", "[cli][wallet][store]") {
  Scenario s;
  s.ImportModule();
  ProcessOptions wrong = s.env;
  wrong.env["PASSERELLE_PASSPHRASE"] = "not the passphrase";
  for (std::vector<std::string> args : {std::vector<std::string>{"list"}, {"show", "0000"},
                                        {"import", s.Path("HQ-M01.json")}, {"qr", "0000", "--terminal"}}) {
    auto r = s.Wallet(args, &wrong);
    INFO(args[0] << ": " << r.err);
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, Catch::Contains("wallet: error: wallet \"" + s.Path("wallet") + "\": wrong passphrase"));
    CHECK_THAT(r.err, Catch::Contains("wallet: hint:"));
    CHECK(r.out.empty());
  }
  // From a file too; never from argv.
  std::string pass_file = s.Write("pass.txt", kPassphrase + "\n");
  ProcessOptions from_file = s.env;
  from_file.unset_env = {"PASSERELLE_PASSPHRASE", "LC_ALL", "LC_MESSAGES"};
  from_file.env.erase("PASSERELLE_PASSPHRASE");
  auto ok = s.Wallet({"list", "--passphrase-file", pass_file}, &from_file);
  INFO(ok.err);
  CHECK(ok.exit_code == 0);
  auto none = s.Wallet({"list"}, &from_file);  // no terminal, no file, no variable
  CHECK(none.exit_code == 2);
  CHECK_THAT(none.err, Catch::Contains("PASSERELLE_PASSPHRASE"));
}

TEST_CASE("cli: wallet init never overwrites, and --dir or the variable chooses the folder", "[cli][wallet][store]") {
  Scenario s;
  auto again = s.Wallet({"init"});
  CHECK(again.exit_code == 2);
  CHECK_THAT(again.err, Catch::Contains("already exists"));
  auto did = s.Wallet({"did"});
  CHECK(did.out == s.holder_did + "\n");
  auto other = s.Wallet({"init", "--dir", s.Path("elsewhere")});
  REQUIRE(other.exit_code == 0);
  CHECK(other.out != did.out);
  CHECK(fs::exists(s.Path("elsewhere/wallet.json")));
  auto missing = s.Wallet({"list", "--dir", s.Path("no-wallet-here")});
  CHECK(missing.exit_code == 2);
  CHECK_THAT(missing.err, Catch::Contains("wallet init"));
}

TEST_CASE("cli: import refuses what does not verify, with the reason", "[cli][wallet][store]") {
  Scenario s;
  json vc = json::parse(testing::ReadFile(s.IssueModule("m1.json", s.holder_did)));
  json bad = vc;
  bad["credentialSubject"]["achievement"]["grade"]["value"] = "20.0";
  auto r = s.Wallet({"import", s.Write("bad.json", bad.dump())});
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err, Catch::Contains("refused"));
  CHECK_THAT(r.err, Catch::Contains("signature does not match"));
  auto junk = s.Wallet({"import", s.Write("junk.json", "{\"not\": ")});
  CHECK(junk.exit_code == 2);
  CHECK_THAT(junk.err, Catch::Contains("not JSON"));
  auto missing = s.Wallet({"import", s.Path("missing.json")});
  CHECK(missing.exit_code == 2);
  // Nothing was stored.
  auto list = s.Wallet({"list", "--json"});
  REQUIRE(list.exit_code == 0);
  CHECK(json::parse(list.out).empty());
}

TEST_CASE("cli: import from stdin and from a file, duplicates detected", "[cli][wallet][store]") {
  Scenario s;
  std::string file = s.IssueModule("m1.json", s.holder_did);
  ProcessOptions piped = s.env;
  piped.stdin_data = testing::ReadFile(file);
  auto first = s.Wallet({"import", "-"}, &piped);
  INFO(first.err);
  REQUIRE(first.exit_code == 0);
  CHECK_THAT(first.err, Catch::Contains("trust list"));  // an issuer nobody vouched for yet: a warning
  auto dup = s.Wallet({"import", file});
  CHECK(dup.exit_code == 0);
  CHECK(dup.out == first.out);
  CHECK_THAT(dup.err, Catch::Contains("already in the wallet"));
  CHECK(json::parse(s.Wallet({"list", "--json"}).out).size() == 1);
}

TEST_CASE("cli: import from an http URL", "[cli][wallet][store]") {
  Scenario s;
  std::string credential = testing::ReadFile(s.IssueModule("m1.json", s.holder_did));
  http::Router routes = testing::DocumentRoutes("/credentials/m1", &credential);
  testing::LoopbackServer server(routes);
  std::string base = server.Url("");
  auto ok = s.Wallet({"import", base + "/credentials/m1"});
  auto missing = s.Wallet({"import", base + "/credentials/none"});
  server.Stop();
  INFO(ok.err);
  CHECK(ok.exit_code == 0);
  CHECK(missing.exit_code == 2);
  CHECK_THAT(missing.err, Catch::Contains("HTTP 404"));
  json list = json::parse(s.Wallet({"list", "--json"}).out);
  REQUIRE(list.size() == 1);
  CHECK(json::parse(s.Wallet({"show", list[0]["id"], "--json"}).out)["unverified"]["source"] ==
        base + "/credentials/m1");
}

TEST_CASE("cli: list and show, titles in the user's language", "[cli][wallet][store]") {
  Scenario s;
  std::string id = s.ImportModule("HQ-M01");
  s.ImportModule("HQ-M04");
  auto en = s.Wallet({"list"});
  REQUIRE(en.exit_code == 0);
  CHECK_THAT(en.out, Catch::Contains("Foundations of quality management"));
  CHECK_THAT(en.out, Catch::Contains("Clinical audit and quality indicators"));
  CHECK_THAT(en.out, Catch::Contains("Institut de formation"));
  ProcessOptions fr = s.env;
  fr.env["LANG"] = "fr_FR.UTF-8";
  auto list_fr = s.Wallet({"list"}, &fr);
  CHECK_THAT(list_fr.out, Catch::Contains("Fondamentaux du management de la qualit"));
  CHECK_THAT(list_fr.out, Catch::Contains("Audit clinique et indicateurs"));
  ProcessOptions el = s.env;
  el.env["LANG"] = "el_GR.UTF-8";
  CHECK_THAT(s.Wallet({"list"}, &el).out, Catch::Contains("Θεμέλια"));
  ProcessOptions kk = s.env;
  kk.env["LANG"] = "kk_KZ.UTF-8";  // no Kazakh title: English
  CHECK_THAT(s.Wallet({"list"}, &kk).out, Catch::Contains("Foundations of quality"));

  json list = json::parse(s.Wallet({"list", "--json"}, &fr).out);
  REQUIRE(list.size() == 2);
  CHECK(list[0]["id"] == id);
  CHECK(list[0]["kind"] == "module");
  CHECK(list[0]["eqfLevel"] == 5);
  CHECK(list[0]["ects"] == 6);
  CHECK(list[0]["issuer"] == s.issuer_did);
  CHECK(list[0]["title"] == "Fondamentaux du management de la qualité en santé");

  auto show = s.Wallet({"show", id});
  REQUIRE(show.exit_code == 0);
  CHECK_THAT(show.out, Catch::Contains("18.1 (FR-0-20)"));
  CHECK_THAT(show.out, Catch::Contains("Jérôme Mercier"));
  CHECK_THAT(show.out, Catch::Contains("unverified (wallet metadata):"));
  json shown = json::parse(s.Wallet({"show", id, "--json"}).out);
  CHECK(shown["verified"] == true);
  CHECK(shown["credential"]["credentialSubject"]["id"] == s.holder_did);
  auto missing = s.Wallet({"show", "abcdef12"});
  CHECK(missing.exit_code == 2);
  CHECK_THAT(missing.err, Catch::Contains("wallet list"));
}

TEST_CASE("cli: present writes a presentation the verifier accepts", "[cli][wallet][store]") {
  Scenario s;
  std::string a = s.ImportModule("HQ-M01");
  std::string b = s.ImportModule("HQ-M02");
  auto p = s.Wallet({"present", a, b, "--challenge", "c-9", "--domain", "x.example", "--out", "vp.json"});
  INFO(p.err);
  REQUIRE(p.exit_code == 0);
  auto v = s.Verifier({s.Path("vp.json"), "--challenge", "c-9", "--domain", "x.example", "--json"});
  INFO(v.out << v.err);
  CHECK(v.exit_code == 0);
  json report = json::parse(v.out);
  CHECK(report["credentials"].size() == 2);
  auto to_stdout = s.Wallet({"present", a});
  REQUIRE(to_stdout.exit_code == 0);
  CHECK(json::parse(to_stdout.out)["holder"] == s.holder_did);
  CHECK_THAT(to_stdout.err, Catch::Contains("--challenge"));  // a hint about replay
}

// User trials: a repeatable option swallowed the argument after it.
TEST_CASE("cli: --did-document takes one file, leaving the credential and the IDs after it", "[cli][wallet][store]") {
  Scenario s;
  const std::string dir = s.Path("uni");
  REQUIRE(RunTool("issuer", {"init", "--dir", dir, "--did", "did:web:uni.example", "--name", "Uni", "--country", "RO"},
                  s.env)
              .exit_code == 0);
  auto doc = RunTool("issuer", {"did", "--dir", dir});
  REQUIRE(doc.exit_code == 0);
  std::string did_document = s.Write("did.json", doc.out);
  json unsigned_vc = {{"@context", {"https://www.w3.org/ns/credentials/v2"}},
                      {"type", {"VerifiableCredential"}},
                      {"issuer", "did:web:uni.example"},
                      {"validFrom", "2026-01-01T00:00:00Z"},
                      {"credentialSubject", {{"id", s.holder_did}}}};
  auto signed_vc = RunTool("issuer", {"sign", "--dir", dir, s.Write("u.json", unsigned_vc.dump())}, s.env);
  REQUIRE(signed_vc.exit_code == 0);
  std::string file = s.Write("vc.json", signed_vc.out);
  auto imported = s.Wallet({"import", "--did-document", did_document, file});
  INFO(imported.err);
  REQUIRE(imported.exit_code == 0);
  std::string id = imported.out.substr(0, imported.out.find('\n'));
  auto presented = s.Wallet({"present", "--did-document", did_document, id, "--challenge", "c-1"});
  INFO(presented.err);
  CHECK(presented.exit_code == 0);
  CHECK(json::parse(presented.out)["holder"] == s.holder_did);
}

TEST_CASE("cli: export json gives back the signed credential, bad formats and IDs are usage errors (2)", "[cli][wallet][store]") {
  Scenario s;
  std::string file = s.IssueModule("m1.json", s.holder_did);
  auto imported = s.Wallet({"import", file});
  REQUIRE(imported.exit_code == 0);
  std::string id = imported.out.substr(0, imported.out.find('\n'));
  auto e = s.Wallet({"export", id, "--format", "json"});
  REQUIRE(e.exit_code == 0);
  CHECK(json::parse(e.out) == json::parse(testing::ReadFile(file)));
  auto v = s.Verifier({s.Write("exported.json", e.out)});
  CHECK(v.exit_code == 0);
  CHECK(s.Wallet({"export", id, "--format", "docx"}).exit_code == 2);
  CHECK(s.Wallet({"export", id, id, "--format", "json"}).exit_code == 2);  // one at a time
  auto no_out = s.Wallet({"export", id, "--format", "pdf"});
  CHECK(no_out.exit_code == 2);
  CHECK_THAT(no_out.err, Catch::Contains("--out"));
}

}  // namespace
}  // namespace passerelle
