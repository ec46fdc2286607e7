// Passerelle — did:key for Ed25519.
#include "keys/did_key.h"

namespace passerelle {

namespace {
constexpr std::string_view kPrefix = "did:key:";
}

std::string DidKeyFor(const Ed25519PublicKey& key) {
  return std::string(kPrefix) + key.ToMultibase();
}

std::string DidKeyVerificationMethod(const Ed25519PublicKey& key) {
  std::string mb = key.ToMultibase();
  return std::string(kPrefix) + mb + "#" + mb;
}

Result<Ed25519PublicKey> ParseDidKey(std::string_view did) {
  if (did.substr(0, kPrefix.size()) != kPrefix)
    return Status::Malformed("not a did:key: \"" + std::string(did.substr(0, 64)) + "\"");
  std::string_view mb = did.substr(kPrefix.size());
  if (mb.rfind("z6Mk", 0) != 0)
    return Status::Unsupported("did:key: only Ed25519 keys (z6Mk…) are supported");
  auto key = Ed25519PublicKey::FromMultibase(mb);
  if (!key.ok()) return key.status().Annotate("did:key");
  return key;
}

}  // namespace passerelle
