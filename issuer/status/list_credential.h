// Passerelle — the BitstringStatusListCredential a node publishes for each
// of its status lists (W3C Bitstring Status List v1.0 §2.2).
// Pure functions apart from signing; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json_fwd.hpp>

#include "formats/data_integrity.h"
#include "formats/datetime.h"
#include "formats/status.h"
#include "issuer/store/records.h"
#include "issuer/service/signing_identity.h"

namespace passerelle {

struct ListCredentialInput {
  std::string url;  // the list credential's id and where it is served
  store::StatusPurpose purpose = store::StatusPurpose::kRevocation;
  std::string bits;  // the raw bitstring
  Timestamp valid_from;
  Timestamp valid_until;
};

// Builds the unsigned list credential issued by `issuer_did`.
// Errors: kInternal when the bits cannot be compressed.
Result<nlohmann::json> BuildStatusListCredential(std::string_view issuer_did, const ListCredentialInput& input);

// Builds and signs it with the node's current key (self-checked).
Result<nlohmann::json> SignStatusListCredential(const SigningSnapshot& signer, const ListCredentialInput& input,
                                                Cryptosuite suite);

}  // namespace passerelle
