// End-to-end: a consortium root names the national authorities, the French
// authority signs the list of issuers it accredits, and an employer's
// verifier trusts a did:web issuer from those two files alone (no DID
// document, no --trust-issuer), the built binaries as users run them.
#include <chrono>
#include <fstream>
#include <thread>

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "tests/http/loopback_server.h"
#include "tests/issuer/node_process.h"
#include "tests/testing/paths.h"
#include "tests/testing/process.h"
#include "tests/testing/temp_dir.h"

namespace passerelle {
namespace {

using nlohmann::json;
using testing::ProcessOptions;
using testing::RunTool;

struct TrustWorld {
  testing::TempDir tmp;
  ProcessOptions env;

  TrustWorld() { env.env["PASSERELLE_PASSPHRASE"] = "integration-test-passphrase"; }
  std::string Dir(const std::string& name) const { return (tmp.path() / name).string(); }
  std::string Path(const std::string& name) const { return (tmp.path() / name).string(); }

  void Init(const std::string& name, const std::string& did, const std::string& country) const {
    auto r = RunTool("issuer", {"init", "--dir", Dir(name), "--did", did, "--name", name, "--country", country}, env);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
  }
  json Entry(const std::string& name, const std::vector<std::string>& extra) const {
    std::vector<std::string> args = {"trust-list", "entry", "--dir", Dir(name)};
    args.insert(args.end(), extra.begin(), extra.end());
    auto r = RunTool("issuer", args, env);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    return json::parse(r.out);
  }
  std::string SignList(const std::string& signer, const json& entries, const std::string& out,
                       const std::string& id = "") const {
    std::ofstream(Path(out + ".entries")) << entries.dump();
    auto r = RunTool("issuer", {"trust-list", "sign", "--dir", Dir(signer), "--entries", Path(out + ".entries"),
                                "--out", Path(out), "--id", id.empty() ? "https://" + signer + ".example/" + out : id},
                     env);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    return Path(out);
  }
  std::string IssueModule(const std::string& issuer) const {
    auto r = RunTool("issuer",
                     {"issue", "--dir", Dir(issuer), "--kind", "module", "--programme",
                      (testing::SourceDir() / "scripts/demo-data/programme-health-qualitician.json").string(),
                      "--module", "HQ-M01", "--learner-did", "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK",
                      "--grade", "16", "--grading-scale", "FR-0-20"},
                     env);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    std::ofstream(Path(issuer + "-module.json")) << r.out;
    return Path(issuer + "-module.json");
  }
};

TEST_CASE("cli: trust lists: root, authority list, then a did:web issuer verifies offline", "[cli][trust]") {
  TrustWorld w;
  w.Init("root", "did:web:trust.passerelle.example", "EU");
  w.Init("authority-fr", "did:web:authority.example.fr", "FR");
  w.Init("authority-ro", "did:web:authority.example.ro", "RO");
  w.Init("lyon", "did:web:ifs-lyon.example.fr", "FR");
  const json lyon = w.Entry("lyon", {"--kind", "module,certification", "--eqf", "5,6"});
  CHECK(lyon["type"] == "AccreditedIssuer");
  CHECK(lyon["publicKey"][0]["id"] == "did:web:ifs-lyon.example.fr#key-1");

  // A root list without its own signer could not be checked offline.
  std::ofstream(w.Path("no-self.entries")) << json::array({w.Entry("authority-fr", {"--authority"})}).dump();
  auto no_self = RunTool("issuer", {"trust-list", "sign", "--dir", w.Dir("root"), "--entries",
                                    w.Path("no-self.entries"), "--out", w.Path("no-self.json")},
                         w.env);
  CHECK(no_self.exit_code == 1);
  CHECK_THAT(no_self.err, Catch::Contains("--authority"));

  const std::string root =
      w.SignList("root", json::array({w.Entry("root", {"--authority"}), w.Entry("authority-fr", {"--authority"}),
                                      w.Entry("authority-ro", {"--authority"})}),
                 "root.json");
  const std::string fr = w.SignList("authority-fr", json::array({lyon}), "fr.json");
  const std::string credential = w.IssueModule("lyon");

  SECTION("options before the credential: each --trust-root and --trust-list takes one file") {
    auto v = RunTool("verifier", {"verify", "--trust-root", root, "--trust-list", fr, credential});
    INFO(v.out << v.err);
    CHECK(v.exit_code == 0);
  }

  SECTION("with the root and the French list: verified, and the verdict names who accredits") {
    auto v = RunTool("verifier", {"verify", credential, "--trust-root", root, "--trust-list", fr, "--json"});
    INFO(v.out << v.err);
    CHECK(v.exit_code == 0);
    json report = json::parse(v.out);
    CHECK(report["verified"] == true);
    CHECK(report["freshness"]["trust"].is_string());
    bool named = false;
    for (const auto& c : report["checks"])
      if (c["check"] == "issuer") named = c["detail"].get<std::string>().find("did:web:authority.example.fr") != std::string::npos;
    CHECK(named);
  }
  SECTION("without the lists: untrusted (1), and the key cannot even be found") {
    auto v = RunTool("verifier", {"verify", credential});
    CHECK(v.exit_code == 1);
  }
  SECTION("a list without its root: no verdict (2), with a hint") {
    auto v = RunTool("verifier", {"verify", credential, "--trust-list", fr});
    CHECK(v.exit_code == 2);
    CHECK_THAT(v.err, Catch::Contains("--trust-root"));
  }
  SECTION("the Romanian authority cannot accredit a French institute") {
    const std::string ro = w.SignList("authority-ro", json::array({lyon}), "ro.json");
    auto v = RunTool("verifier", {"verify", credential, "--trust-root", root, "--trust-list", ro});
    CHECK(v.exit_code == 2);
    CHECK_THAT(v.err, Catch::Contains("answers for RO"));
  }
  SECTION("a list edited after signing is refused") {
    json list = json::parse(std::ifstream(fr));
    list["credentialSubject"]["trustedEntity"][0]["eqfLevel"].push_back("http://data.europa.eu/snb/eqf/8");
    std::ofstream(w.Path("fr-edited.json")) << list.dump();
    auto v = RunTool("verifier", {"verify", credential, "--trust-root", root, "--trust-list", w.Path("fr-edited.json")});
    CHECK(v.exit_code == 2);
    CHECK_THAT(v.err, Catch::Contains("refused"));
  }
  SECTION("outside its accreditation: a diploma-only entry does not cover a module") {
    json diploma_only = lyon;
    diploma_only["credentialKind"] = {"diploma"};
    const std::string narrow = w.SignList("authority-fr", json::array({diploma_only}), "fr-narrow.json");
    auto v = RunTool("verifier", {"verify", credential, "--trust-root", root, "--trust-list", narrow});
    INFO(v.err);
    CHECK(v.exit_code == 1);
    CHECK_THAT(v.out, Catch::Contains("not accredited to issue module"));
  }
  SECTION("the list expires: after its validUntil it is refused") {
    auto v = RunTool("verifier", {"verify", credential, "--trust-root", root, "--trust-list", fr, "--at",
                                  "2031-01-01T00:00:00Z"});
    CHECK(v.exit_code == 2);
  }
}

TEST_CASE("cli: verifier sync --trust-root caches a published list, then verify needs only the root", "[cli][trust]") {
  TrustWorld w;
  w.Init("root", "did:web:trust.passerelle.example", "EU");
  w.Init("authority-fr", "did:web:authority.example.fr", "FR");
  w.Init("lyon", "did:web:ifs-lyon.example.fr", "FR");
  const std::string root = w.SignList(
      "root", json::array({w.Entry("root", {"--authority"}), w.Entry("authority-fr", {"--authority"})}), "root.json");
  // The authority publishes its list on a web server (here on loopback).
  std::string published;
  http::Router routes = testing::DocumentRoutes("/trust-list.json", &published);
  testing::LoopbackServer server(routes);
  const std::string url = server.Url("/trust-list.json");
  published = testing::ReadFile(
      w.SignList("authority-fr", json::array({w.Entry("lyon", {"--kind", "module"})}), "fr.json", url));
  const std::string cache = w.Path("cache");

  auto without_root = RunTool("verifier", {"sync", "--from", url, "--cache", cache});
  auto synced = RunTool("verifier", {"sync", "--from", url, "--cache", cache, "--trust-root", root});
  server.Stop();
  CHECK(without_root.exit_code == 2);
  CHECK_THAT(without_root.err, Catch::Contains("--trust-root"));
  INFO(synced.out << synced.err);
  REQUIRE(synced.exit_code == 0);
  CHECK_THAT(synced.out, Catch::Contains("trust list of 1 entry"));

  const std::string credential = w.IssueModule("lyon");
  auto v = RunTool("verifier", {"verify", credential, "--trust-root", root, "--status-cache", cache});
  INFO(v.out << v.err);
  CHECK(v.exit_code == 0);
  CHECK_THAT(v.out, Catch::Contains("accredited by did:web:authority.example.fr"));
  // Without the root the cached list vouches for nothing.
  CHECK(RunTool("verifier", {"verify", credential, "--status-cache", cache}).exit_code == 1);
}

TEST_CASE("cli: verifier sync takes a did:web issuer's keys from its trust list, not from its host",
          "[cli][trust][sync]") {
  TrustWorld w;
  w.Init("root", "did:web:trust.passerelle.example", "EU");
  w.Init("authority-fr", "did:web:authority.example.fr", "FR");
  // The issuer's DID names a host this machine cannot reach; its node (and
  // status lists) runs on loopback.
  const int port = testing::FreeLoopbackPort();
  REQUIRE(port > 0);
  const std::string base = "http://127.0.0.1:" + std::to_string(port);
  auto init = RunTool("issuer", {"init", "--dir", w.Dir("lyon"), "--did", "did:web:ifs-lyon.invalid", "--name", "Lyon",
                                 "--country", "FR", "--public-url", base},
                      w.env);
  INFO(init.err);
  REQUIRE(init.exit_code == 0);
  const std::string root = w.SignList(
      "root", json::array({w.Entry("root", {"--authority"}), w.Entry("authority-fr", {"--authority"})}), "root.json");
  std::string published;
  http::Router routes = testing::DocumentRoutes("/trust-list.json", &published);
  testing::LoopbackServer lists(routes);
  const std::string trust_url = lists.Url("/trust-list.json");
  published = testing::ReadFile(
      w.SignList("authority-fr", json::array({w.Entry("lyon", {"--kind", "module"})}), "fr.json", trust_url));
  const std::string credential = w.IssueModule("lyon");
  std::vector<std::string> status_urls;
  const json issued = json::parse(testing::ReadFile(credential));
  for (const auto& entry : issued["credentialStatus"])
    status_urls.push_back(entry["statusListCredential"]);
  REQUIRE(status_urls.size() == 2);  // revocation and suspension
  testing::BackgroundProcess node({(testing::BinDir() / "issuer").string(), "serve", "--dir", w.Dir("lyon"), "--listen",
                                   "127.0.0.1:" + std::to_string(port)},
                                  w.env.env, w.tmp.path(), "serve");
  REQUIRE(node.started());
  REQUIRE(testing::WaitForHealth(port));

  const std::string cache = w.Path("cache");
  auto synced = RunTool("verifier", {"sync", "--trust-root", root, "--from", trust_url, "--from", status_urls[0],
                                     "--cache", cache});
  INFO(synced.out << synced.err);
  CHECK(synced.exit_code == 0);
  CHECK_THAT(synced.out, Catch::Contains("revocation"));
  // A later run finds the keys in the trust list it cached.
  auto again = RunTool("verifier", {"sync", "--trust-root", root, "--from", status_urls[1], "--cache", cache});
  INFO(again.out << again.err);
  CHECK(again.exit_code == 0);
  node.Signal(SIGTERM);
  node.Wait(std::chrono::seconds(10));
  lists.Stop();

  auto v = RunTool("verifier", {"verify", credential, "--trust-root", root, "--status-cache", cache});
  INFO(v.out << v.err);
  CHECK(v.exit_code == 0);
}

TEST_CASE("cli: trust-list entry and sign refuse what a verifier would refuse", "[cli][trust]") {
  TrustWorld w;
  w.Init("lyon", "did:web:ifs-lyon.example.fr", "FR");
  CHECK(RunTool("issuer", {"trust-list", "entry", "--dir", w.Dir("lyon"), "--eqf", "9"}, w.env).exit_code == 2);
  CHECK(RunTool("issuer", {"trust-list", "entry", "--dir", w.Dir("lyon"), "--kind", "degree"}, w.env).exit_code == 2);
  CHECK(RunTool("issuer", {"trust-list", "entry", "--dir", w.Dir("lyon"), "--authority", "--kind", "module"}, w.env)
            .exit_code == 2);
  std::ofstream(w.Path("bad.entries")) << R"([{"id": "did:web:x.example", "type": "AccreditedIssuer"}])";
  auto r = RunTool("issuer", {"trust-list", "sign", "--dir", w.Dir("lyon"), "--entries", w.Path("bad.entries"),
                              "--out", w.Path("out.json")},
                   w.env);
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err, Catch::Contains("/0/country"));
  CHECK_FALSE(std::ifstream(w.Path("out.json")).good());
}

}  // namespace
}  // namespace passerelle
