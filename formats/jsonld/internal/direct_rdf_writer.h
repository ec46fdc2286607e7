// Passerelle — the walker behind DirectToRdf (direct_rdf.h): node objects in
// direct_rdf.cc, values and terms in direct_rdf_values.cc. Every method
// returns false to decline (see direct_rdf.h). One per call; not
// thread-safe.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "formats/jsonld/internal/active_context.h"
#include "formats/jsonld/internal/processor.h"
#include "formats/rdf/quad_arena.h"

namespace passerelle::jsonld::internal {

class DirectWriter {
 public:
  using TermRef = rdf::QuadArena::TermRef;

  DirectWriter(Processor& p, rdf::QuadArena& out, const std::optional<std::string>& base_url)
      : p_(p), out_(out), base_url_(base_url) {
    entries_.reserve(32);
    predicates_.reserve(kMaxInterned);
  }

  // The document (ExpandElement with a null active property).
  bool TopLevel(const CtxPtr& active, const json& element);

 private:
  // More @type values than this in one entry are declined.
  static constexpr std::size_t kMaxTypes = 16;
  // Interned predicates per document (more are written each time).
  static constexpr std::size_t kMaxInterned = 64;

  // An entry of the map being written, with what its key expands to.
  struct Entry {
    const std::string* key = nullptr;
    const json* value = nullptr;
    const TermDefinition* def = nullptr;  // of the key, in the map's context
    std::optional<std::string_view> iri;  // the key's IRI (nullopt: null), unless in_scratch
    bool in_scratch = false;
    bool keyword = false;  // the key expands to a keyword
    std::string scratch;   // then the key's IRI (moves with the entry)
    std::string_view Iri() const { return in_scratch ? std::string_view(scratch) : *iri; }
  };
  // Where a map stands: at the top level, as a property value, or as the
  // content of a @graph container.
  enum class MapKind { kTopLevel, kPropertyValue, kGraphValue };
  // The keyword entries of a map (the entry's value, or null when absent).
  struct Keywords {
    const json* id = nullptr;
    const json* type = nullptr;
    const json* value = nullptr;
    const json* language = nullptr;
    const json* direction = nullptr;
    const json* index = nullptr;
    // The slot of `keyword`; null for one this path does not take.
    const json** Slot(std::string_view keyword) {
      if (keyword == "@id") return &id;
      if (keyword == "@type") return &type;
      if (keyword == "@value") return &value;
      if (keyword == "@language") return &language;
      if (keyword == "@direction") return &direction;
      if (keyword == "@index") return &index;
      return nullptr;
    }
  };
  // Pops the entries a node pushed onto entries_ (a stack shared by the
  // nested nodes, so that each node costs no allocation of its own).
  class EntryScope {
   public:
    EntryScope(std::vector<Entry>& entries, std::size_t size) : entries_(entries), size_(size) {}
    ~EntryScope() { entries_.resize(size_); }

   private:
    std::vector<Entry>& entries_;
    std::size_t size_;
  };

  bool Node(const CtxPtr& parent, const TermDefinition* property_def, MapKind kind,
            const json& element, TermRef* out);
  // The values of a @graph container property (Expansion 13.12).
  bool GraphValue(const CtxPtr& active, const TermDefinition* def, const json& value,
                  TermRef subject, TermRef predicate);
  // The literal of a value object (Expansion 13.4.7-13.4.10, 15; Object to
  // RDF Conversion).
  bool ValueObject(const ActiveContext& type_scoped, const Keywords& kw, TermRef* out);
  // Pushes an Entry for each key of `element` but @context, expanded in `ctx`.
  void ExpandKeys(const ActiveContext& ctx, const json& element);
  static bool CollectTypes(const json& value, std::array<const std::string*, kMaxTypes>& out,
                           std::size_t* n);
  // ExpandElement of a property's value, then the quads it yields.
  bool Value(const CtxPtr& active, const std::string& key, const TermDefinition* def,
             const json& value, TermRef subject, TermRef predicate);
  // The value of a list container property: its list's head (rdf:nil
  // when empty), its first/rest quads emitted.
  bool ListValue(const CtxPtr& active, const std::string& key, const TermDefinition* def,
                 const json& value, TermRef* head);
  // The object term of a scalar (Value Expansion, Object to RDF Conversion).
  bool ScalarObject(const CtxPtr& active, const std::string& key, const TermDefinition* def,
                    const json& value, TermRef* out);
  // A scalar: Value Expansion (§5.3) and Object to RDF Conversion (§8.2).
  bool Scalar(const CtxPtr& active, const std::string& key, const TermDefinition* def,
              const json& value, TermRef subject, TermRef predicate);
  // A language map (Expansion 13.7).
  bool LanguageMap(const ActiveContext& active, const TermDefinition* def, const json& map,
                   TermRef subject, TermRef predicate);
  // The literal of a scalar @value with an optional datatype or language.
  // `datatype` and `language` are empty when absent. `datatype_checked`:
  // the datatype is known to be a well-formed IRI.
  bool Literal(const json& value, std::string_view datatype, bool datatype_checked,
               std::string_view language, TermRef* out);
  // Adds a quad to the graph being written.
  void Emit(TermRef subject, TermRef predicate, TermRef object) {
    out_.Add(subject, predicate, object, graph_);
  }
  // An expanded @id / @type / IRI value: a blank node (relabelled
  // consistently) or a well-formed absolute IRI; declines anything else.
  bool Resource(std::string_view iri, TermRef* out);
  // The term of a property IRI, written once per document (interned by the
  // address of the text, which a term definition owns); declines an
  // ill-formed IRI unless `well_formed` says it was checked already.
  bool Predicate(std::string_view iri, bool well_formed, TermRef* out);
  TermRef RdfType();

  Processor& p_;
  rdf::QuadArena& out_;
  const std::optional<std::string>& base_url_;
  std::vector<Entry> entries_;
  // Input blank node label -> node.
  std::unordered_map<std::string, std::uint32_t, StringHash, std::equal_to<>> blank_nodes_;
  std::vector<std::pair<const char*, TermRef>> predicates_;
  std::optional<TermRef> rdf_type_;
  std::optional<TermRef> rdf_nil_;  // with rdf_first_ and rdf_rest_, once a list is written
  TermRef rdf_first_;
  TermRef rdf_rest_;
  TermRef graph_ = rdf::QuadArena::DefaultGraph();  // the graph being written
};

}  // namespace passerelle::jsonld::internal
