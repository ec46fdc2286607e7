// Passerelle tests — an issuer node in process: folder, the issuer service
// (with its store), a signer of its own, the route table, and a way to send it requests without sockets (through the
// same route match and token check the server runs).
#pragma once

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "formats/json.h"
#include "issuer/http/auth.h"
#include "issuer/http/node.h"
#include "http/problem.h"
#include "issuer/http/routes.h"
#include "tests/issuer/issuer_test_support.h"

namespace passerelle::testing {

struct NodeFixture {
  TempDir tmp;
  IssuerDir issuer;
  std::unique_ptr<Issuer> service;
  store::IssuerStore* store = nullptr;  // the service's
  std::unique_ptr<SigningIdentity> signer;
  std::unique_ptr<http::NodeParts> parts;
  http::Router router;
  std::string admin_token;

  explicit NodeFixture(Cryptosuite suite = Cryptosuite::kEddsaJcs2022, std::optional<std::string> did_web = std::nullopt)
      : issuer(MakeIssuerDir(tmp.path() / "node", std::move(did_web))) {
    IssuerOptions service_options;
    service_options.dir = tmp.path() / "node";
    service_options.passphrase = TestPassphrase();
    service_options.public_url = "https://issuer.test";
    service_options.list_suite = suite;
    service_options.key_recheck = std::chrono::milliseconds(0);
    service = std::move(OpenIssuer(std::move(service_options)).value());
    store = service->store();
    signer = MakeSigner(tmp.path() / "node");
    http::NodeOptions options;
    options.default_suite = suite;
    options.max_body_bytes = 256 * 1024;
    parts = std::move(http::BuildNode(*service, tmp.path() / "node" / "store", options).value());
    http::RegisterRoutes(router, parts->node, issuer.did);
    admin_token = store->CreateToken({"admin"}, "test", "test", Now()).value();
  }

  std::string Token(const std::vector<std::string>& scopes) {
    return store->CreateToken(scopes, "test", "test", Now()).value();
  }

  // Runs a request as the server would: route, token, handler.
  http::HttpResponse Send(const std::string& method, const std::string& path, const std::string& body,
                          const std::optional<std::string>& token) {
    http::HttpRequest req;
    req.method = method;
    req.path = path;
    req.body = body;
    req.request_id = "test-1";
    if (token) req.headers["authorization"] = "Bearer " + *token;
    http::RouteMatch m = router.Match(method, path);
    if (m.route == nullptr) return http::ProblemResponse(m.path_known ? 405 : 404, "route", "no route");
    req.params = m.params;
    if (auto refusal = http::CheckAccess(m.route->guard, req, *store, &req.principal)) return *refusal;
    return m.route->handler(req);
  }
  http::HttpResponse Post(const std::string& path, const nlohmann::json& body) {
    return Send("POST", path, DumpJson(body), admin_token);
  }

  static nlohmann::json Body(const http::HttpResponse& r) { return ParseJson(r.body).value(); }
};

inline nlohmann::json MinimalCredential() {
  return nlohmann::json{{"@context", {"https://www.w3.org/ns/credentials/v2"}},
                        {"type", {"VerifiableCredential"}},
                        {"credentialSubject", {{"id", "did:example:learner"}}}};
}

}  // namespace passerelle::testing
