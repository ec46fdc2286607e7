// Passerelle — DID documents (did:key, did:web) and offline resolution of
// verification methods.
//
// A DidResolver holds the DID documents a verifier may use (from trust
// lists, files, or did:key derivation); it never touches the network.
// Thread-compatible: fill it, then share it read-only.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "formats/datetime.h"
#include "formats/status.h"
#include "keys/public_key.h"

namespace passerelle {

struct VerificationMethod {
  std::string id;          // absolute: "did:web:uni.example#key-2"
  std::string controller;  // the DID
  Ed25519PublicKey key;
  std::optional<Timestamp> revoked;  // Multikey `revoked`: no signature made after it counts
  // When the key came into force (trust lists' notBefore): no signature
  // dated before it counts, nor an undated one.
  std::optional<Timestamp> not_before;
};

struct DidDocument {
  std::string id;
  std::vector<VerificationMethod> methods;
  std::vector<std::string> assertion_method;  // absolute method ids
  std::vector<std::string> authentication;

  const VerificationMethod* FindMethod(std::string_view method_id) const;
};

// Parses a DID document with Multikey (or Ed25519VerificationKey2020)
// verification methods; relative ids ("#key-1") are made absolute.
// Errors: kMalformed naming the member.
Result<DidDocument> ParseDidDocument(const nlohmann::json& document);
// The JSON form (contexts did/v1 and multikey/v1).
nlohmann::json DidDocumentToJson(const DidDocument& document);
// The document a did:key resolves to (its one key for every purpose).
DidDocument DidKeyDocument(const Ed25519PublicKey& key);

// Copies are cheap and share the documents (copy on write): a verifier
// serving requests copies its options, resolver included, for each one.
class DidResolver {
 public:
  // Adds (or replaces) a known document, e.g. a did:web issuer's.
  void Add(DidDocument document);
  // Resolves `did`: did:key is derived; others must have been added.
  // Errors: kNotFound with a hint, kMalformed.
  Result<DidDocument> Resolve(std::string_view did) const;

 private:
  using Documents = std::map<std::string, DidDocument, std::less<>>;
  // Shared between copies; Add() copies it first when another resolver
  // shares it (Add is for set-up, before copies are used concurrently).
  std::shared_ptr<Documents> documents_ = std::make_shared<Documents>();
};

struct ResolvedMethod {
  VerificationMethod method;
};

// Resolves a verification method URL and checks that its DID document
// authorises it for `purpose` ("assertionMethod", "authentication").
// Errors: kNotFound, kVerificationFailed ("not authorised for …").
Result<ResolvedMethod> ResolveVerificationMethod(const DidResolver& resolver,
                                                 std::string_view method_url,
                                                 std::string_view purpose);

// The DID part of a DID URL ("did:web:x#k" -> "did:web:x").
std::string_view DidOf(std::string_view did_url);

}  // namespace passerelle
