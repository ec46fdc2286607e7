// Tests for issuer/service/issuance.h: an unsigned credential turned into a signed one ready for the register.
#include "issuer/service/issuance.h"

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "formats/json.h"
#include "issuer/status/slot_pool.h"
#include "tests/issuer/issuer_test_support.h"
#include "tests/issuer/store/store_test_support.h"
#include "tests/testing/failing_env.h"

namespace passerelle {
namespace {

using nlohmann::json;
using testing::MakeIssuerDir;
using testing::MakeSigner;
using testing::TempDir;

json Unsigned(const std::string& issuer) {
  return json{{"@context", {"https://www.w3.org/ns/credentials/v2"}},
              {"id", "urn:uuid:6f1c1a2e-7d3b-4c55-9a39-0a3c1d2e4f50"},
              {"type", {"VerifiableCredential"}},
              {"issuer", issuer},
              {"validFrom", "2026-06-24T00:00:00Z"},
              {"credentialSubject", {{"id", "did:example:learner"}, {"name", "Ada Lovelace"}}}};
}

struct Node {
  TempDir dir;
  IssuerDir issuer = MakeIssuerDir(dir.path() / "issuer", "did:web:uni.example");
  std::unique_ptr<SigningIdentity> signer = MakeSigner(dir.path() / "issuer");
  std::unique_ptr<store::IssuerStore> store = store::testing::OpenStore(dir);
  SlotPool slots{*store, 4};
  testing::FailingEnv env;
  IssuanceContext context() { return IssuanceContext{signer.get(), &slots, "https://issuer.test/", &env}; }
};

TEST_CASE("issuance: signed, with two status entries and a record for the register", "[issuer][service]") {
  Node node;
  node.env.SetNow(Timestamp{1782262800, 123});
  IssueRequest request;
  request.credential = Unsigned(node.issuer.did);
  request.actor = "token:abc";
  request.idempotency_key = "key-1";
  request.programme = "HQ-CERT";
  auto signed_issuance = SignForIssuance(node.context(), request);
  INFO(signed_issuance.status().ToString());
  REQUIRE(signed_issuance.ok());
  const json& vc = (*signed_issuance)->credential;
  REQUIRE(vc.contains("proof"));
  CHECK(vc["proof"]["verificationMethod"].get<std::string>().rfind("did:web:uni.example#", 0) == 0);
  REQUIRE(vc["credentialStatus"].is_array());
  CHECK(vc["credentialStatus"].size() == 2);
  CHECK(vc["credentialStatus"][0]["statusListCredential"].get<std::string>().rfind(
            "https://issuer.test/status-lists/", 0) == 0);
  const store::PendingIssuance& p = (*signed_issuance)->pending;
  CHECK(p.record.id == "urn:uuid:6f1c1a2e-7d3b-4c55-9a39-0a3c1d2e4f50");
  CHECK(p.record.kind == "credential");
  CHECK(p.record.actor == "token:abc");
  CHECK(p.record.idempotency_key == "key-1");
  CHECK(p.record.programme == "HQ-CERT");
  CHECK(p.record.status.size() == 2);
  CHECK(p.record.issued_at == Timestamp{1782262800, 0});  // whole seconds, from the context's clock
  CHECK(p.record.suite == "eddsa-rdfc-2022");
  CHECK(ParseJson(p.document).value() == vc);
  // It can be committed as it is.
  store::PendingIssuance pending = p;
  std::vector<store::PendingIssuance*> group = {&pending};
  REQUIRE(node.store->CommitIssuances(group).ok());
  CHECK(pending.outcome.ok());
}

TEST_CASE("issuance: no status entries when not wanted or without a pool", "[issuer][service]") {
  Node node;
  IssueRequest request;
  request.credential = Unsigned(node.issuer.did);
  request.with_status = false;
  auto without = SignForIssuance(node.context(), request);
  REQUIRE(without.ok());
  CHECK_FALSE((*without)->credential.contains("credentialStatus"));
  CHECK((*without)->pending.record.status.empty());
  IssuanceContext no_pool = node.context();
  no_pool.slots = nullptr;
  request.with_status = true;
  auto no_store = SignForIssuance(no_pool, request);
  REQUIRE(no_store.ok());
  CHECK_FALSE((*no_store)->credential.contains("credentialStatus"));
}

TEST_CASE("issuance: another issuer, no id, a status entry of the caller's are refused", "[issuer][service]") {
  Node node;
  IssueRequest other;
  other.credential = Unsigned("did:web:other.example");
  CHECK(SignForIssuance(node.context(), other).status().code() == Code::kInvalidCredential);
  IssueRequest no_id;
  no_id.credential = Unsigned(node.issuer.did);
  no_id.credential.erase("id");
  auto r = SignForIssuance(node.context(), no_id);
  CHECK(r.status().code() == Code::kInvalidCredential);
  CHECK_THAT(r.status().message(), Catch::Contains("/id"));
  IssueRequest with_entry;
  with_entry.credential = Unsigned(node.issuer.did);
  with_entry.credential["credentialStatus"] = {{"id", "https://x.example/l#1"},
                                               {"type", "BitstringStatusListEntry"},
                                               {"statusPurpose", "revocation"},
                                               {"statusListIndex", "1"},
                                               {"statusListCredential", "https://x.example/l"}};
  CHECK(SignForIssuance(node.context(), with_entry).status().code() == Code::kInvalidCredential);
  IssueRequest not_object;
  not_object.credential = json::array();
  CHECK(SignForIssuance(node.context(), not_object).status().code() == Code::kInvalidCredential);
  CHECK(SignForIssuance(IssuanceContext{}, other).status().code() == Code::kInternal);
}

TEST_CASE("issuance: the register's kind label", "[issuer][service]") {
  CHECK(KindLabel(Unsigned("did:web:uni.example")) == "credential");
  json module = Unsigned("did:web:uni.example");
  module["@context"].push_back("https://w3id.org/passerelle/v1");
  module["type"].push_back("ModuleCredential");
  CHECK(KindLabel(module) == "module");
}

}  // namespace
}  // namespace passerelle
