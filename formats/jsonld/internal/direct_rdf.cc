// Passerelle — toRdf straight from the JSON input (see direct_rdf.h).
//
// Each function names the steps of Expansion (API §5.1), Value Expansion
// (§5.3), Node Map Generation (§7.2) and Object to RDF Conversion (§8.2)
// it stands for. Whatever would raise an error, drop data or need a
// feature this path leaves to the general algorithm returns false
// ("decline"). Literals are in direct_rdf_values.cc.
#include "formats/jsonld/internal/direct_rdf.h"

#include <algorithm>
#include <array>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "formats/jsonld/document_loader.h"
#include "formats/jsonld/internal/context_processing.h"
#include "formats/jsonld/internal/direct_rdf_writer.h"
#include "formats/jsonld/internal/input_limits.h"
#include "formats/jsonld/internal/iri.h"
#include "formats/jsonld/internal/iri_expansion.h"
#include "formats/jsonld/internal/keywords.h"

namespace passerelle::jsonld::internal {

bool DirectWriter::TopLevel(const CtxPtr& active, const json& element) {
  NestingGuard guard(p_);  // an ExpandElement frame
  if (!guard.status().ok()) return false;
  if (element.is_null()) return true;  // expands to nothing
  if (element.is_array()) {
    for (const json& item : element) {
      if (!TopLevel(active, item)) return false;
    }
    return true;
  }
  if (!element.is_object()) return false;  // a free-floating scalar
  TermRef subject;
  return Node(active, nullptr, MapKind::kTopLevel, element, &subject);
}

bool DirectWriter::Value(const CtxPtr& active, const std::string& key, const TermDefinition* def,
                         const json& value, TermRef subject, TermRef predicate) {
  NestingGuard guard(p_);  // an ExpandElement frame
  if (!guard.status().ok()) return false;
  if (value.is_null()) return true;  // 13.10: nothing
  if (value.is_array()) {            // 5: items in order; nested arrays flatten
    for (const json& item : value) {
      if (!Value(active, key, def, item, subject, predicate)) return false;
    }
    return true;
  }
  if (value.is_object()) {  // a nested node (a reference to it) or a value object
    TermRef object;
    if (!Node(active, def, MapKind::kPropertyValue, value, &object)) return false;
    Emit(subject, predicate, object);
    return true;
  }
  return Scalar(active, key, def, value, subject, predicate);
}

// Expansion 13.12 (a @graph container): each expanded value becomes
// {"@graph": [value]}, which Node Map Generation turns into a fresh blank
// node, referenced from the subject, naming the graph its nodes go into.
bool DirectWriter::GraphValue(const CtxPtr& active, const TermDefinition* def, const json& value,
                              TermRef subject, TermRef predicate) {
  NestingGuard guard(p_);  // an ExpandElement frame
  if (!guard.status().ok()) return false;
  if (value.is_null()) return true;
  if (value.is_array()) {
    for (const json& item : value) {
      if (!GraphValue(active, def, item, subject, predicate)) return false;
    }
    return true;
  }
  // A scalar would become a value in a graph, which Node Map Generation drops.
  if (!value.is_object()) return false;
  const TermRef graph = rdf::QuadArena::Blank(out_.NewBlankNode());
  Emit(subject, predicate, graph);
  const TermRef outer = graph_;
  graph_ = graph;
  TermRef node;
  const bool ok = Node(active, def, MapKind::kGraphValue, value, &node);
  graph_ = outer;
  return ok;
}

// Expansion steps 7-20 for a map, emitting the rdf:type and property quads
// of a node object (*out: its subject) or, under a property, the literal of
// a value object (*out). `property_def` is the definition of the active
// property in `parent` (null at the top level, or for a key with no term
// definition).
bool DirectWriter::Node(const CtxPtr& parent, const TermDefinition* property_def, MapKind kind,
                        const json& element, TermRef* out) {
  CtxPtr active = parent;
  std::string scratch;
  // The IRI a map key expands to (Expansion 13.2), or nullopt for null.
  const auto key_iri = [&scratch](const ActiveContext& ctx, const std::string& key) {
    return ExpandIriView(ctx, key, false, true, &scratch);
  };
  // 7) Revert a type-scoped context, unless the map is a value object or a
  // lone @id.
  if (active->previous) {
    bool revert = element.size() != 1 || key_iri(*active, element.begin().key()) != "@id";
    for (auto it = element.begin(); it != element.end() && revert; ++it) {
      if (key_iri(*active, it.key()) == "@value") revert = false;
    }
    if (revert) active = active->previous;
  }
  // 8) Property-scoped context.
  if (property_def != nullptr && property_def->context) {
    ContextFlags flags;
    flags.override_protected = true;
    auto scoped = ApplyScopedContext(p_, active, *property_def, flags);
    if (!scoped.ok()) return false;
    active = std::move(scoped).value();
  }
  // 9) Embedded context.
  if (auto it = element.find("@context"); it != element.end()) {
    auto processed = ProcessContext(p_, active, *it, base_url_, {}, ContextFlags{});
    if (!processed.ok()) return false;
    active = std::move(processed).value();
  }
  // 13.2) What each key expands to, first in the context before type-scoped
  // contexts (10-11 need the keys that expand to @type there).
  const std::size_t first = entries_.size();
  EntryScope scope(entries_, first);
  ExpandKeys(*active, element);
  // 10-11) Type-scoped contexts, in code point order of the type terms.
  const CtxPtr type_scoped = active;
  bool seen_type = false;
  for (std::size_t i = first; i < entries_.size(); ++i) {
    if (!entries_[i].iri || entries_[i].Iri() != "@type") continue;
    if (seen_type) return false;  // two @type entries: merged by expansion, declined here
    seen_type = true;
    std::array<const std::string*, kMaxTypes> terms;
    std::size_t n = 0;
    if (!CollectTypes(*entries_[i].value, terms, &n)) return false;
    std::sort(terms.begin(), terms.begin() + n,
              [](const std::string* a, const std::string* b) { return *a < *b; });
    for (std::size_t t = 0; t < n; ++t) {
      const TermDefinition* type_def = type_scoped->Find(*terms[t]);
      if (type_def == nullptr || !type_def->context) continue;
      ContextFlags flags;
      flags.propagate = false;
      auto scoped = ApplyScopedContext(p_, active, *type_def, flags);
      if (!scoped.ok()) return false;
      active = std::move(scoped).value();
    }
  }
  // 13) The entries under the final context (the same unless a type-scoped
  // context applied).
  if (active != type_scoped) {
    entries_.resize(first);
    ExpandKeys(*active, element);
  }
  const std::size_t last = entries_.size();
  Keywords kw;
  bool has_properties = false;
  for (std::size_t i = first; i < last; ++i) {
    Entry& entry = entries_[i];
    if (!entry.iri) return false;  // 13.3: dropped, or a safe-mode error
    const std::string_view iri = entry.Iri();
    if (IsKeyword(iri)) {
      const json** slot = kw.Slot(iri);
      if (slot == nullptr || *slot != nullptr) return false;  // another keyword, or a repeat
      *slot = entry.value;
      entry.keyword = true;
      continue;
    }
    // 13.3 / safe mode: a property must expand to an absolute IRI; toRdf
    // then needs it well-formed (checked when its term is written).
    if (iri.find(':') == std::string_view::npos) return false;
    has_properties = true;
  }
  if (kw.value != nullptr) {
    // 15) A value object, under a property (elsewhere it is free-floating
    // or dropped); it has no @id and no properties.
    if (kind != MapKind::kPropertyValue || kw.id != nullptr || has_properties) return false;
    return ValueObject(*type_scoped, kw, out);
  }
  // On node objects these would need @index bookkeeping, or are errors.
  if (kw.language != nullptr || kw.direction != nullptr || kw.index != nullptr) return false;
  // 13.4.3 (@id) and Node Map Generation 6.1-6.2: the subject.
  TermRef subject;
  if (kw.id != nullptr) {
    if (!kw.id->is_string()) return false;
    const std::optional<std::string_view> id =
        ExpandIriView(*active, kw.id->get_ref<const std::string&>(), true, false, &scratch);
    if (!id || !Resource(*id, &subject)) return false;
  } else {
    subject = rdf::QuadArena::Blank(out_.NewBlankNode());
  }
  bool has_entries = false;  // besides @id: step 19's test for the top level
  // 13.4.4 (@type, expanded in the context before type-scoped contexts)
  // and Object to RDF for rdf:type.
  if (kw.type != nullptr) {
    has_entries = true;
    std::array<const std::string*, kMaxTypes> terms;
    std::size_t n = 0;
    if (!CollectTypes(*kw.type, terms, &n)) return false;
    for (std::size_t i = 0; i < n; ++i) {
      const std::optional<std::string_view> iri =
          ExpandIriView(*type_scoped, *terms[i], true, true, &scratch);
      TermRef type;
      if (!iri || !Resource(*iri, &type)) return false;
      Emit(subject, RdfType(), type);
    }
  }
  // 13.5-13.14: the properties, in key order.
  for (std::size_t i = first; i < last; ++i) {
    // Nested nodes push entries (and may reallocate): copy what is needed.
    const Entry& entry = entries_[i];
    if (entry.keyword) continue;
    const json& value = *entry.value;
    const TermDefinition* term = entry.def;
    const std::string& key = *entry.key;
    TermRef predicate;
    if (entry.in_scratch) {
      if (!IsWellFormedIri(entry.scratch)) return false;
      predicate = out_.VerbatimIri(entry.scratch);
    } else {
      // A term's own IRI mapping was checked when the term was defined.
      const bool checked = term != nullptr && term->iri_well_formed && term->iri &&
                           entry.iri->data() == term->iri->data();
      if (!Predicate(*entry.iri, checked, &predicate)) return false;
    }
    const std::uint8_t container = term != nullptr ? term->container : 0;
    if (term != nullptr && (term->reverse || (term->type && *term->type == "@json"))) return false;
    if (container & kContainerList) {
      // 13.11: the expanded value (nothing for null) becomes one list.
      if (container != kContainerList) return false;
      if (!value.is_null()) {
        TermRef head;
        if (!ListValue(active, key, term, value, &head)) return false;
        Emit(subject, predicate, head);
      }
    } else if (container & kContainerGraph) {
      // Only a plain graph container (@graph, maybe with @set): graph id,
      // index or language maps are left to the general algorithm.
      if (container & ~(kContainerGraph | kContainerSet)) return false;
      if (!GraphValue(active, term, value, subject, predicate)) return false;
    } else if ((container & kContainerLanguage) && value.is_object()) {
      if (!LanguageMap(*active, term, value, subject, predicate)) return false;
    } else if ((container & (kContainerIndex | kContainerType | kContainerId)) &&
               value.is_object()) {
      return false;
    } else if (!Value(active, key, term, value, subject, predicate)) {
      return false;
    }
    if (!value.is_null()) has_entries = true;
  }
  // 19) At the top level, an empty map or a lone @id is free-floating.
  if (kind == MapKind::kTopLevel && !has_entries) return false;
  *out = subject;
  return true;
}

void DirectWriter::ExpandKeys(const ActiveContext& ctx, const json& element) {
  for (auto it = element.begin(); it != element.end(); ++it) {
    const std::string& key = it.key();
    if (key == "@context") continue;
    Entry entry;
    entry.key = &key;
    entry.value = &*it;
    entry.iri = ExpandIriView(ctx, key, false, true, &entry.scratch, &entry.def);
    // The view may point into entry.scratch, which moves with the entry.
    entry.in_scratch = entry.iri && entry.iri->data() == entry.scratch.data();
    entries_.push_back(std::move(entry));
  }
}

bool DirectWriter::CollectTypes(const json& value, std::array<const std::string*, kMaxTypes>& out,
                                std::size_t* n) {
  *n = 0;
  if (value.is_string()) {
    out[(*n)++] = &value.get_ref<const std::string&>();
    return true;
  }
  if (!value.is_array() || value.size() > kMaxTypes) return false;
  for (const json& t : value) {
    if (!t.is_string()) return false;  // "invalid type value"
    out[(*n)++] = &t.get_ref<const std::string&>();
  }
  return true;
}

bool DirectToRdf(const json& input, const JsonLdOptions& options, rdf::QuadArena& out) {
  // The options Expand accepts, minus those this path leaves to it.
  if (options.processing_mode != "json-ld-1.1" || options.expand_context ||
      !options.rdf_direction.empty()) {
    return false;
  }
  for (const std::string* iri : {&options.base, &options.document_url}) {
    if (!iri->empty() && !IsAbsoluteIri(*iri)) return false;
  }
  if (!CheckDepth(input, options.max_depth, "input").ok()) return false;
  try {
    const DocumentLoader& loader = options.loader ? *options.loader : BundledLoader();
    Processor p(options, loader);
    std::optional<std::string> base_url;
    if (!options.document_url.empty()) {
      base_url = options.document_url;
    } else if (!options.base.empty()) {
      base_url = options.base;
    }
    DirectWriter writer(p, out, base_url);
    return writer.TopLevel(p.InitialContext(), input);
  } catch (const std::exception&) {
    return false;  // the general algorithm reports it
  }
}

}  // namespace passerelle::jsonld::internal
