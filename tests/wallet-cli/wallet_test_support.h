// Passerelle wallet tests — keys, credentials and stores built in-process.
#pragma once

#include <filesystem>
#include <string>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "formats/datetime.h"
#include "issuer/programme.h"
#include "issuer/programme_files.h"
#include "keys/did_key.h"
#include "keys/key_file.h"
#include "keys/proof_signer.h"
#include "keys/secret_bytes.h"
#include "keys/signing_key.h"
#include "tests/testing/paths.h"

namespace passerelle::wallet::testing {

using nlohmann::json;

// Argon2id at its minimum cost: the store logic is what these tests check.
inline KdfParams FastKdf() { return KdfParams{1, 8192}; }

inline SecretBytes Passphrase(const std::string& text) { return std::move(SecretBytes::CopyFrom(text).value()); }

inline Ed25519SigningKey KeyFromSeed(char fill) {
  auto seed = SecretBytes::CopyFrom(std::string(32, fill));
  return std::move(Ed25519SigningKey::FromSeed(*seed).value());
}

struct ModuleOptions {
  std::string module = "HQ-M01";
  std::string credential_id = "urn:uuid:6a1f0e52-8c3d-4b7a-9e21-0d5c4f3b2a19";
  std::string given_name = "Jérôme";
  std::string family_name = "Mercier";
  std::string issuer_name = "Institut de formation en santé de Lyon (démo)";
  std::string awarded_on = "2026-06-24T00:00:00Z";
  nlohmann::json title;  // replaces the module title when not null
};

// The scenario's module credential for `holder_did`, signed by `issuer` (eddsa-rdfc-2022).
inline json SignedModule(const Ed25519SigningKey& issuer, const std::string& holder_did,
                         const ModuleOptions& o = {}) {
  auto bundle = LoadProgrammeBundle(passerelle::testing::SourceDir() /
                                    "scripts/demo-data/programme-health-qualitician.json");
  REQUIRE(bundle.ok());
  ProgrammeModule module = *bundle->programme.FindModule(o.module);
  if (!o.title.is_null()) module.title = o.title;
  IssuerIdentity identity{DidKeyFor(issuer.public_key()), o.issuer_name, "FR"};
  Learner learner{holder_did, o.given_name, o.family_name};
  Timestamp awarded = *ParseDateTime(o.awarded_on);
  auto vc = BuildModuleCredential(bundle->programme, module, identity, learner,
                                  ModuleAward{o.credential_id, "18.1", "FR-0-20", awarded});
  REQUIRE(vc.ok());
  ProofOptions proof;
  proof.verification_method = DidKeyVerificationMethod(issuer.public_key());
  proof.created = Timestamp{awarded.seconds + 3600, 0};
  auto signed_vc = AddProof(*vc, issuer, proof);
  INFO(signed_vc.status().ToString());
  REQUIRE(signed_vc.ok());
  return *signed_vc;
}

}  // namespace passerelle::wallet::testing
