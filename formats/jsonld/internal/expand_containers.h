// Passerelle — JSON-LD Expansion of language maps and index/id/type maps
// (API §5.1 steps 13.7 and 13.8).
#pragma once

#include <optional>
#include <string>

#include "formats/jsonld/internal/active_context.h"
#include "formats/jsonld/internal/processor.h"
#include "formats/status.h"

namespace passerelle::jsonld::internal {

// Expands a language map `value` (a map) of the term `def` (may be null).
Result<json> ExpandLanguageMap(Processor& p, const ActiveContext& active,
                               const TermDefinition* def, const json& value);

// Expands an @index, @id or @type map `value` of term `key` (definition `def`).
Result<json> ExpandIndexMap(Processor& p, const CtxPtr& active, const std::string& key,
                            const TermDefinition& def, const json& value,
                            const std::optional<std::string>& base_url);

}  // namespace passerelle::jsonld::internal
