// Passerelle — the JSON-LD 1.1 Expansion algorithm (API §5.1) and Value
// Expansion (§5.3).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "formats/jsonld/internal/active_context.h"
#include "formats/jsonld/internal/processor.h"
#include "formats/status.h"

namespace passerelle::jsonld::internal {

// Optional active property; nullopt is the spec's null.
using Property = std::optional<std::string_view>;

// Expands `element`. Returns JSON null for "nothing" (dropped values).
Result<json> ExpandElement(Processor& p, const CtxPtr& active, Property active_property,
                           const json& element, const std::optional<std::string>& base_url,
                           bool from_map);

// Expansion of a map element (steps 6 onwards); expand_object.cc.
Result<json> ExpandObject(Processor& p, CtxPtr active, Property active_property,
                          const json& element, const std::optional<std::string>& base_url,
                          bool from_map);

// Value Expansion of a scalar under `active_property`.
Result<json> ExpandValue(Processor& p, const ActiveContext& active, Property active_property,
                         const json& value);

// Safe-mode check of an expanded @id / @type IRI: errors when it is not
// absolute (and not a blank node identifier).
Status CheckSafeIri(Processor& p, std::string_view event, std::string_view original,
                    const std::optional<std::string>& expanded);

}  // namespace passerelle::jsonld::internal
