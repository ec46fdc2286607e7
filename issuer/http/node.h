// Passerelle — what the HTTP handlers of a running issuer node share.
//
// Built once by `issuer serve` (or a test) over an Issuer (the service that
// issues, changes statuses and signs status lists) and then only read; the
// objects it points to are themselves thread-safe. Handlers are free
// functions of (Node&, request) so each can be tested without sockets.
#pragma once

#include <cstddef>
#include <memory>
#include <string>

#include "formats/data_integrity.h"
#include "issuer/service/issuer.h"
#include "verifier/status_cache.h"

namespace passerelle::http {

// The public URL status lists are served under is the Issuer's.
struct NodeOptions {
  Cryptosuite default_suite = Cryptosuite::kEddsaRdfc2022;
  std::size_t max_body_bytes = 1 << 20;
};

struct Node {
  Issuer* issuer = nullptr;  // opened with its store and key
  // Where /credentials/verify keeps the node's own signed lists, so it
  // checks status through the same code as `verifier verify`.
  const StatusListCache* verify_cache = nullptr;
  NodeOptions options;
};

// The parts of a Node, owned; Build() wires them together.
struct NodeParts {
  std::unique_ptr<StatusListCache> verify_cache;
  Node node;
};

// Builds the node over an open Issuer (which outlives it). `state_dir` holds
// the verify cache. Errors: kInvalidArgument (an Issuer without its store,
// key or public URL), kIOError.
Result<std::unique_ptr<NodeParts>> BuildNode(Issuer& issuer, const std::filesystem::path& state_dir,
                                             NodeOptions options);

}  // namespace passerelle::http
