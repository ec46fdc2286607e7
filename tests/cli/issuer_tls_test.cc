// End-to-end over HTTPS: `issuer serve --tls-cert --tls-key`, `issuer issue`
// through the node's store, and `verifier sync --ca-file` fetching the status
// lists and the did:web document over TLS with the node's certificate pinned.
#include <catch2/catch.hpp>

#include <fstream>

#include <nlohmann/json.hpp>

#include "tests/issuer/batch/batch_test_support.h"
#include "tests/issuer/node_process.h"
#include "tests/testing/paths.h"
#include "tests/testing/process.h"
#include "tests/testing/temp_dir.h"

namespace passerelle {
namespace {

using nlohmann::json;
using testing::RunTool;

bool WaitForLine(const testing::BackgroundProcess& p, const std::string& needle) {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (std::chrono::steady_clock::now() < deadline) {
    if (p.err().find(needle) != std::string::npos) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return false;
}

TEST_CASE("tls: serve over HTTPS, sync lists and the did:web document with the certificate pinned",
          "[cli][serve][tls]") {
  if (!std::filesystem::exists("/usr/bin/openssl")) {
    WARN("no openssl command: cannot make a test certificate");
    return;
  }
  testing::TempDir tmp;
  int port = testing::FreeLoopbackPort();
  std::string cert = (tmp.path() / "cert.pem").string(), key = (tmp.path() / "key.pem").string();
  auto made = testing::RunProcess({"/usr/bin/openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt",
                                   "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", key, "-out", cert, "-days", "1",
                                   "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"});
  REQUIRE(made.exit_code == 0);

  testing::ProcessOptions env;
  env.env["PASSERELLE_PASSPHRASE"] = "tls-test-passphrase";
  std::string dir = (tmp.path() / "node").string();
  std::string did = "did:web:127.0.0.1%3A" + std::to_string(port);
  std::string base = "https://127.0.0.1:" + std::to_string(port);
  REQUIRE(RunTool("issuer", {"init", "--dir", dir, "--did", did, "--name", "TLS School", "--country", "FR",
                             "--public-url", base}, env).exit_code == 0);
  auto issued = RunTool("issuer", {"issue", "--dir", dir, "--kind", "module", "--programme",
                                   testing::DemoProgramme().string(), "--module", "HQ-M01", "--given-name", "Ana",
                                   "--family-name", "Pop", "--grade", "9.5", "--grading-scale", "RO-1-10"}, env);
  INFO(issued.err);
  REQUIRE(issued.exit_code == 0);
  json vc = json::parse(issued.out);
  REQUIRE(vc["credentialStatus"].size() == 2);
  CHECK(vc["credentialStatus"][0]["statusListCredential"].get<std::string>().rfind(base + "/status-lists/", 0) == 0);
  auto list = RunTool("issuer", {"list", "--dir", dir, "--json"});
  REQUIRE(json::parse(list.out).size() == 1);

  testing::BackgroundProcess server({(testing::BinDir() / "issuer").string(), "serve", "--dir", dir, "--listen",
                                     "127.0.0.1:" + std::to_string(port), "--tls-cert", cert, "--tls-key", key},
                                    env.env, tmp.path(), "serve");
  REQUIRE(WaitForLine(server, "issuer: serving"));
  // Plain HTTP on the TLS port gets nothing useful.
  CHECK(testing::HttpCall(port, "GET", "/healthz").status != 200);

  std::string cache = (tmp.path() / "cache").string();
  std::vector<std::string> sync = {"sync", "--cache", cache, "--ca-file", cert};
  for (const auto& e : vc["credentialStatus"]) {
    sync.push_back("--from");
    sync.push_back(e["statusListCredential"]);
  }
  auto synced = RunTool("verifier", sync);
  INFO(synced.err << server.err());
  REQUIRE(synced.exit_code == 0);
  auto file = tmp.path() / "vc.json";
  std::ofstream(file) << vc.dump();
  auto verdict = RunTool("verifier", {"verify", file.string(), "--status-cache", cache, "--trust-issuer", did});
  INFO(verdict.out << verdict.err);
  CHECK(verdict.exit_code == 0);

  // Without the pinned certificate, TLS verification refuses the node.
  auto unpinned = RunTool("verifier", {"sync", "--cache", cache, "--from", vc["credentialStatus"][0]["statusListCredential"]});
  CHECK(unpinned.exit_code == 2);
  server.Signal(SIGTERM);
  CHECK(server.Wait(std::chrono::seconds(10)) == 0);
}

}  // namespace
}  // namespace passerelle
