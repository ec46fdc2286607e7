// Passerelle — turning an unsigned credential into a signed one that is
// ready for the register: status entries, proof, self-check, record.
//
// Shared by every way a node issues: POST /credentials/issue, `issuer
// issue`, and `issuer batch` (which signs on several threads and commits in
// groups). Nothing here writes to the store except slot reservation; the
// caller commits the returned PendingIssuance (GroupCommitter or
// IssuerStore::CommitIssuances) and only then releases the credential.
// Thread-safe.
#pragma once

#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "env/env.h"
#include "formats/data_integrity.h"
#include "formats/status.h"
#include "issuer/status/slot_pool.h"
#include "issuer/service/signing_identity.h"
#include "issuer/store/store.h"

namespace passerelle {

struct IssueRequest {
  nlohmann::json credential;  // unsigned; its issuer must be the node's DID
  Cryptosuite suite = Cryptosuite::kEddsaRdfc2022;
  std::string actor;          // "token:<id>", "cli", "batch"
  // Register labels; kind is derived from the credential's type when empty.
  std::string kind, programme, module, trainee;
  std::string idempotency_key;
  bool with_status = true;
};

struct SignedIssuance {
  nlohmann::json credential;       // the signed credential
  store::PendingIssuance pending;  // what to commit (record + JSON text)
};

struct IssuanceContext {
  SigningIdentity* signer = nullptr;
  SlotPool* slots = nullptr;         // null: no status entries (a node without a store)
  std::string public_base_url;       // where status lists are served
  Env* env = &Env::Default();        // its clock dates the proof and the record; never null
};

// Adds status entries (one revocation and one suspension slot from the
// pool), signs with the node's current key and self-checks.
// Errors: kInvalidCredential (data model, profile — naming the element —,
// issuer mismatch, caller-supplied BitstringStatusListEntry), kUnsupported,
// kIOError (slot reservation), kInternal (self-check).
Result<std::unique_ptr<SignedIssuance>> SignForIssuance(const IssuanceContext& context, IssueRequest request);

// The register's kind label: "module", "certification", … for Passerelle
// credentials, else "credential".
std::string KindLabel(const nlohmann::json& credential);

}  // namespace passerelle
