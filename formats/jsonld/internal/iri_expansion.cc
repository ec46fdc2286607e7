// Passerelle — JSON-LD IRI Expansion (API §5.2).
#include "formats/jsonld/internal/iri_expansion.h"

#include "formats/jsonld/internal/context_processing.h"
#include "formats/jsonld/internal/iri.h"
#include "formats/jsonld/internal/keywords.h"

namespace passerelle::jsonld::internal {
namespace {

// Steps 4 onwards, once any term definitions `value` depends on exist.
// `def` is the definition of `value` in `ctx`. The result views `value`, a
// string owned by `ctx` or *scratch.
std::optional<std::string_view> ExpandDefined(const ActiveContext& ctx, std::string_view value,
                                              bool document_relative, bool vocab,
                                              const TermDefinition* def, std::string* scratch) {
  // 4) A term whose IRI mapping is a keyword (a keyword alias).
  if (def != nullptr && def->iri && IsKeyword(*def->iri)) return std::string_view(*def->iri);
  // 5) Vocabulary-relative use of a term.
  if (vocab && def != nullptr) {
    if (!def->iri) return std::nullopt;
    return std::string_view(*def->iri);
  }
  // 6) IRI, compact IRI or blank node identifier.
  if (value.find(':', 1) != std::string_view::npos) {
    size_t colon = value.find(':');
    std::string_view prefix = value.substr(0, colon);
    std::string_view suffix = value.substr(colon + 1);
    if (prefix == "_" || suffix.substr(0, 2) == "//") return value;
    const TermDefinition* prefix_def = ctx.Find(prefix);
    if (prefix_def != nullptr && prefix_def->iri && prefix_def->prefix) {
      scratch->assign(*prefix_def->iri);
      scratch->append(suffix);
      return std::string_view(*scratch);
    }
    if (IsAbsoluteIri(value)) return value;
  }
  // 7) Vocabulary mapping.
  if (vocab && ctx.vocab) {
    scratch->assign(*ctx.vocab);
    scratch->append(value);
    return std::string_view(*scratch);
  }
  // 8) Document-relative.
  if (document_relative && ctx.base_iri) {
    *scratch = ResolveIri(*ctx.base_iri, value);
    return std::string_view(*scratch);
  }
  return value;
}

std::optional<std::string> Copy(std::optional<std::string_view> v) {
  if (!v) return std::nullopt;
  return std::string(*v);
}

}  // namespace

std::optional<std::string_view> ExpandIriView(const ActiveContext& ctx, std::string_view value,
                                              bool document_relative, bool vocab,
                                              std::string* scratch, const TermDefinition** def) {
  if (def != nullptr) *def = nullptr;
  // 1) Keywords stay as they are; 2) keyword-like strings are reserved.
  if (!value.empty() && value[0] == '@') {
    if (IsKeyword(value)) return value;
    if (HasKeywordForm(value)) return std::nullopt;
  }
  const TermDefinition* term = ctx.Find(value);
  if (def != nullptr) *def = term;
  return ExpandDefined(ctx, value, document_relative, vocab, term, scratch);
}

std::optional<std::string> ExpandIri(const ActiveContext& ctx, std::string_view value,
                                     bool document_relative, bool vocab) {
  std::string scratch;
  return Copy(ExpandIriView(ctx, value, document_relative, vocab, &scratch, nullptr));
}

Result<std::optional<std::string>> ExpandIriDefining(Processor& p, DefineState& state,
                                                     std::string_view value,
                                                     bool document_relative, bool vocab) {
  if (!value.empty() && value[0] == '@') {
    if (IsKeyword(value)) return std::optional<std::string>(std::string(value));
    if (HasKeywordForm(value)) return std::optional<std::string>();
  }
  auto ensure_defined = [&](std::string_view term) -> Status {
    if (!state.local.is_object()) return Status::Ok();
    auto it = state.local.find(term);
    if (it == state.local.end()) return Status::Ok();
    auto d = state.defined.find(std::string(term));
    if (d != state.defined.end() && d->second) return Status::Ok();
    return CreateTermDefinition(p, state, std::string(term));
  };
  // 3) Define `value` first if the local context defines it.
  PSL_RETURN_IF_ERROR(ensure_defined(value));
  // 6.3) Likewise for the prefix of a compact IRI.
  if (value.find(':', 1) != std::string_view::npos) {
    size_t colon = value.find(':');
    std::string_view prefix = value.substr(0, colon);
    std::string_view suffix = value.substr(colon + 1);
    if (prefix != "_" && suffix.substr(0, 2) != "//") {
      PSL_RETURN_IF_ERROR(ensure_defined(prefix));
    }
  }
  std::string scratch;
  return Copy(ExpandDefined(state.result, value, document_relative, vocab,
                            state.result.Find(value), &scratch));
}

}  // namespace passerelle::jsonld::internal
