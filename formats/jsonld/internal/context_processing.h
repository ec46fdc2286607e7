// Passerelle — JSON-LD 1.1 Context Processing (API §4.1) and Create Term
// Definition (§4.2), plus the entry points expansion uses to apply
// scoped contexts with memoisation.
#pragma once

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "formats/jsonld/internal/active_context.h"
#include "formats/jsonld/internal/processor.h"
#include "formats/status.h"

namespace passerelle::jsonld::internal {

struct ContextFlags {
  bool override_protected = false;
  bool propagate = true;
  bool validate_scoped = true;
  // The context comes from the document loader (see
  // TermDefinition::from_loader). Not part of memo keys.
  bool from_loader = false;
};

// The Context Processing algorithm: applies `local` (a context: null,
// string IRI, map, or array of those) to `active` and returns the new
// context. `base_url` resolves relative context IRIs; `remote` is the chain
// of remote contexts being loaded (cycle detection).
// Errors: JSON-LD error codes (see errors.h), kResourceExhausted.
Result<CtxPtr> ProcessContext(Processor& p, const CtxPtr& active, const json& local,
                              const std::optional<std::string>& base_url,
                              const std::vector<std::string>& remote, ContextFlags flags);

// Applies the scoped context of `def` (REQUIRES: def.context) to `active`,
// memoised on `active` when it belongs to a cacheable tree.
Result<CtxPtr> ApplyScopedContext(Processor& p, const CtxPtr& active,
                                  const TermDefinition& def, ContextFlags flags);

// State shared by the term definitions of one local context (the
// arguments of Create Term Definition that do not vary per term).
struct DefineState {
  ActiveContext& result;
  const json& local;  // the context definition (a map)
  std::unordered_map<std::string, bool> defined;
  const std::optional<std::string>& base_url;
  bool is_protected;
  bool override_protected;
  const std::vector<std::string>& remote;
  bool validate_scoped;
  bool from_loader;
};

// Create Term Definition for `term` of state.local.
Status CreateTermDefinition(Processor& p, DefineState& state, const std::string& term);

}  // namespace passerelle::jsonld::internal
