// Tests for issuer/service/issuer.cc: the issuer service opened over a folder: status changes
// through the published list, key rotation, and the refusals of OpenIssuer (Issue is in issue_test.cc).
#include "issuer/service/issuer.h"

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "formats/json.h"
#include "formats/status_list.h"
#include "issuer/programme.h"
#include "tests/issuer/issuer_test_support.h"
#include "tests/issuer/service/service_test_support.h"
#include "verifier/verifier.h"

namespace passerelle {
namespace {

using nlohmann::json;

using testing::ProofVerifies;
using testing::ServiceFixture;

TEST_CASE("service: revoke sets the bit in the published status list", "[issuer][service]") {
  ServiceFixture f;
  std::string id = f.IssueOne();
  CHECK(f.PublishedBit(id, store::StatusPurpose::kRevocation) == 0);
  auto revoked = f.Set(id, CredentialState::kRevoked);
  CHECK(revoked.changed);
  CHECK(revoked.record.revoked);
  CHECK(f.PublishedBit(id, store::StatusPurpose::kRevocation) == 1);
  // Revoking again changes nothing; reactivating leaves it revoked.
  CHECK_FALSE(f.Set(id, CredentialState::kRevoked).changed);
  CHECK(f.Set(id, CredentialState::kActive).record.revoked);
  CHECK(f.issuer->SetStatus(NewCredentialId(), CredentialState::kRevoked, "test").status().code() ==
        Code::kNotFound);
}

TEST_CASE("service: suspend and unsuspend flip the suspension bit", "[issuer][service]") {
  ServiceFixture f;
  std::string id = f.IssueOne();
  CHECK(f.Set(id, CredentialState::kSuspended).record.suspended);
  CHECK(f.PublishedBit(id, store::StatusPurpose::kSuspension) == 1);
  CHECK_FALSE(f.Set(id, CredentialState::kSuspended).changed);
  auto active = f.Set(id, CredentialState::kActive);
  CHECK(active.changed);
  CHECK_FALSE(active.record.suspended);
  CHECK(f.PublishedBit(id, store::StatusPurpose::kSuspension) == 0);
  CHECK(f.PublishedBit(id, store::StatusPurpose::kRevocation) == 0);
}

TEST_CASE("service: after RotateKey old credentials still verify and new ones use the new key",
          "[issuer][service][rotation]") {
  ServiceFixture f;
  json before = f.issuer->Issue(f.Request()).value();
  CHECK(before["proof"]["verificationMethod"] == "did:web:issuer.test#key-1");
  auto rotated = f.issuer->RotateKey(testing::FastKdf());
  REQUIRE(rotated.ok());
  CHECK(rotated->keys.size() == 2);
  json after = f.issuer->Issue(f.Request()).value();
  CHECK(after["proof"]["verificationMethod"] == "did:web:issuer.test#key-2");
  CHECK(f.issuer->folder().keys.size() == 2);
  CHECK(ProofVerifies(before, *rotated));
  CHECK(ProofVerifies(after, *rotated));
}

TEST_CASE("service: OpenIssuer refuses a wrong passphrase, a missing folder and a non-http URL",
          "[issuer][service]") {
  testing::TempDir tmp;
  testing::MakeIssuerDir(tmp.path() / "node");
  IssuerOptions wrong;
  wrong.dir = tmp.path() / "node";
  wrong.passphrase = std::move(SecretBytes::CopyFrom("not the passphrase").value());
  CHECK(OpenIssuer(std::move(wrong)).status().code() == Code::kPermissionDenied);
  CHECK_FALSE(std::filesystem::exists(tmp.path() / "node" / "store"));  // refused before the store

  IssuerOptions missing;
  missing.dir = tmp.path() / "nowhere";
  missing.passphrase = testing::TestPassphrase();
  CHECK(OpenIssuer(std::move(missing)).status().code() == Code::kNotFound);

  IssuerOptions ftp;
  ftp.dir = tmp.path() / "node";
  ftp.passphrase = testing::TestPassphrase();
  ftp.public_url = "ftp://issuer.test";
  CHECK(OpenIssuer(std::move(ftp)).status().code() == Code::kInvalidArgument);
}

TEST_CASE("service: opened without a passphrase it changes statuses but signs nothing", "[issuer][service]") {
  ServiceFixture f;
  std::string id = f.IssueOne();
  f.issuer.reset();
  IssuerOptions options;
  options.dir = f.tmp.path() / "node";
  options.store = StoreUse::kOpenIfExists;
  auto keyless = OpenIssuer(std::move(options));
  REQUIRE(keyless.ok());
  CHECK_FALSE((*keyless)->can_sign());
  CHECK((*keyless)->SetStatus(id, CredentialState::kSuspended, "cli").value().changed);
  CHECK((*keyless)->Issue(f.Request()).status().code() == Code::kPermissionDenied);
  CHECK((*keyless)->RotateKey().status().code() == Code::kPermissionDenied);
  CHECK((*keyless)->folder().did == f.dir.did);
}

TEST_CASE("service: without a store the register verbs say so", "[issuer][service]") {
  testing::TempDir tmp;
  testing::MakeIssuerDir(tmp.path() / "node");
  IssuerOptions options;
  options.dir = tmp.path() / "node";
  options.passphrase = testing::TestPassphrase();
  options.store = StoreUse::kOpenIfExists;
  auto issuer = OpenIssuer(std::move(options));
  REQUIRE(issuer.ok());
  CHECK_FALSE((*issuer)->has_store());
  CHECK_FALSE(std::filesystem::exists(tmp.path() / "node" / "store"));
  CHECK((*issuer)->SetStatus("urn:uuid:x", CredentialState::kRevoked, "cli").status().code() == Code::kNotFound);
  IssueRequest request;
  request.credential = json::object();
  CHECK((*issuer)->Issue(std::move(request)).status().code() == Code::kNotFound);
}

}  // namespace
}  // namespace passerelle
