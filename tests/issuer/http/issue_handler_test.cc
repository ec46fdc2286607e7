// Tests for issuer/http/issue_handler.cc: POST /credentials/issue, in process (the
// credential completed, signed, recorded and verifiable; its refusals naming the field).
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "formats/status_list.h"
#include "issuer/http/handlers.h"
#include "issuer/programme_files.h"
#include "tests/issuer/http/node_fixture.h"
#include "tests/testing/paths.h"
#include "verifier/verifier.h"

namespace passerelle {
namespace {

using nlohmann::json;
using testing::MinimalCredential;
using testing::NodeFixture;

TEST_CASE("http issue: a VC 2.0 credential gets issuer, id, validFrom, two status entries and a proof",
          "[issuer][http]") {
  NodeFixture node;
  auto r = node.Post("/credentials/issue", {{"credential", MinimalCredential()}});
  REQUIRE(r.status == 201);
  json vc = NodeFixture::Body(r).at("verifiableCredential");
  CHECK(vc.at("issuer") == node.issuer.did);
  CHECK(vc.at("id").get<std::string>().rfind("urn:uuid:", 0) == 0);
  CHECK(vc.contains("validFrom"));
  CHECK(vc.at("@context")[0] == "https://www.w3.org/ns/credentials/v2");
  auto entries = StatusEntriesOf(vc);
  REQUIRE(entries.ok());
  REQUIRE(entries->size() == 2);
  CHECK((*entries)[0].purpose == "revocation");
  CHECK((*entries)[1].purpose == "suspension");
  CHECK((*entries)[0].list_credential.rfind("https://issuer.test/status-lists/revocation-", 0) == 0);
  CHECK(vc.at("proof").at("cryptosuite") == "eddsa-jcs-2022");
  // Recorded, with its slots and the token that asked.
  auto rec = node.store->FindCredential(vc.at("id").get<std::string>());
  REQUIRE(rec.ok());
  CHECK(rec->status.size() == 2);
  CHECK(rec->actor.rfind("token:", 0) == 0);
  CHECK(node.store->FindDocument(rec->id).value() == DumpJson(vc));
  // And it verifies.
  VerifyOptions options;
  options.trusted_issuers = {node.issuer.did};
  auto report = VerifyDocument(vc, options);
  for (const auto& c : report.checks) {
    INFO(c.check << ": " << c.detail);
    CHECK((c.ok || c.check == "status"));
  }
}

TEST_CASE("http issue: options.cryptosuite is honoured, unknown suites and types are refused with 422",
          "[issuer][http]") {
  NodeFixture node;
  auto rdfc = node.Post("/credentials/issue", {{"credential", MinimalCredential()},
                                               {"options", {{"type", "DataIntegrityProof"}, {"cryptosuite", "eddsa-rdfc-2022"}}}});
  REQUIRE(rdfc.status == 201);
  CHECK(NodeFixture::Body(rdfc)["verifiableCredential"]["proof"]["cryptosuite"] == "eddsa-rdfc-2022");
  auto bad_suite = node.Post("/credentials/issue", {{"credential", MinimalCredential()}, {"options", {{"cryptosuite", "ecdsa-rdfc-2019"}}}});
  CHECK(bad_suite.status == 422);
  CHECK(NodeFixture::Body(bad_suite)["pointer"] == "/options/cryptosuite");
  auto bad_type = node.Post("/credentials/issue", {{"credential", MinimalCredential()}, {"options", {{"type", "Ed25519Signature2020"}}}});
  CHECK(bad_type.status == 422);
  CHECK(NodeFixture::Body(bad_type)["pointer"] == "/options/type");
}

TEST_CASE("http issue: VC 1.1 input gets the data-integrity context and issuanceDate", "[issuer][http]") {
  NodeFixture node(Cryptosuite::kEddsaRdfc2022);
  json v1 = {{"@context", {"https://www.w3.org/2018/credentials/v1"}},
             {"type", {"VerifiableCredential"}},
             {"credentialSubject", {{"id", "did:example:learner"}}}};
  auto r = node.Post("/credentials/issue", {{"credential", v1}});
  INFO(r.body);
  REQUIRE(r.status == 201);
  json vc = NodeFixture::Body(r)["verifiableCredential"];
  CHECK(vc["@context"][1] == "https://w3id.org/security/data-integrity/v2");
  CHECK(vc.contains("issuanceDate"));
  CHECK(!vc.contains("validFrom"));
  // As other VC 1.1 issuers: no status entries unless asked, so no context
  // a VC 1.1 verifier would not know.
  CHECK(vc["@context"].size() == 2);
  CHECK(!vc.contains("credentialStatus"));
}

TEST_CASE("http issue: VC 1.1 gets status entries (and the status context) when the options ask", "[issuer][http]") {
  NodeFixture node(Cryptosuite::kEddsaRdfc2022);
  json v1 = {{"@context", {"https://www.w3.org/2018/credentials/v1"}},
             {"type", {"VerifiableCredential"}},
             {"credentialSubject", {{"id", "did:example:learner"}}}};
  auto r = node.Post("/credentials/issue",
                     {{"credential", v1}, {"options", {{"credentialStatus", {{"type", "BitstringStatusListEntry"}}}}}});
  INFO(r.body);
  REQUIRE(r.status == 201);
  json vc = NodeFixture::Body(r)["verifiableCredential"];
  CHECK(vc["credentialStatus"].size() == 2);
  bool has_status_context = false;
  for (const auto& c : vc["@context"]) has_status_context |= c == "https://www.w3.org/ns/credentials/status/v1";
  CHECK(has_status_context);

  auto other = node.Post("/credentials/issue",
                         {{"credential", v1}, {"options", {{"credentialStatus", {{"type", "StatusList2021Entry"}}}}}});
  CHECK(other.status == 422);
  CHECK(NodeFixture::Body(other)["pointer"] == "/options/credentialStatus/type");
}

TEST_CASE("http issue: relatedResource ids are unique and bundled resources' digests must match", "[issuer][http]") {
  NodeFixture node;
  json c = MinimalCredential();
  c["relatedResource"] = {{{"id", "https://www.w3.org/ns/credentials/v2"}, {"digestSRI", "sha384-AAAA"}}};
  auto mismatch = node.Post("/credentials/issue", {{"credential", c}});
  CHECK(mismatch.status == 422);
  CHECK(NodeFixture::Body(mismatch)["pointer"] == "/credential/relatedResource/0/digestSRI");

  c["relatedResource"] = {{{"id", "https://example.org/a.json"}, {"digestMultibase", "uEres1usWcWCmW7uolIW2uA0CjQ8iRV14eGaZkWg5aJO0"}},
                          {{"id", "https://example.org/a.json"}, {"digestMultibase", "uEres1usWcWCmW7uolIW2uA0CjQ8iRV14eGaZkWg5aJO0"}}};
  auto twice = node.Post("/credentials/issue", {{"credential", c}});
  CHECK(twice.status == 422);
  CHECK(NodeFixture::Body(twice)["pointer"] == "/credential/relatedResource/1/id");

  c["relatedResource"] = {{{"id", "https://example.org/a.json"}, {"digestSRI", "sha384-AAAA"}}};  // not checkable here
  CHECK(node.Post("/credentials/issue", {{"credential", c}}).status == 201);
}

TEST_CASE("http issue: bad input is 400 or 422 and names the field", "[issuer][http]") {
  NodeFixture node;
  SECTION("malformed JSON") {
    auto r = node.Send("POST", "/credentials/issue", "{\"credential\": {", node.admin_token);
    CHECK(r.status == 400);
    CHECK(r.content_type == "application/problem+json");
    CHECK(NodeFixture::Body(r)["detail"].get<std::string>().find("at byte") != std::string::npos);
  }
  SECTION("no credential") {
    auto r = node.Post("/credentials/issue", {{"options", json::object()}});
    CHECK(r.status == 400);
    CHECK(NodeFixture::Body(r)["pointer"] == "/credential");
  }
  SECTION("another issuer") {
    json c = MinimalCredential();
    c["issuer"] = "did:example:someone-else";
    auto r = node.Post("/credentials/issue", {{"credential", c}});
    CHECK(r.status == 422);
    CHECK(NodeFixture::Body(r)["pointer"] == "/credential/issuer");
  }
  SECTION("null issuer") {
    json c = MinimalCredential();
    c["issuer"] = nullptr;
    CHECK(node.Post("/credentials/issue", {{"credential", c}}).status == 422);
  }
  SECTION("a malformed BitstringStatusListEntry (statusListIndex: true)") {
    json c = MinimalCredential();
    c["credentialStatus"] = {{"type", "BitstringStatusListEntry"}, {"statusPurpose", "revocation"},
                             {"statusListIndex", true}, {"statusListCredential", "https://x.example/l"}};
    auto r = node.Post("/credentials/issue", {{"credential", c}});
    CHECK(r.status == 422);
    CHECK(NodeFixture::Body(r)["pointer"] == "/credential/credentialStatus/statusListIndex");
  }
  SECTION("an undefined term under RDFC") {
    json c = MinimalCredential();
    c["@context"] = {"https://www.w3.org/2018/credentials/v1"};
    c["credentialSubject"]["invalidTerm"] = "x";
    auto r = node.Post("/credentials/issue", {{"credential", c}, {"options", {{"cryptosuite", "eddsa-rdfc-2022"}}}});
    CHECK((r.status == 422 || r.status == 400));
  }
  SECTION("a known id is a conflict") {
    json c = MinimalCredential();
    c["id"] = "urn:uuid:4f3e1a2b-0000-4000-8000-000000000001";
    REQUIRE(node.Post("/credentials/issue", {{"credential", c}}).status == 201);
    auto again = node.Post("/credentials/issue", {{"credential", c}});
    CHECK(again.status == 409);
    CHECK(NodeFixture::Body(again)["pointer"] == "/credential/id");
  }
}

TEST_CASE("http issue: a module credential lacking a mandatory element is refused, naming it", "[issuer][http]") {
  NodeFixture node;
  auto bundle = LoadProgrammeBundle(testing::SourceDir() / "scripts/demo-data/programme-health-qualitician.json");
  REQUIRE(bundle.ok());
  IssuerIdentity id{node.issuer.did, node.issuer.name, node.issuer.country};
  auto module = BuildModuleCredential(bundle->programme, bundle->programme.modules[0], id,
                                      Learner{std::string("did:example:learner"), "", ""},
                                      ModuleAward{NewCredentialId(), "15", "FR-0-20", Now()});
  REQUIRE(module.ok());
  REQUIRE(node.Post("/credentials/issue", {{"credential", *module}}).status == 201);
  json lacking = *module;
  lacking["id"] = NewCredentialId();
  lacking["credentialSubject"]["achievement"].erase("learningOutcomes");
  auto r = node.Post("/credentials/issue", {{"credential", lacking}});
  CHECK(r.status == 422);
  json body = NodeFixture::Body(r);
  CHECK(body["pointer"].get<std::string>().find("/credential/credentialSubject/achievement") == 0);
  CHECK(body["detail"].get<std::string>().find("(M6)") != std::string::npos);
}

}  // namespace
}  // namespace passerelle
