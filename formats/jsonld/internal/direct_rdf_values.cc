// Passerelle — DirectToRdf: scalars, value objects, language maps, lists and
// terms (see direct_rdf.h). Mirrors ExpandElement's scalar branch,
// ExpandValue, expansion's value-object checks, ExpandLanguageMap, list
// containers and RdfWriter::ValueToRdf / ListToRdf; any case those would turn
// into an error, a dropped value or a feature not handled here declines.
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "formats/jsonld/internal/context_processing.h"
#include "formats/jsonld/internal/direct_rdf_writer.h"
#include "formats/jsonld/internal/iri.h"
#include "formats/jsonld/internal/iri_expansion.h"
#include "formats/jsonld/internal/keywords.h"
#include "formats/jsonld/internal/rdf_literals.h"

namespace passerelle::jsonld::internal {
namespace {

constexpr std::string_view kRdfType = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
constexpr std::string_view kRdfFirst = "http://www.w3.org/1999/02/22-rdf-syntax-ns#first";
constexpr std::string_view kRdfRest = "http://www.w3.org/1999/02/22-rdf-syntax-ns#rest";
constexpr std::string_view kRdfNil = "http://www.w3.org/1999/02/22-rdf-syntax-ns#nil";
constexpr std::string_view kXsdBoolean = "http://www.w3.org/2001/XMLSchema#boolean";
constexpr std::string_view kXsdDouble = "http://www.w3.org/2001/XMLSchema#double";
constexpr std::string_view kXsdInteger = "http://www.w3.org/2001/XMLSchema#integer";

}  // namespace

bool DirectWriter::Scalar(const CtxPtr& active, const std::string& key, const TermDefinition* def,
                          const json& value, TermRef subject, TermRef predicate) {
  TermRef object;
  if (!ScalarObject(active, key, def, value, &object)) return false;
  Emit(subject, predicate, object);
  return true;
}

bool DirectWriter::ScalarObject(const CtxPtr& active, const std::string& key,
                                const TermDefinition* def, const json& value, TermRef* out) {
  // ExpandElement 4.2: a property-scoped context applies to scalars too;
  // Value Expansion then reads the definition in that context.
  const ActiveContext* ctx = active.get();
  CtxPtr scoped;
  if (def != nullptr && def->context) {
    ContextFlags flags;
    flags.override_protected = true;
    auto applied = ApplyScopedContext(p_, active, *def, flags);
    if (!applied.ok()) return false;
    scoped = std::move(applied).value();
    ctx = scoped.get();
    def = ctx->Find(key);
  }
  const std::string* type = def != nullptr && def->type ? &*def->type : nullptr;
  // Value Expansion 1-2: IRIs, then a node reference (Node Map 6.1).
  if (type != nullptr && value.is_string() && (*type == "@id" || *type == "@vocab")) {
    std::string scratch;
    const std::optional<std::string_view> iri = ExpandIriView(
        *ctx, value.get_ref<const std::string&>(), true, *type == "@vocab", &scratch);
    return iri && Resource(*iri, out);
  }
  // 4) A type mapping other than @id / @vocab / @none is the datatype;
  // 5) otherwise strings take the language mapping or the default language.
  // (A direction is ignored: toRdf uses it only with rdfDirection, which
  // this path declines.)
  const bool typed =
      type != nullptr && *type != "@id" && *type != "@vocab" && *type != "@none";
  std::string_view datatype = typed ? std::string_view(*type) : std::string_view();
  const std::string* language = nullptr;
  if (!typed && value.is_string()) {
    if (def != nullptr && def->language) {
      if (*def->language) language = &**def->language;
    } else if (ctx->default_language) {
      language = &*ctx->default_language;
    }
  }
  // An empty language tag is ill-formed: Literal declines it.
  if (language != nullptr && language->empty()) return false;
  return Literal(value, datatype, typed && def->type_well_formed,
                 language != nullptr ? std::string_view(*language) : std::string_view(), out);
}

// Expansion 13.7: {language: string or strings}.
bool DirectWriter::LanguageMap(const ActiveContext& active, const TermDefinition* def,
                               const json& map, TermRef subject, TermRef predicate) {
  std::string scratch;
  for (auto it = map.begin(); it != map.end(); ++it) {
    const std::string& language = it.key();
    const bool none = language == "@none" ||
                      ExpandIriView(active, language, false, true, &scratch) == "@none";
    // Safe mode rejects, and toRdf drops, an ill-formed tag.
    if (!none && !IsWellFormedLanguageTag(language)) return false;
    const auto one = [&](const json& item) {
      if (item.is_null()) return true;
      if (!item.is_string()) return false;  // "invalid language map value"
      const TermRef object =
          none ? out_.Literal(item.get_ref<const std::string&>(), rdf::kXsdString)
               : out_.Literal(item.get_ref<const std::string&>(), rdf::kRdfLangString, language);
      Emit(subject, predicate, object);
      return true;
    };
    const json& values = it.value();
    if (values.is_array()) {
      for (const json& item : values) {
        if (!one(item)) return false;
      }
    } else if (!one(values)) {
      return false;
    }
  }
  return true;
}

// Object to RDF Conversion 8-13 for a value object {@value, @type?, @language?}.
bool DirectWriter::Literal(const json& value, std::string_view datatype, bool datatype_checked,
                           std::string_view language, TermRef* out) {
  const bool typed = !datatype.empty();
  if (typed && !datatype_checked && (datatype == "@json" || !IsWellFormedIri(datatype))) {
    return false;
  }
  if (!language.empty() && !IsWellFormedLanguageTag(language)) return false;
  std::string number;
  std::string_view lexical;
  std::string_view type;
  if (value.is_boolean()) {
    lexical = value.get<bool>() ? "true" : "false";
    type = typed ? datatype : kXsdBoolean;
  } else if (value.is_number() && (NeedsDoubleForm(value) || datatype == kXsdDouble)) {
    number = CanonicalDouble(value.get<double>());
    lexical = number;
    type = typed ? datatype : kXsdDouble;
  } else if (value.is_number()) {
    number = CanonicalInteger(value);
    lexical = number;
    type = typed ? datatype : kXsdInteger;
  } else if (value.is_string()) {
    lexical = value.get_ref<const std::string&>();
    type = typed ? datatype : !language.empty() ? rdf::kRdfLangString : rdf::kXsdString;
  } else {
    return false;
  }
  // `type` is a checked datatype or one of the XSD / RDF constants.
  *out = out_.LiteralWithVerbatimDatatype(lexical, type, language);
  return true;
}

bool DirectWriter::ValueObject(const ActiveContext& type_scoped, const Keywords& kw,
                               TermRef* out) {
  // 13.4.7: a scalar (null is a safe-mode error, or dropped).
  const json& value = *kw.value;
  if (value.is_null() || value.is_object() || value.is_array()) return false;
  // 13.4.4 and 15: @type is one IRI (not @json: a JSON literal is left to
  // the general algorithm), and then neither @language nor @direction.
  std::string scratch;
  std::string_view datatype;
  if (kw.type != nullptr) {
    if (!kw.type->is_string() || kw.language != nullptr || kw.direction != nullptr) return false;
    const std::optional<std::string_view> iri =
        ExpandIriView(type_scoped, kw.type->get_ref<const std::string&>(), true, true, &scratch);
    if (!iri || !IsWellFormedIri(*iri)) return false;
    datatype = *iri;
  }
  // 13.4.8: a well-formed tag, on strings only.
  std::string_view language;
  if (kw.language != nullptr) {
    if (!kw.language->is_string() || !value.is_string()) return false;
    language = kw.language->get_ref<const std::string&>();
    if (language.empty()) return false;  // ill-formed
  }
  // 13.4.9: ltr or rtl, which toRdf ignores without rdfDirection (this path
  // runs only without it).
  if (kw.direction != nullptr && *kw.direction != "ltr" && *kw.direction != "rtl") return false;
  // 13.4.10: a string, which toRdf ignores.
  if (kw.index != nullptr && !kw.index->is_string()) return false;
  return Literal(value, datatype, /*datatype_checked=*/kw.type != nullptr, language, out);
}

bool DirectWriter::Resource(std::string_view iri, TermRef* out) {
  if (IsBlankNodeId(iri)) {  // Node Map Generation relabels every blank node identifier
    auto it = blank_nodes_.find(iri);
    if (it == blank_nodes_.end()) it = blank_nodes_.emplace(iri, out_.NewBlankNode()).first;
    *out = rdf::QuadArena::Blank(it->second);
    return true;
  }
  // Relative (safe mode: an error; toRdf: dropped) or not N-Quads-safe (dropped).
  if (!IsWellFormedIri(iri)) return false;
  *out = out_.VerbatimIri(iri);
  return true;
}

// Interned by the address of a term definition's IRI mapping, confirmed by
// content (a context freed during the walk may leave its address to
// another), so each is checked and written once per document.
bool DirectWriter::Predicate(std::string_view iri, bool well_formed, TermRef* out) {
  for (const auto& [address, ref] : predicates_) {
    if (address != iri.data()) continue;
    const std::string_view text = out_.text(ref);
    if (text.size() == iri.size() + 2 && text.substr(1, iri.size()) == iri) {
      *out = ref;
      return true;
    }
  }
  // Safe mode: a relative property is an error; toRdf drops ill-formed ones.
  if (!well_formed && !IsWellFormedIri(iri)) return false;
  *out = out_.VerbatimIri(iri);
  if (predicates_.size() < kMaxInterned) predicates_.emplace_back(iri.data(), *out);
  return true;
}

DirectWriter::TermRef DirectWriter::RdfType() {
  if (!rdf_type_) rdf_type_ = out_.VerbatimIri(kRdfType);
  return *rdf_type_;
}

// Expansion of a list container's value (ExpandElement 5 with its nested
// arrays as lists, then 13.11) and List to RDF Conversion (§8.3). Nesting
// frames are counted where ExpandElement counts them: one for the value (or
// a nested array), one for each item of an array.
bool DirectWriter::ListValue(const CtxPtr& active, const std::string& key,
                             const TermDefinition* def, const json& value, TermRef* head) {
  NestingGuard guard(p_);  // ExpandElement of the value, or of a nested array
  if (!guard.status().ok()) return false;
  std::vector<TermRef> items;
  const auto item = [&](const json& v, bool frame) {
    if (v.is_array()) {  // a nested array is a nested list
      TermRef nested;
      if (!ListValue(active, key, def, v, &nested)) return false;
      items.push_back(nested);
      return true;
    }
    std::optional<NestingGuard> item_guard;  // ExpandElement of an array item
    if (frame) {
      item_guard.emplace(p_);
      if (!item_guard->status().ok()) return false;
    }
    TermRef object;
    if (v.is_object()) {  // a node (referenced) or a value object
      if (!Node(active, def, MapKind::kPropertyValue, v, &object)) return false;
    } else if (!ScalarObject(active, key, def, v, &object)) {
      return false;
    }
    items.push_back(object);
    return true;
  };
  if (value.is_array()) {
    for (const json& v : value) {
      if (!v.is_null() && !item(v, /*frame=*/true)) return false;  // null items vanish
    }
  } else if (!item(value, /*frame=*/false)) {
    return false;
  }
  if (!rdf_nil_) {
    rdf_nil_ = out_.VerbatimIri(kRdfNil);
    rdf_first_ = out_.VerbatimIri(kRdfFirst);
    rdf_rest_ = out_.VerbatimIri(kRdfRest);
  }
  TermRef rest = *rdf_nil_;
  for (std::size_t i = items.size(); i-- > 0;) {  // built from the end
    const TermRef node = rdf::QuadArena::Blank(out_.NewBlankNode());
    Emit(node, rdf_first_, items[i]);
    Emit(node, rdf_rest_, rest);
    rest = node;
  }
  *head = rest;
  return true;
}

}  // namespace passerelle::jsonld::internal
