// Passerelle — up-front checks that bound the work on hostile JSON-LD input.
#pragma once

#include <string_view>

#include <nlohmann/json.hpp>

#include "formats/status.h"

namespace passerelle::jsonld::internal {

// Errors (kResourceExhausted) when `value` nests arrays/maps deeper than
// `max_depth`. Iterative: safe on any input the JSON parser produced.
Status CheckDepth(const nlohmann::json& value, int max_depth, std::string_view what);

}  // namespace passerelle::jsonld::internal
