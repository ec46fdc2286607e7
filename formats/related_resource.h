// Passerelle — the integrity of a credential's related resources (VC Data
// Model 2.0 §5.3): each `relatedResource` names a resource by `id` and pins
// its bytes with `digestSRI` (Subresource Integrity: "sha384-<base64>") and/or
// `digestMultibase` (a multibase multihash, or a bare SHA-256).
//
// Offline, a digest can be checked only for resources Passerelle bundles
// (the JSON-LD contexts of formats/contexts/); the others are listed as
// not checkable. Stateless; thread-safe.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "formats/status.h"

namespace passerelle {

struct RelatedResourceCheck {
  std::vector<std::string> checked;    // ids whose every digest matched
  std::vector<std::string> unchecked;  // ids it cannot fetch offline, or digests of an unknown algorithm
};

// Checks the digests of `credential`'s relatedResource entries (its shape was
// validated before: objects with an id and a string digest). `where` is the
// credential's JSON Pointer.
// Errors: kInvalidCredential naming the member: two entries with one id, a
// digest that is not well formed, a digest that does not match the bundled
// resource's bytes.
Result<RelatedResourceCheck> CheckRelatedResourceDigests(const nlohmann::json& credential,
                                                         const std::string& where = "");

}  // namespace passerelle
