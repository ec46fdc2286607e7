// Tests for issuer/http/status_handlers.cc: POST /credentials/status and GET
// /status-lists/:id, in process.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "formats/status_list.h"
#include "issuer/http/handlers.h"
#include "tests/issuer/http/node_fixture.h"

namespace passerelle {
namespace {

using nlohmann::json;
using testing::MinimalCredential;
using testing::NodeFixture;

TEST_CASE("http status: revoke, suspend, unsuspend, and the published list follows", "[issuer][http]") {
  NodeFixture node;
  json vc = NodeFixture::Body(node.Post("/credentials/issue", {{"credential", MinimalCredential()}}))["verifiableCredential"];
  std::string id = vc["id"];
  auto entries = StatusEntriesOf(vc).value();
  std::string rev_list = entries[0].list_credential.substr(std::string("https://issuer.test").size());
  std::string sus_list = entries[1].list_credential.substr(std::string("https://issuer.test").size());
  auto bit = [&](const std::string& path, std::uint64_t index) {
    auto r = node.Send("GET", path, "", std::nullopt);
    REQUIRE(r.status == 200);
    json list = NodeFixture::Body(r);
    CHECK(list["type"][1] == "BitstringStatusListCredential");
    auto bits = DecodeStatusList(list["credentialSubject"]["encodedList"].get<std::string>());
    REQUIRE(bits.ok());
    CHECK(bits->size() * 8 >= kMinStatusListEntries);
    return ReadStatus(*bits, index, 1).value();
  };
  CHECK(bit(sus_list, entries[1].index) == 0);
  auto change = [&](const std::string& status) {
    return node.Post("/credentials/status",
                     {{"credentialId", id}, {"credentialStatus", {{{"type", "BitstringStatusListEntry"}, {"status", status}}}}});
  };
  auto s = change("suspended");
  REQUIRE(s.status == 200);
  CHECK(NodeFixture::Body(s)["status"] == "suspended");
  CHECK(bit(sus_list, entries[1].index) == 1);
  REQUIRE(change("active").status == 200);
  CHECK(bit(sus_list, entries[1].index) == 0);
  REQUIRE(change("revoked").status == 200);
  CHECK(bit(rev_list, entries[0].index) == 1);
  // Revocation is permanent.
  CHECK(change("active").status == 409);
  CHECK(change("bogus").status == 400);
  CHECK(node.Post("/credentials/status", {{"credentialId", "urn:uuid:unknown"},
                                          {"credentialStatus", {{{"status", "revoked"}}}}}).status == 404);
  CHECK(node.Send("GET", "/status-lists/nope-1", "", std::nullopt).status == 404);
  CHECK(node.Send("POST", "/credentials/status", "{}", node.Token({"issue"})).status == 403);
}

}  // namespace
}  // namespace passerelle
