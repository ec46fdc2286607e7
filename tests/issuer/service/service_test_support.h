// Passerelle tests — the issuer service over a did:web folder in a temporary
// directory, with helpers to issue, change statuses and read the published
// bits, for the tests of issuer/service/*.
#pragma once

#include <memory>
#include <string>

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "formats/json.h"
#include "formats/status_list.h"
#include "issuer/programme.h"
#include "issuer/service/issuer.h"
#include "tests/issuer/issuer_test_support.h"
#include "verifier/verifier.h"

namespace passerelle::testing {

using nlohmann::json;

inline constexpr const char* kUrl = "https://issuer.test";

struct ServiceFixture {
  TempDir tmp;
  IssuerDir dir = MakeIssuerDir(tmp.path() / "node", std::string("did:web:issuer.test"));
  std::unique_ptr<Issuer> issuer = MakeIssuer(tmp.path() / "node", kUrl);

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

inline bool ProofVerifies(const json& vc, const IssuerDir& folder) {
  VerifyOptions options;
  options.trusted_issuers = {folder.did};
  options.resolver.Add(folder.Document());
  for (const auto& c : VerifyDocument(vc, options).checks)
    if (c.check == "proof") return c.ok;
  return false;
}

}  // namespace passerelle::testing
