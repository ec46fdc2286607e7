// Passerelle — JSON-LD IRI Expansion (API §5.2).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "formats/jsonld/internal/active_context.h"
#include "formats/jsonld/internal/processor.h"
#include "formats/status.h"

namespace passerelle::jsonld::internal {

struct DefineState;

// IRI-expands `value` against `ctx` (no term definitions are created).
// Returns nullopt for null results (terms mapped to null, keyword-like
// strings). Cannot fail.
std::optional<std::string> ExpandIri(const ActiveContext& ctx, std::string_view value,
                                     bool document_relative, bool vocab);

// The same without copying: the result views `value` itself, a string owned
// by `ctx` (a term's IRI mapping), or *scratch (valid until *scratch
// changes). When `def` is not null it receives the term definition of
// `value` in `ctx` (null when none, or when `value` is keyword-like).
std::optional<std::string_view> ExpandIriView(const ActiveContext& ctx, std::string_view value,
                                              bool document_relative, bool vocab,
                                              std::string* scratch,
                                              const TermDefinition** def = nullptr);

// The same during context processing: terms of state.local that `value`
// depends on are defined first (which can fail).
Result<std::optional<std::string>> ExpandIriDefining(Processor& p, DefineState& state,
                                                     std::string_view value,
                                                     bool document_relative, bool vocab);

}  // namespace passerelle::jsonld::internal
