// Passerelle — building the pre-serialised, de-duplicated form of a dataset.
#include "formats/rdf/internal/prepared_dataset.h"

#include <algorithm>
#include <limits>
#include <numeric>
#include <unordered_map>

#include "formats/rdf/internal/nquads_writer.h"

namespace passerelle::rdf::internal {
namespace {

// Which term kinds may stand at each position of an RDF quad.
Status CheckQuadShape(const Quad& q, std::size_t i) {
  const auto bad = [i](std::string_view what) {
    return Status::InvalidArgument("quad " + std::to_string(i + 1) + ": " + std::string(what));
  };
  if (q.subject.kind != TermKind::kIri && q.subject.kind != TermKind::kBlankNode) {
    return bad("subject must be an IRI or a blank node");
  }
  if (q.predicate.kind != TermKind::kIri) return bad("predicate must be an IRI");
  if (q.object.kind == TermKind::kDefaultGraph) return bad("object is missing");
  if (q.graph.kind == TermKind::kLiteral) return bad("graph name must be an IRI or a blank node");
  return Status::Ok();
}

}  // namespace

// Duplicates are found by sorting quad indices on their serialised slots
// (equal lines = equal quads); the first occurrence of each quad is kept, in
// input order. No per-quad allocation, unlike a hash set.
void PreparedDataset::RemoveDuplicates() {
  const std::size_t n = quads_.size();
  if (n < 2) return;
  const auto compare = [this](std::uint32_t a, std::uint32_t b) {
    for (std::size_t k = 0; k < 4; ++k) {
      const Slot& x = quads_[a].slots[k];
      const Slot& y = quads_[b].slots[k];
      if (x.blank != y.blank) return x.blank < y.blank ? -1 : 1;
      if (x.is_blank()) continue;
      if (const int c = text(x).compare(text(y)); c != 0) return c;
    }
    return 0;
  };
  std::vector<std::uint32_t> order(n);
  std::iota(order.begin(), order.end(), 0u);
  std::sort(order.begin(), order.end(), [&compare](std::uint32_t a, std::uint32_t b) {
    const int c = compare(a, b);
    return c != 0 ? c < 0 : a < b;
  });
  std::vector<bool> duplicate(n, false);
  bool any = false;
  for (std::size_t i = 1; i < n; ++i) {
    if (compare(order[i - 1], order[i]) == 0) duplicate[order[i]] = any = true;
  }
  if (!any) return;
  std::size_t kept = 0;
  for (std::size_t i = 0; i < n; ++i) {
    if (!duplicate[i]) quads_[kept++] = quads_[i];
  }
  quads_.resize(kept);
}

Result<PreparedDataset> PreparedDataset::Build(const Dataset& input) {
  PreparedDataset d;
  d.quads_.reserve(input.size());
  d.arena_.reserve(input.size() * 96);
  // Label -> node. Credentials have a handful of blank nodes, for which a
  // linear scan beats hashing; big datasets switch to a hash map.
  constexpr std::size_t kLinearLookupMax = 16;
  std::unordered_map<std::string_view, std::uint32_t> node_of_label;
  const auto node_for = [&d, &node_of_label](std::string_view label) {
    const auto next = static_cast<std::uint32_t>(d.labels_.size());
    if (next <= kLinearLookupMax && node_of_label.empty()) {
      for (std::uint32_t i = 0; i < next; ++i) {
        if (d.labels_[i] == label) return i;
      }
      d.labels_.push_back(label);
      if (next == kLinearLookupMax) {
        for (std::uint32_t i = 0; i <= next; ++i) node_of_label.emplace(d.labels_[i], i);
      }
      return next;
    }
    const auto [it, inserted] = node_of_label.try_emplace(label, next);
    if (inserted) d.labels_.push_back(label);
    return it->second;
  };
  const auto make_slot = [&d, &node_for](const Term& t) {
    Slot s;
    if (t.kind == TermKind::kBlankNode) {
      s.blank = node_for(t.value);
    } else if (t.kind != TermKind::kDefaultGraph) {
      s.offset = static_cast<std::uint32_t>(d.arena_.size());
      AppendTerm(&d.arena_, t);
      s.length = static_cast<std::uint32_t>(d.arena_.size() - s.offset);
    }
    return s;
  };

  for (std::size_t i = 0; i < input.size(); ++i) {
    const Quad& q = input[i];
    PSL_RETURN_IF_ERROR(CheckQuadShape(q, i));
    PreparedQuad pq;
    pq.slots[0] = make_slot(q.subject);
    pq.slots[1] = make_slot(q.predicate);
    pq.slots[2] = make_slot(q.object);
    pq.slots[3] = make_slot(q.graph);
    if (d.arena_.size() > std::numeric_limits<std::uint32_t>::max()) {
      return Status::InvalidArgument("dataset too large to canonicalize");
    }
    d.quads_.push_back(pq);
  }
  d.RemoveDuplicates();

  d.quads_of_.resize(d.labels_.size());
  for (std::uint32_t qi = 0; qi < d.quads_.size(); ++qi) {
    for (std::size_t k : {0, 2, 3}) {
      const Slot& s = d.quads_[qi].slots[k];
      if (!s.is_blank()) continue;
      auto& list = d.quads_of_[s.blank];
      if (list.empty() || list.back() != qi) list.push_back(qi);
    }
  }

  std::vector<std::uint32_t> by_label(d.labels_.size());
  std::iota(by_label.begin(), by_label.end(), 0u);
  std::sort(by_label.begin(), by_label.end(),
            [&d](std::uint32_t a, std::uint32_t b) { return d.labels_[a] < d.labels_[b]; });
  d.label_rank_.resize(d.labels_.size());
  for (std::uint32_t r = 0; r < by_label.size(); ++r) d.label_rank_[by_label[r]] = r;
  return d;
}

}  // namespace passerelle::rdf::internal
