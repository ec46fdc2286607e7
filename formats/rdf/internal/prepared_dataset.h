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
#include <cstring>
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

  // The length of the line of `quad` when label_size(node) is the length of
  // each blank node's label (after "_:").
  template <class LabelSizeFn>
  std::size_t LineSize(const PreparedQuad& quad, LabelSizeFn&& label_size) const {
    const bool graph = quad.has_graph();
    std::size_t n = graph ? 6 : 5;  // the spaces between terms, and " .\n"
    for (std::size_t k = 0; k < (graph ? 4u : 3u); ++k) {
      const Slot& s = quad.slots[k];
      n += s.is_blank() ? 2 + label_size(s.blank) : s.length;
    }
    return n;
  }
  // Writes the line of `quad` at `out`, which has room for LineSize(quad)
  // bytes, calling label(out, node) (returning the end) to write each blank
  // node's label after "_:". Returns the end of the line.
  template <class LabelFn>
  char* WriteLine(char* out, const PreparedQuad& quad, LabelFn&& label) const {
    const auto slot = [&](const Slot& s) {
      if (s.is_blank()) {
        *out++ = '_';
        *out++ = ':';
        out = label(out, s.blank);
      } else {
        std::memcpy(out, arena_.text().data() + s.offset, s.length);
        out += s.length;
      }
    };
    slot(quad.slots[0]);
    *out++ = ' ';
    slot(quad.slots[1]);
    *out++ = ' ';
    slot(quad.slots[2]);
    if (quad.has_graph()) {
      *out++ = ' ';
      slot(quad.slots[3]);
    }
    std::memcpy(out, " .\n", 3);
    return out + 3;
  }

  // Upper bound of the bytes of all non-blank text, for reserve().
  std::size_t arena_size() const { return arena_.text().size(); }

 private:
  void RemoveDuplicates();
  void Index();

  QuadArena arena_;
  std::vector<std::string_view> labels_;
  std::vector<std::uint32_t> label_rank_;
  // quads_of(node) is quads_of_[quads_of_start_[node] .. quads_of_start_[node + 1]).
  std::vector<std::uint32_t> quads_of_start_;
  std::vector<std::uint32_t> quads_of_;
};

}  // namespace passerelle::rdf::internal
