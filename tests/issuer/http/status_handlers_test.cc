// Tests for issuer/http/status_handlers.cc: POST /credentials/status, GET
// /status-lists/:id and POST /status-lists/:id/publish, in process.
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

// Issues one credential; returns it.
json IssueOne(NodeFixture& node) {
  auto r = node.Post("/credentials/issue", {{"credential", MinimalCredential()}});
  REQUIRE(r.status == 201);
  return NodeFixture::Body(r)["verifiableCredential"];
}

// The path of the credential's status list of `purpose` on the node.
std::string ListPath(const json& vc, const std::string& purpose) {
  for (const auto& e : vc["credentialStatus"])
    if (e["statusPurpose"] == purpose)
      return e["statusListCredential"].get<std::string>().substr(std::string("https://issuer.test").size());
  FAIL("no status entry for " << purpose);
  return "";
}

TEST_CASE("http status: the request says what the status becomes, or is refused naming the member",
          "[issuer][http]") {
  NodeFixture node;
  json vc = IssueOne(node);
  const std::string id = vc["id"];
  auto send = [&](const json& body) { return node.Post("/credentials/status", body); };
  auto detail = [](const http::HttpResponse& r) { return NodeFixture::Body(r)["detail"].get<std::string>(); };

  CHECK(send(json::array()).status == 400);
  auto no_id = send({{"credentialStatus", {{"status", "revoked"}}}});
  CHECK(no_id.status == 400);
  CHECK_THAT(detail(no_id), Catch::Contains("credentialId"));
  auto no_status = send({{"credentialId", id}});
  CHECK(no_status.status == 400);
  CHECK_THAT(detail(no_status), Catch::Contains("/credentialStatus"));
  CHECK(send({{"credentialId", id}, {"credentialStatus", json::array()}}).status == 400);
  auto not_object = send({{"credentialId", id}, {"credentialStatus", {"revoked"}}});
  CHECK(not_object.status == 400);
  CHECK_THAT(detail(not_object), Catch::Contains("/credentialStatus/0"));
  auto other_type = send({{"credentialId", id}, {"credentialStatus", {{"type", "StatusList2021Entry"}, {"status", "revoked"}}}});
  CHECK(other_type.status == 422);
  CHECK_THAT(detail(other_type), Catch::Contains("/credentialStatus/type"));
  auto bad_purpose = send({{"credentialId", id}, {"credentialStatus", {{"statusPurpose", "refresh"}}}});
  CHECK(bad_purpose.status == 400);
  CHECK_THAT(detail(bad_purpose), Catch::Contains("/credentialStatus/statusPurpose"));
  // None of these changed anything.
  CHECK(node.store->FindCredential(id).value().suspended == false);
  CHECK(node.store->FindCredential(id).value().revoked == false);

  // A single object, by statusPurpose: suspended; asked again, nothing changes.
  auto first = send({{"credentialId", id}, {"credentialStatus", {{"statusPurpose", "suspension"}}}});
  REQUIRE(first.status == 200);
  json body = NodeFixture::Body(first);
  CHECK(body["credentialId"] == id);
  CHECK(body["status"] == "suspended");
  CHECK(body["changed"] == true);
  REQUIRE(body["statusListCredential"].size() == 2);
  CHECK(body["statusListCredential"][1].get<std::string>().rfind("https://issuer.test/status-lists/", 0) == 0);
  auto again = send({{"credentialId", id}, {"credentialStatus", {{"statusPurpose", "suspension"}}}});
  REQUIRE(again.status == 200);
  CHECK(NodeFixture::Body(again)["changed"] == false);
  // Several items apply in order: unsuspended, then revoked.
  auto both = send({{"credentialId", id}, {"credentialStatus", {{{"status", "active"}}, {{"status", "revoked"}}}}});
  REQUIRE(both.status == 200);
  CHECK(NodeFixture::Body(both)["status"] == "revoked");
  auto record = node.store->FindCredential(id).value();
  CHECK(record.revoked);
  CHECK_FALSE(record.suspended);
}

TEST_CASE("http status: lists are served cacheable with an ETag that follows them, and published on demand",
          "[issuer][http]") {
  NodeFixture node;
  json vc = IssueOne(node);
  const std::string path = ListPath(vc, "revocation");
  auto before = node.Send("GET", path, "", std::nullopt);
  REQUIRE(before.status == 200);
  CHECK(before.headers.at("Cache-Control") == "public, max-age=60");
  const std::string etag = before.headers.at("ETag");
  CHECK(etag.front() == '"');
  CHECK(etag.back() == '"');
  CHECK(node.Send("GET", path, "", std::nullopt).headers.at("ETag") == etag);
  REQUIRE(node.Post("/credentials/status", {{"credentialId", vc["id"]}, {"credentialStatus", {{"status", "revoked"}}}})
              .status == 200);
  auto after = node.Send("GET", path, "", std::nullopt);
  REQUIRE(after.status == 200);
  CHECK(after.headers.at("ETag") != etag);
  CHECK(after.body != before.body);

  auto published = node.Send("POST", path + "/publish", "", node.admin_token);
  CHECK(published.status == 204);
  CHECK(published.body.empty());
  CHECK(published.content_type.empty());
  // Ids are lowercase letters, digits and '-', at most 64: anything else is no list.
  for (const std::string& bad : {std::string("/status-lists/Revocation-1"), std::string("/status-lists/a_b"),
                                 "/status-lists/" + std::string(65, 'a')}) {
    INFO(bad);
    CHECK(node.Send("GET", bad, "", std::nullopt).status == 404);
    CHECK(node.Send("POST", bad + "/publish", "", node.admin_token).status == 404);
  }
  CHECK(node.Send("POST", "/status-lists/revocation-999/publish", "", node.admin_token).status == 404);
}

}  // namespace
}  // namespace passerelle
