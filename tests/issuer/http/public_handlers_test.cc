// Tests for issuer/http/public_handlers.cc: the DID document and health, the
// node's routes that need no token, called directly.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "issuer/http/handlers.h"
#include "tests/issuer/http/node_fixture.h"

namespace passerelle {
namespace {

using nlohmann::json;
using testing::NodeFixture;

http::HttpRequest Get(const std::string& path) {
  http::HttpRequest req;
  req.method = "GET";
  req.path = path;
  req.request_id = "test-1";
  return req;
}

TEST_CASE("public handlers: the DID document is the folder's, as did+json, cacheable", "[issuer][http]") {
  NodeFixture node(Cryptosuite::kEddsaJcs2022, std::string("did:web:issuer.test"));
  http::HttpResponse r = http::HandleDidDocument(node.parts->node, Get("/.well-known/did.json"));
  REQUIRE(r.status == 200);
  CHECK(r.content_type == "application/did+json");
  CHECK(r.headers.at("Cache-Control") == "public, max-age=300");
  json doc = NodeFixture::Body(r);
  CHECK(doc["id"] == "did:web:issuer.test");
  CHECK(doc == node.service->DidDocumentJson());
  // Every method the document lists is the node's, with its public key.
  REQUIRE(doc["verificationMethod"].size() >= 1);
  for (const auto& m : doc["verificationMethod"]) {
    CHECK(m["controller"] == "did:web:issuer.test");
    CHECK(m["publicKeyMultibase"].get<std::string>().rfind("z6Mk", 0) == 0);
  }
  CHECK(doc["verificationMethod"][0]["id"] == node.issuer.current_key().method_id);
}

TEST_CASE("public handlers: health names the node's DID while its store reads", "[issuer][http]") {
  NodeFixture node;
  http::HttpResponse r = http::HandleHealth(node.parts->node, Get("/healthz"));
  REQUIRE(r.status == 200);
  CHECK(r.content_type == "application/json");
  json body = NodeFixture::Body(r);
  CHECK(body["status"] == "ok");
  CHECK(body["did"] == node.issuer.did);
  CHECK(r.internal_error.empty());
}

}  // namespace
}  // namespace passerelle
