// Passerelle — compact, pre-serialised RDF datasets.
#include "formats/rdf/quad_arena.h"

#include <limits>

#include "formats/rdf/internal/nquads_writer.h"

namespace passerelle::rdf {

QuadArena::TermRef QuadArena::Finish(std::size_t start) {
  if (text_.size() > std::numeric_limits<std::uint32_t>::max()) fits_ = false;
  return TermRef{TermRef::kNotBlank, static_cast<std::uint32_t>(start),
                 static_cast<std::uint32_t>(text_.size() - start)};
}

QuadArena::TermRef QuadArena::Iri(std::string_view iri) {
  const std::size_t start = text_.size();
  internal::AppendIri(&text_, iri);
  return Finish(start);
}

QuadArena::TermRef QuadArena::VerbatimIri(std::string_view iri) {
  const std::size_t start = text_.size();
  text_.push_back('<');
  text_.append(iri);
  text_.push_back('>');
  return Finish(start);
}

QuadArena::TermRef QuadArena::Literal(std::string_view lexical, std::string_view datatype,
                                      std::string_view language) {
  return AppendLiteral(lexical, datatype, language, /*verbatim=*/false);
}

QuadArena::TermRef QuadArena::LiteralWithVerbatimDatatype(std::string_view lexical,
                                                          std::string_view datatype,
                                                          std::string_view language) {
  return AppendLiteral(lexical, datatype, language, /*verbatim=*/true);
}

QuadArena::TermRef QuadArena::AppendLiteral(std::string_view lexical, std::string_view datatype,
                                            std::string_view language, bool verbatim) {
  const std::size_t start = text_.size();
  text_.push_back('"');
  internal::AppendEscapedLexical(&text_, lexical);
  text_.push_back('"');
  if (!language.empty()) {
    text_.push_back('@');
    text_.append(language);
  } else if (!datatype.empty() && datatype != kXsdString) {
    text_.append("^^");
    if (verbatim) {
      text_.push_back('<');
      text_.append(datatype);
      text_.push_back('>');
    } else {
      internal::AppendIri(&text_, datatype);
    }
  }
  return Finish(start);
}

QuadArena::TermRef QuadArena::Append(const Term& term) {
  const std::size_t start = text_.size();
  internal::AppendTerm(&text_, term);
  return Finish(start);
}

void QuadArena::CompactBlankNodes() {
  constexpr std::uint32_t kUnused = TermRef::kNotBlank;
  std::vector<std::uint32_t> number(blank_nodes_, kUnused);
  for (const Quad& q : quads_) {
    for (const TermRef& t : q.slots) {
      if (t.is_blank()) number[t.blank] = 0;
    }
  }
  std::uint32_t used = 0;
  for (std::uint32_t& n : number) {
    if (n != kUnused) n = used++;
  }
  if (used == blank_nodes_) return;  // the common case: nothing to renumber
  for (Quad& q : quads_) {
    for (TermRef& t : q.slots) {
      if (t.is_blank()) t.blank = number[t.blank];
    }
  }
  blank_nodes_ = used;
}

}  // namespace passerelle::rdf
