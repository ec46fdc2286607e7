// Passerelle tests — the issuer service's verbs, called directly: issue into
// the register, idempotency, revoke/suspend/unsuspend through the status
// list, key rotation, and the refusals of OpenIssuer.
#include "issuer/service/issuer.h"

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "formats/json.h"
#include "formats/status_list.h"
#include "issuer/programme.h"
#include "tests/issuer/issuer_test_support.h"
#include "verifier/verifier.h"

namespace passerelle {
namespace {

using nlohmann::json;

constexpr const char* kUrl = "https://issuer.test";

struct ServiceFixture {
  testing::TempDir tmp;
  IssuerDir dir = testing::MakeIssuerDir(tmp.path() / "node", std::string("did:web:issuer.test"));
  std::unique_ptr<Issuer> issuer = testing::MakeIssuer(tmp.path() / "node", kUrl);

  IssueRequest Request(std::string id = NewCredentialId()) const {
    IssueRequest r;
    r.credential = json{{"@context", {"https://www.w3.org/ns/credentials/v2"}},
                        {"type", {"VerifiableCredential"}},
                        {"id", id},
                        {"issuer", dir.did},
                        {"validFrom", "2026-01-01T00:00:00Z"},
                        {"credentialSubject", {{"id", "did:example:learner"}}}};
    r.suite = Cryptosuite::kEddsaJcs2022;
    r.actor = "test";
    return r;
  }

  // Issues one credential; returns its id.
  std::string IssueOne() {
    std::string id = NewCredentialId();
    REQUIRE(issuer->Issue(Request(id)).ok());
    return id;
  }

  // Sets a credential's status; REQUIREs that it worked.
  store::StatusChangeOutcome Set(const std::string& id, CredentialState state) {
    auto outcome = issuer->SetStatus(id, state, "test");
    REQUIRE(outcome.ok());
    return std::move(*outcome);
  }

  // The bit of `purpose` for `id`, read from the signed list the service serves.
  std::uint32_t PublishedBit(const std::string& id, store::StatusPurpose purpose) {
    auto record = issuer->FindCredential(id).value();
    for (const auto& slot : record.status) {
      if (slot.purpose != purpose) continue;
      json list = ParseJson(issuer->StatusList(slot.list_id).value().json).value();
      std::string bits = DecodeStatusList(list["credentialSubject"]["encodedList"].get<std::string>()).value();
      return ReadStatus(bits, slot.index, 1).value();
    }
    FAIL("no status entry of that purpose");
    return 2;
  }
};

bool ProofVerifies(const json& vc, const IssuerDir& folder) {
  VerifyOptions options;
  options.trusted_issuers = {folder.did};
  options.resolver.Add(folder.Document());
  for (const auto& c : VerifyDocument(vc, options).checks)
    if (c.check == "proof") return c.ok;
  return false;
}

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
