// Passerelle tests — opening a store in a temporary folder, and an issuance
// ready to commit, for the tests of issuer/store/*.
#pragma once

#include <memory>
#include <string>

#include <catch2/catch.hpp>

#include "issuer/store/store.h"
#include "tests/issuer/issuer_test_support.h"

namespace passerelle::store::testing {

inline std::unique_ptr<IssuerStore> OpenStore(const passerelle::testing::TempDir& dir, StoreOptions options = {}) {
  auto s = IssuerStore::Open(dir.path() / "store", options);
  REQUIRE(s.ok());
  return std::move(*s);
}

// An issuance of `id` with fresh revocation and suspension slots.
inline PendingIssuance Pending(IssuerStore& store, const std::string& id, const std::string& key = "") {
  PendingIssuance p;
  p.record.id = id;
  p.record.kind = "module";
  p.record.issued_at = Now();
  p.record.actor = "test";
  p.record.idempotency_key = key;
  auto rev = store.ReserveSlots(StatusPurpose::kRevocation, 1);
  auto sus = store.ReserveSlots(StatusPurpose::kSuspension, 1);
  REQUIRE(rev.ok());
  REQUIRE(sus.ok());
  p.record.status = {(*rev)[0], (*sus)[0]};
  p.document = "{\"id\":\"" + id + "\"}";
  return p;
}

}  // namespace passerelle::store::testing
