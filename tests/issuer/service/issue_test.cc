// Tests for issuer/service/issue.cc: the issuer service's Issue verb, into the register, and its idempotency.
#include "issuer/service/issuer.h"

#include <catch2/catch.hpp>

#include "formats/json.h"
#include "tests/issuer/service/service_test_support.h"

namespace passerelle {
namespace {

using testing::ProofVerifies;
using testing::ServiceFixture;

TEST_CASE("service: Issue puts the signed credential in the register with its status entries",
          "[issuer][service]") {
  ServiceFixture f;
  std::string id = NewCredentialId();
  auto vc = f.issuer->Issue(f.Request(id));
  REQUIRE(vc.ok());
  CHECK((*vc)["id"] == id);
  CHECK((*vc)["credentialStatus"].size() == 2);
  auto record = f.issuer->FindCredential(id);
  REQUIRE(record.ok());
  CHECK(record->status.size() == 2);
  CHECK(record->actor == "test");
  CHECK(f.issuer->FindDocument(id).value() == DumpJson(*vc));
  CHECK(ProofVerifies(*vc, f.issuer->folder()));
  CHECK(f.issuer->store()->VerifyAuditChain().ok());
}

TEST_CASE("service: issuing an id or an idempotency key again is refused and changes nothing",
          "[issuer][service]") {
  ServiceFixture f;
  std::string id = f.IssueOne();
  IssueStep step = IssueStep::kCommit;
  auto again = f.issuer->Issue(f.Request(id), &step);
  CHECK(again.status().code() == Code::kAlreadyExists);
  CHECK(step == IssueStep::kPrepare);  // refused before spending status indexes

  IssueRequest keyed = f.Request();
  keyed.idempotency_key = "school|T0001|HQ-M01";
  REQUIRE(f.issuer->Issue(std::move(keyed)).ok());
  IssueRequest replay = f.Request();
  replay.idempotency_key = "school|T0001|HQ-M01";
  auto refused = f.issuer->Issue(std::move(replay), &step);
  CHECK(refused.status().code() == Code::kAlreadyExists);
  CHECK(step == IssueStep::kCommit);
  CHECK(f.issuer->store()->CountCredentials().value() == 2);
}

}  // namespace
}  // namespace passerelle
