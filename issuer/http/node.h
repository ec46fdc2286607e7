// Passerelle — what the HTTP handlers of a running issuer node share.
//
// Built once by `issuer serve` (or a test) and then only read; the objects it
// points to are themselves thread-safe. Handlers are free functions of
// (Node&, request) so each can be tested without sockets.
#pragma once

#include <cstddef>
#include <memory>
#include <string>

#include "formats/data_integrity.h"
#include "issuer/status/publisher.h"
#include "issuer/status/slot_pool.h"
#include "issuer/store/group_commit.h"
#include "issuer/service/signing_identity.h"
#include "issuer/store/store.h"
#include "verifier/status_cache.h"

namespace passerelle::http {

struct NodeOptions {
  std::string public_base_url;  // "https://issuer.example" (no trailing slash)
  Cryptosuite default_suite = Cryptosuite::kEddsaRdfc2022;
  std::size_t max_body_bytes = 1 << 20;
};

struct Node {
  store::IssuerStore* store = nullptr;
  SigningIdentity* signer = nullptr;
  SlotPool* slots = nullptr;
  GroupCommitter* committer = nullptr;
  StatusListPublisher* publisher = nullptr;
  // Where /credentials/verify keeps the node's own signed lists, so it
  // checks status through the same code as `verifier verify`.
  const StatusListCache* verify_cache = nullptr;
  NodeOptions options;
};

// The parts of a Node, owned; Build() wires them together.
struct NodeParts {
  std::unique_ptr<SlotPool> slots;
  std::unique_ptr<GroupCommitter> committer;
  std::unique_ptr<StatusListPublisher> publisher;
  std::unique_ptr<StatusListCache> verify_cache;
  Node node;
};

// Builds the node over an open store and signing identity (both outlive it).
// `state_dir` holds the verify cache. Errors: kIOError.
Result<std::unique_ptr<NodeParts>> BuildNode(store::IssuerStore& store, SigningIdentity& signer,
                                             const std::filesystem::path& state_dir, NodeOptions options);

}  // namespace passerelle::http
