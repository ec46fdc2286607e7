// Passerelle — an RDF dataset in compact, pre-serialised form.
//
// The form RDF Dataset Canonicalization works on: every non-blank term is
// written once, in canonical N-Quads form ("<iri>", "\"lexical\"^^<dt>",
// "\"text\"@lang"), into one text buffer; a quad holds four references into
// it; blank nodes are dense indices 0..n-1 with no labels at all. A producer
// (JSON-LD toRdf's direct path) appends terms straight into it, with no
// rdf::Term per term and no allocation per quad, and CanonicalizeToNQuads()
// (canonicalize.h) turns it into the canonical N-Quads.
//
// A term reference can be used in any number of quads (intern a predicate
// once, reuse it). A value type; not thread-safe while being built.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "formats/rdf/dataset.h"

namespace passerelle::rdf {

class QuadArena {
 public:
  // One position of a quad: a blank node, or a slice of the text buffer.
  // The default graph is the empty slice (not blank, length 0).
  struct TermRef {
    static constexpr std::uint32_t kNotBlank = UINT32_MAX;
    std::uint32_t blank = kNotBlank;
    std::uint32_t offset = 0;
    std::uint32_t length = 0;
    bool is_blank() const { return blank != kNotBlank; }
  };

  struct Quad {
    // subject, predicate, object, graph.
    std::array<TermRef, 4> slots;
    bool has_graph() const { return slots[3].is_blank() || slots[3].length != 0; }
  };

  // A fresh blank node (its index).
  std::uint32_t NewBlankNode() { return blank_nodes_++; }
  static TermRef Blank(std::uint32_t node) { return TermRef{node, 0, 0}; }
  static TermRef DefaultGraph() { return TermRef{}; }

  // Appends "<iri>" (an IRI that can never be valid is escaped as
  // rdf::TermToNQuads does, so it cannot break the line structure).
  TermRef Iri(std::string_view iri);
  // Appends a literal in canonical form: `datatype` empty or xsd:string
  // means a plain string; a non-empty `language` writes "@language" and no
  // datatype (rdf:langString).
  TermRef Literal(std::string_view lexical, std::string_view datatype,
                  std::string_view language = {});

  // The same without scanning IRIs for characters to escape, for producers
  // that have validated them. REQUIRES: `iri` / `datatype` contain no
  // U+0000..U+0020 and none of <>"{}|^`\ (any IRI that JSON-LD's
  // well-formedness check accepts), else the output is not N-Quads.
  TermRef VerbatimIri(std::string_view iri);
  TermRef LiteralWithVerbatimDatatype(std::string_view lexical, std::string_view datatype,
                                      std::string_view language = {});
  // Appends `term` (REQUIRES: not a blank node; those are indices here).
  TermRef Append(const Term& term);

  // Adds a quad. REQUIRES: the references come from this arena (or Blank
  // of a node it issued), the subject is an IRI or blank node, the predicate
  // an IRI, the graph an IRI, blank node or DefaultGraph().
  void Add(TermRef subject, TermRef predicate, TermRef object, TermRef graph) {
    quads_.push_back(Quad{{subject, predicate, object, graph}});
  }
  // The same in the default graph.
  void Add(TermRef subject, TermRef predicate, TermRef object) {
    quads_.push_back(Quad{{subject, predicate, object, TermRef{}}});
  }

  // Drops the blank nodes no quad mentions (a producer may issue one for a
  // node that ends up with no statement) and renumbers the others densely,
  // in order: canonical labels are issued to the nodes of the dataset only.
  void CompactBlankNodes();

  std::uint32_t blank_node_count() const { return blank_nodes_; }
  const std::vector<Quad>& quads() const { return quads_; }
  std::vector<Quad>& mutable_quads() { return quads_; }
  const std::string& text() const { return text_; }
  // Text of a non-blank reference.
  std::string_view text(const TermRef& t) const {
    return std::string_view(text_.data() + t.offset, t.length);  // REQUIRES: from this arena
  }
  // False once the text outgrew 32-bit offsets (then nothing is usable).
  bool fits() const { return fits_; }
  void Reserve(std::size_t quads, std::size_t text_bytes) {
    quads_.reserve(quads);
    text_.reserve(text_bytes);
  }

 private:
  TermRef Finish(std::size_t start);
  TermRef AppendLiteral(std::string_view lexical, std::string_view datatype,
                        std::string_view language, bool verbatim);

  std::string text_;
  std::vector<Quad> quads_;
  std::uint32_t blank_nodes_ = 0;
  bool fits_ = true;
};

}  // namespace passerelle::rdf
