// Passerelle — a dataset pre-serialised once for canonicalization.
//
// Every non-blank term is written in canonical N-Quads form exactly once,
// into one arena (rdf::QuadArena); blank nodes are dense indices (for a
// Dataset, in order of first appearance, subject/object/graph of each quad,
// as the reference implementation visits them). A line with any blank node
// labelling is then a handful of appends. Duplicate quads are dropped (an
// RDF dataset is a set). Private to formats/rdf; not thread-safe; immutable
// once built.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "formats/rdf/dataset.h"
#include "formats/rdf/quad_arena.h"
#include "formats/status.h"

namespace passerelle::rdf::internal {

using Slot = QuadArena::TermRef;
using PreparedQuad = QuadArena::Quad;

class PreparedDataset {
 public:
  // Builds the prepared form of `input`.
  // Errors: kInvalidArgument if a quad is not RDF (blank or literal
  // predicate, literal subject or graph, default graph used as a term).
  static Result<PreparedDataset> Build(const Dataset& input);

  // Takes over a dataset built directly in compact form. Its blank nodes
  // have no labels: label(node) is empty and label_rank() is index order.
  // Errors: kInvalidArgument if the arena outgrew 32-bit offsets.
  static Result<PreparedDataset> FromArena(QuadArena arena);

  const std::vector<PreparedQuad>& quads() const { return arena_.quads(); }
  std::size_t blank_node_count() const { return arena_.blank_node_count(); }
  // Input label of blank node `node` (a view into the Dataset given to
  // Build; empty for FromArena).
  std::string_view label(std::uint32_t node) const {
    return node < labels_.size() ? labels_[node] : std::string_view();
  }
  // Position of `node` when all blank nodes are sorted by input label.
  const std::vector<std::uint32_t>& label_rank() const { return label_rank_; }
  // Indices into quads() of the quads mentioning `node`, in input order, once each.
  std::span<const std::uint32_t> quads_of(std::uint32_t node) const {
    return std::span<const std::uint32_t>(quads_of_).subspan(
        quads_of_start_[node], quads_of_start_[node + 1] - quads_of_start_[node]);
  }

  // Text of a non-blank slot. REQUIRES: !slot.is_blank().
  std::string_view text(const Slot& slot) const { return arena_.text(slot); }

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
  std::size_t arena_size() const { return arena_.text().size(); }

 private:
  void RemoveDuplicates();
  void Index();

  template <class LabelFn>
  void AppendSlot(std::string* out, const Slot& slot, LabelFn& label) const {
    if (slot.is_blank()) {
      out->append("_:");
      label(out, slot.blank);
    } else {
      out->append(arena_.text(), slot.offset, slot.length);
    }
  }

  QuadArena arena_;
  std::vector<std::string_view> labels_;
  std::vector<std::uint32_t> label_rank_;
  // quads_of(node) is quads_of_[quads_of_start_[node] .. quads_of_start_[node + 1]).
  std::vector<std::uint32_t> quads_of_start_;
  std::vector<std::uint32_t> quads_of_;
};

}  // namespace passerelle::rdf::internal
