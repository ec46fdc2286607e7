// Passerelle — a dataset pre-serialised once for canonicalization.
//
// Every non-blank term is written in canonical N-Quads form exactly once,
// into one arena; blank nodes become dense indices (in order of first
// appearance, subject/object/graph of each quad, as the reference
// implementation visits them). A line with any blank node labelling is then
// a handful of appends. Duplicate quads are dropped (an RDF dataset is a
// set). Private to formats/rdf; not thread-safe; immutable once built.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "formats/rdf/dataset.h"
#include "formats/status.h"

namespace passerelle::rdf::internal {

// One position of a quad: a blank node, or a slice of the arena.
struct Slot {
  static constexpr std::uint32_t kNotBlank = UINT32_MAX;
  std::uint32_t blank = kNotBlank;
  std::uint32_t offset = 0;
  std::uint32_t length = 0;
  bool is_blank() const { return blank != kNotBlank; }
};

struct PreparedQuad {
  // subject, predicate, object, graph. The graph slot is empty (not blank,
  // length 0) for the default graph.
  std::array<Slot, 4> slots;
  bool has_graph() const { return slots[3].is_blank() || slots[3].length != 0; }
};

class PreparedDataset {
 public:
  // Builds the prepared form of `input`.
  // Errors: kInvalidArgument if a quad is not RDF (blank or literal
  // predicate, literal subject or graph, default graph used as a term).
  static Result<PreparedDataset> Build(const Dataset& input);

  const std::vector<PreparedQuad>& quads() const { return quads_; }
  std::size_t blank_node_count() const { return labels_.size(); }
  // Input label of blank node `node` (a view into the Dataset given to Build).
  std::string_view label(std::uint32_t node) const { return labels_[node]; }
  // Position of `node` when all blank nodes are sorted by input label.
  const std::vector<std::uint32_t>& label_rank() const { return label_rank_; }
  // Indices into quads() of the quads mentioning `node`, in input order, once each.
  const std::vector<std::uint32_t>& quads_of(std::uint32_t node) const { return quads_of_[node]; }

  // Text of a non-blank slot. REQUIRES: !slot.is_blank().
  std::string_view text(const Slot& slot) const {
    return std::string_view(arena_).substr(slot.offset, slot.length);
  }

  // Appends the N-Quads line of `quad`, calling label(out, node) to write
  // each blank node's label after "_:".
  template <class LabelFn>
  void AppendLine(std::string* out, const PreparedQuad& quad, LabelFn&& label) const {
    AppendSlot(out, quad.slots[0], label);
    out->push_back(' ');
    AppendSlot(out, quad.slots[1], label);
    out->push_back(' ');
    AppendSlot(out, quad.slots[2], label);
    if (quad.has_graph()) {
      out->push_back(' ');
      AppendSlot(out, quad.slots[3], label);
    }
    out->append(" .\n");
  }

  // Upper bound of the bytes of all non-blank text, for reserve().
  std::size_t arena_size() const { return arena_.size(); }

 private:
  void RemoveDuplicates();

  template <class LabelFn>
  void AppendSlot(std::string* out, const Slot& slot, LabelFn& label) const {
    if (slot.is_blank()) {
      out->append("_:");
      label(out, slot.blank);
    } else {
      out->append(arena_, slot.offset, slot.length);
    }
  }

  std::string arena_;
  std::vector<PreparedQuad> quads_;
  std::vector<std::string_view> labels_;
  std::vector<std::uint32_t> label_rank_;
  std::vector<std::vector<std::uint32_t>> quads_of_;
};

}  // namespace passerelle::rdf::internal
