// Tests for issuer/http/json_body.cc: request bodies read as JSON within the node's limits, and JSON responses.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "issuer/http/handlers.h"
#include "tests/issuer/http/node_fixture.h"

namespace passerelle::http {
namespace {

using nlohmann::json;

HttpRequest WithBody(std::string body) {
  HttpRequest r;
  r.method = "POST";
  r.body = std::move(body);
  return r;
}

TEST_CASE("json body: an object is parsed as it is", "[issuer][http]") {
  testing::NodeFixture f;
  auto body = ParseBody(f.parts->node, WithBody(R"({"credential": {"a": [1, 2]}})"));
  REQUIRE(body.ok());
  CHECK((*body)["credential"]["a"] == json::array({1, 2}));
}

TEST_CASE("json body: empty, broken, duplicated or oversize bodies are malformed or too large", "[issuer][http]") {
  testing::NodeFixture f;
  Status empty = ParseBody(f.parts->node, WithBody("")).status();
  CHECK(empty.code() == Code::kMalformed);
  CHECK_THAT(empty.message(), Catch::Contains("empty"));
  Status broken = ParseBody(f.parts->node, WithBody("{\"a\": ")).status();
  CHECK(broken.code() == Code::kMalformed);
  CHECK_THAT(broken.message(), Catch::Contains("request body"));
  CHECK_FALSE(ParseBody(f.parts->node, WithBody(R"({"a": 1, "a": 2})")).ok());
  // Over the node's max_body_bytes (256 KiB in the fixture).
  const std::string big = "{\"a\": \"" + std::string(300 * 1024, 'x') + "\"}";
  CHECK_FALSE(ParseBody(f.parts->node, WithBody(big)).ok());
  // Deeper than 64 levels.
  std::string deep(100, '[');
  deep += std::string(100, ']');
  CHECK_FALSE(ParseBody(f.parts->node, WithBody(deep)).ok());
}

TEST_CASE("json body: a JSON response carries the status and the compact body", "[issuer][http]") {
  HttpResponse r = JsonResponse(201, json{{"id", "urn:uuid:1"}});
  CHECK(r.status == 201);
  CHECK(r.content_type == "application/json");
  CHECK(json::parse(r.body) == json{{"id", "urn:uuid:1"}});
  CHECK(r.body.find('\n') == std::string::npos);
}

}  // namespace
}  // namespace passerelle::http
