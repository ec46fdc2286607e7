// Passerelle — iterative nesting-depth check for JSON-LD input.
#include "formats/jsonld/internal/input_limits.h"

#include <string>
#include <utility>
#include <vector>

namespace passerelle::jsonld::internal {

Status CheckDepth(const nlohmann::json& value, int max_depth, std::string_view what) {
  if (!value.is_structured()) return Status::Ok();
  std::vector<std::pair<const nlohmann::json*, int>> stack;
  stack.reserve(64);
  stack.push_back({&value, 1});
  while (!stack.empty()) {
    auto [node, depth] = stack.back();
    stack.pop_back();
    if (!node->is_structured()) continue;
    if (depth > max_depth) {
      return Status::ResourceExhausted("json-ld: " + std::string(what) + " nests deeper than " +
                                       std::to_string(max_depth) + " levels");
    }
    for (const auto& child : *node) stack.push_back({&child, depth + 1});
  }
  return Status::Ok();
}

}  // namespace passerelle::jsonld::internal
