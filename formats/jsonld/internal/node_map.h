// Passerelle — JSON-LD Node Map Generation (API §7.2) and the blank node
// identifier generator (§7.4) it shares with list conversion.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <unordered_map>

#include "formats/jsonld/internal/active_context.h"
#include "formats/status.h"

namespace passerelle::jsonld::internal {

// Issues "_:b0", "_:b1", ...; relabels existing identifiers consistently.
class BlankNodeGenerator {
 public:
  // A new identifier, or the one already issued for `identifier`.
  std::string Generate(const std::string* identifier);

 private:
  std::unordered_map<std::string, std::string> issued_;
  size_t counter_ = 0;
};

// graph name ("@default" or an IRI/blank node) -> subject -> node object.
using NodeMap = std::map<std::string, std::map<std::string, json>>;

// Adds the nodes of the expanded document `element` to `node_map`.
// Unlike the spec text, values are not de-duplicated here (that is
// quadratic on hostile arrays); ToRdf removes duplicate quads instead,
// which yields the same dataset.
// Errors: "conflicting indexes".
Status GenerateNodeMap(json element, NodeMap& node_map, BlankNodeGenerator& generator);

}  // namespace passerelle::jsonld::internal
