// Passerelle — signing a credential as an issuer, with the self-check.
//
// Every credential leaves the issuer only after the verifier library has
// verified it with the issuer's own DID document and a policy that trusts
// only this issuer (a failure is a bug: nothing is released).
// Thread-safe for concurrent calls with distinct inputs.
#pragma once

#include <nlohmann/json_fwd.hpp>

#include "env/env.h"
#include "formats/data_integrity.h"
#include "formats/status.h"
#include "issuer/issuer_dir.h"
#include "keys/signing_key.h"

namespace passerelle {

struct SignRequest {
  Cryptosuite suite = Cryptosuite::kEddsaRdfc2022;
  Timestamp now = Env::Default().Now();  // the proof's `created`
};

// Signs `credential` as given. Its issuer (string or object id) must be
// this issuer's DID. Errors: kInvalidCredential (data model, profile,
// issuer mismatch — naming what is wrong), kInternal (self-check failed).
Result<nlohmann::json> SignCredential(const IssuerDir& issuer, const Ed25519SigningKey& key,
                                      const nlohmann::json& credential, const SignRequest& request);

// The self-check alone: verifies `signed_credential` against this issuer only.
Status SelfCheck(const IssuerDir& issuer, const nlohmann::json& signed_document, Timestamp now);

}  // namespace passerelle
