// End-to-end: the real `issuer serve` on a loopback port, driven over HTTP,
// and the real `verifier sync` / `verifier verify` against it. Each test
// starts its own node (free port, did:web on 127.0.0.1) and kills it at the
// end; every wait is bounded.
#include <catch2/catch.hpp>

#include <fstream>

#include <nlohmann/json.hpp>

#include "tests/issuer/node_process.h"
#include "tests/testing/paths.h"
#include "tests/testing/process.h"
#include "tests/testing/temp_dir.h"

namespace passerelle {
namespace {

using nlohmann::json;
using testing::HttpCall;
using testing::RunTool;

json Json(const std::string& text) { return json::parse(text, nullptr, false); }

struct Node {
  testing::TempDir tmp;
  testing::ProcessOptions env;
  int port = testing::FreeLoopbackPort();
  std::string dir = (tmp.path() / "node").string();
  std::string did = "did:web:127.0.0.1%3A" + std::to_string(port);
  std::string base = "http://127.0.0.1:" + std::to_string(port);
  std::string admin, issue_only, status_only;
  std::unique_ptr<testing::BackgroundProcess> server;

  explicit Node(const std::string& suite = "eddsa-rdfc-2022") {
    env.env["PASSERELLE_PASSPHRASE"] = "serve-test-passphrase";
    REQUIRE(port > 0);
    auto init = RunTool("issuer", {"init", "--dir", dir, "--did", did, "--name", "École de santé de Lyon", "--country",
                                   "FR", "--public-url", base}, env);
    INFO(init.err);
    REQUIRE(init.exit_code == 0);
    admin = Token("admin");
    issue_only = Token("issue");
    status_only = Token("status");
    Start(suite);
  }

  std::string Token(const std::string& scope) {
    auto t = RunTool("issuer", {"token", "create", "--dir", dir, "--scope", scope}, env);
    REQUIRE(t.exit_code == 0);
    return t.out.substr(0, t.out.find('\n'));
  }

  void Start(const std::string& suite) {
    server = std::make_unique<testing::BackgroundProcess>(
        std::vector<std::string>{(testing::BinDir() / "issuer").string(), "serve", "--dir", dir, "--listen",
                                 "127.0.0.1:" + std::to_string(port), "--suite", suite, "--max-request-bytes", "65536"},
        env.env, tmp.path(), "serve");
    REQUIRE(server->started());
    bool healthy = testing::WaitForHealth(port);
    INFO(server->err());
    REQUIRE(healthy);
  }

  ~Node() {
    if (server && server->running()) {
      server->Signal(SIGTERM);
      if (server->Wait(std::chrono::seconds(10)) < 0) server->Signal(SIGKILL);
    }
  }

  testing::HttpReply Post(const std::string& path, const json& body, const std::string& token) {
    return HttpCall(port, "POST", path, body.dump(), {{"Authorization", "Bearer " + token}});
  }

  json Issue(const json& credential = {{"@context", {"https://www.w3.org/ns/credentials/v2"}},
                                       {"type", {"VerifiableCredential"}},
                                       {"credentialSubject", {{"id", "did:example:learner"}}}}) {
    auto r = Post("/credentials/issue", {{"credential", credential}}, issue_only);
    INFO(r.body);
    REQUIRE(r.status == 201);
    return Json(r.body)["verifiableCredential"];
  }

  std::string Write(const std::string& name, const json& doc) {
    auto p = tmp.path() / name;
    std::ofstream(p) << doc.dump(2);
    return p.string();
  }

  std::vector<std::string> ListUrls(const json& vc) {
    std::vector<std::string> urls;
    for (const auto& e : vc["credentialStatus"]) urls.push_back(e["statusListCredential"]);
    return urls;
  }

  testing::ProcessResult Sync(const json& vc, const std::string& cache) {
    std::vector<std::string> args = {"sync", "--cache", cache};
    for (const auto& u : ListUrls(vc)) {
      args.push_back("--from");
      args.push_back(u);
    }
    return RunTool("verifier", args);
  }

  testing::ProcessResult Verify(const std::string& file, const std::string& cache) {
    return RunTool("verifier", {"verify", file, "--status-cache", cache, "--trust-issuer", did});
  }
};

TEST_CASE("serve: issue over HTTP, sync, verify offline", "[cli][serve]") {
  Node node;
  json vc = node.Issue();
  CHECK(vc["issuer"] == node.did);
  CHECK(vc["proof"]["cryptosuite"] == "eddsa-rdfc-2022");
  std::string file = node.Write("vc.json", vc);
  std::string cache = (node.tmp.path() / "cache").string();

  // Without the lists: not valid, and it says which list and how to get it.
  auto missing = node.Verify(file, cache);
  CHECK(missing.exit_code == 1);
  CHECK(missing.out.find("not in the status cache") != std::string::npos);

  auto sync = node.Sync(vc, cache);
  INFO(sync.err);
  REQUIRE(sync.exit_code == 0);
  CHECK(sync.out.find("131072 entries") != std::string::npos);
  auto ok = node.Verify(file, cache);
  INFO(ok.out << ok.err);
  CHECK(ok.exit_code == 0);
  CHECK(ok.out.find("VERIFIED") != std::string::npos);
  CHECK(ok.out.find("status lists fetched") != std::string::npos);

  // The node's own verify endpoint agrees.
  auto v = node.Post("/credentials/verify", {{"verifiableCredential", vc}, {"options", {{"checks", {"proof", "credentialStatus"}}}}},
                     node.issue_only);
  CHECK(v.status == 200);
}

TEST_CASE("serve: revoke over HTTP and with the CLI, the verifier reports it revoked (exit 1)", "[cli][serve]") {
  Node node;
  json by_http = node.Issue(), by_cli = node.Issue();
  std::string cache = (node.tmp.path() / "cache").string();
  REQUIRE(node.Sync(by_http, cache).exit_code == 0);
  REQUIRE(node.Verify(node.Write("a.json", by_http), cache).exit_code == 0);

  auto r = node.Post("/credentials/status",
                     {{"credentialId", by_http["id"]},
                      {"credentialStatus", {{{"type", "BitstringStatusListEntry"}, {"status", "revoked"}}}}},
                     node.status_only);
  INFO(r.body);
  REQUIRE(r.status == 200);
  auto cli = RunTool("issuer", {"revoke", "--dir", node.dir, by_cli["id"].get<std::string>()}, node.env);
  INFO(cli.err);
  REQUIRE(cli.exit_code == 0);
  CHECK(cli.out.find("revoked") != std::string::npos);

  REQUIRE(node.Sync(by_http, cache).exit_code == 0);
  for (const char* name : {"a.json", "b.json"}) {
    auto verdict = node.Verify(node.Write(name, std::string(name) == "a.json" ? by_http : by_cli), cache);
    CHECK(verdict.exit_code == 1);
    CHECK(verdict.err.find("revoked by its issuer") != std::string::npos);
  }
  auto audit = RunTool("issuer", {"audit", "--dir", node.dir});
  CHECK(audit.exit_code == 0);
  CHECK(audit.out.find("\"action\":\"revoke\"") != std::string::npos);
}

TEST_CASE("serve: suspend and unsuspend", "[cli][serve]") {
  Node node;
  json vc = node.Issue();
  std::string file = node.Write("vc.json", vc), cache = (node.tmp.path() / "cache").string();
  std::string id = vc["id"];
  REQUIRE(RunTool("issuer", {"suspend", "--dir", node.dir, id}, node.env).exit_code == 0);
  REQUIRE(node.Sync(vc, cache).exit_code == 0);
  auto suspended = node.Verify(file, cache);
  CHECK(suspended.exit_code == 1);
  CHECK(suspended.err.find("suspended") != std::string::npos);

  auto active = node.Post("/credentials/status", {{"credentialId", id}, {"credentialStatus", {{{"status", "active"}}}}},
                          node.status_only);
  REQUIRE(active.status == 200);
  CHECK(Json(active.body)["status"] == "active");
  REQUIRE(node.Sync(vc, cache).exit_code == 0);
  CHECK(node.Verify(file, cache).exit_code == 0);
}

TEST_CASE("serve: 401 without a token, 403 for the wrong scope, 413 for a large body, 400 for bad JSON",
          "[cli][serve]") {
  Node node;
  json body = {{"credential", {{"@context", {"https://www.w3.org/ns/credentials/v2"}},
                               {"type", {"VerifiableCredential"}},
                               {"credentialSubject", {{"id", "did:example:x"}}}}}};
  auto none = HttpCall(node.port, "POST", "/credentials/issue", body.dump());
  CHECK(none.status == 401);
  CHECK(none.headers["content-type"] == "application/problem+json");
  CHECK(none.headers.count("www-authenticate") == 1);
  auto wrong = node.Post("/credentials/issue", body, node.status_only);
  CHECK(wrong.status == 403);
  CHECK(Json(wrong.body)["detail"].get<std::string>().find("scope \"issue\"") != std::string::npos);
  CHECK(node.Post("/credentials/status", {{"credentialId", "x"}}, node.issue_only).status == 403);

  std::string big = "{\"credential\": {\"pad\": \"" + std::string(70000, 'x') + "\"}}";
  auto large = HttpCall(node.port, "POST", "/credentials/issue", big, {{"Authorization", "Bearer " + node.admin}});
  CHECK(large.status == 413);
  CHECK(large.headers["content-type"] == "application/problem+json");

  auto chunked = HttpCall(node.port, "POST", "/credentials/issue", "", {{"Authorization", "Bearer " + node.admin},
                                                                      {"Transfer-Encoding", "chunked"}});
  CHECK(chunked.status == 411);
  // A compressed body is refused unread (it would be inflated without limit).
  auto gzipped = HttpCall(node.port, "POST", "/credentials/issue", "\x1f\x8b\x08\x00",
                          {{"Authorization", "Bearer " + node.admin}, {"Content-Encoding", "gzip"}});
  CHECK(gzipped.status == 415);

  auto bad = HttpCall(node.port, "POST", "/credentials/issue", "{\"credential\": {\"@context\": [}",
                      {{"Authorization", "Bearer " + node.admin}});
  CHECK(bad.status == 400);
  CHECK(bad.headers["content-type"] == "application/problem+json");
  json problem = Json(bad.body);
  CHECK(problem["status"] == 400);
  CHECK(problem["detail"].get<std::string>().find("at byte") != std::string::npos);

  auto field = node.Post("/credentials/issue", {{"credential", {{"@context", {"https://www.w3.org/ns/credentials/v2"}},
                                                                {"type", {"VerifiableCredential"}},
                                                                {"issuer", "did:example:not-us"},
                                                                {"credentialSubject", {{"id", "did:example:x"}}}}}},
                         node.admin);
  CHECK(field.status == 422);
  CHECK(Json(field.body)["pointer"] == "/credential/issuer");
  CHECK(HttpCall(node.port, "GET", "/nowhere").status == 404);
  // A body refused unread is never parsed as a second request on the connection.
  std::string raw = testing::RawExchange(node.port,
                                         "POST /credentials/issue HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n"
                                         "Content-Type: application/json\r\n\r\n",
                                         "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
  CHECK(raw.rfind("HTTP/1.1 4", 0) == 0);
  CHECK(raw.find("HTTP/1.1", 1) == std::string::npos);
  CHECK(HttpCall(node.port, "DELETE", "/healthz").status == 405);
  // The public documents need no token.
  CHECK(HttpCall(node.port, "GET", "/.well-known/did.json").status == 200);
}

TEST_CASE("serve: a key rotated while serving, earlier credentials keep verifying", "[cli][serve]") {
  Node node;
  json before = node.Issue();
  auto rotate = RunTool("issuer", {"key", "rotate", "--dir", node.dir}, node.env);
  INFO(rotate.err);
  REQUIRE(rotate.exit_code == 0);
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));  // the node re-reads issuer.json each second
  json after = node.Issue();
  CHECK(before["proof"]["verificationMethod"].get<std::string>().find("#key-1") != std::string::npos);
  CHECK(after["proof"]["verificationMethod"].get<std::string>().find("#key-2") != std::string::npos);
  std::string cache = (node.tmp.path() / "cache").string();
  REQUIRE(node.Sync(after, cache).exit_code == 0);  // fetches the DID document with both keys
  CHECK(node.Verify(node.Write("before.json", before), cache).exit_code == 0);
  CHECK(node.Verify(node.Write("after.json", after), cache).exit_code == 0);
}

TEST_CASE("serve: stops cleanly on SIGTERM", "[cli][serve]") {
  Node node;
  node.server->Signal(SIGTERM);
  CHECK(node.server->Wait(std::chrono::seconds(10)) == 0);
  CHECK(node.server->err().find("issuer: stopped") != std::string::npos);
}

}  // namespace
}  // namespace passerelle
