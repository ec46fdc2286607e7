// Passerelle — building the pre-serialised, de-duplicated form of a dataset.
#include "formats/rdf/internal/prepared_dataset.h"

#include <algorithm>
#include <cstring>
#include <numeric>
#include <unordered_map>

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

constexpr std::size_t kPositions[] = {0, 2, 3};  // where blank nodes may stand

}  // namespace

// Duplicates are found by sorting quad indices on a cheap fingerprint of
// their serialised slots, comparing in full only quads whose fingerprints
// tie (equal lines = equal quads); the first occurrence of each quad is kept,
// in input order. No per-quad allocation, unlike a hash set.
void PreparedDataset::RemoveDuplicates() {
  std::vector<PreparedQuad>& quads = arena_.mutable_quads();
  const std::size_t n = quads.size();
  if (n < 2) return;
  const auto compare = [this, &quads](std::uint32_t a, std::uint32_t b) {
    for (std::size_t k = 0; k < 4; ++k) {
      const Slot& x = quads[a].slots[k];
      const Slot& y = quads[b].slots[k];
      if (x.blank != y.blank) return x.blank < y.blank ? -1 : 1;
      if (x.is_blank()) continue;
      if (x.offset == y.offset && x.length == y.length) continue;  // an interned term
      if (const int c = text(x).compare(text(y)); c != 0) return c;
    }
    return 0;
  };
  // Length and up to 24 sampled bytes of each slot: distinct terms almost
  // always differ there, and a tie only costs a full comparison.
  const auto load = [](const char* p) {
    std::uint64_t v;
    std::memcpy(&v, p, sizeof v);
    return v;
  };
  const auto fingerprint = [&](const PreparedQuad& q) {
    std::uint64_t h = 0x9e3779b97f4a7c15ULL;
    const auto mix = [&h](std::uint64_t v) { h = (h ^ v) * 0xff51afd7ed558ccdULL; };
    for (const Slot& s : q.slots) {
      mix(s.blank);
      if (s.is_blank()) continue;
      mix(s.length);
      const std::string_view t = text(s);
      if (t.size() >= 8) {
        mix(load(t.data()));
        mix(load(t.data() + t.size() / 2 - 4));
        mix(load(t.data() + t.size() - 8));
      } else {
        for (char c : t) mix(static_cast<unsigned char>(c));
      }
    }
    return h ^ (h >> 29);
  };
  std::vector<std::pair<std::uint64_t, std::uint32_t>> order(n);
  for (std::uint32_t i = 0; i < n; ++i) order[i] = {fingerprint(quads[i]), i};
  std::sort(order.begin(), order.end(), [&compare](const auto& a, const auto& b) {
    if (a.first != b.first) return a.first < b.first;
    const int c = compare(a.second, b.second);
    return c != 0 ? c < 0 : a.second < b.second;
  });
  std::vector<bool> duplicate;
  for (std::size_t i = 1; i < n; ++i) {
    if (order[i - 1].first != order[i].first) continue;
    if (compare(order[i - 1].second, order[i].second) != 0) continue;
    if (duplicate.empty()) duplicate.resize(n, false);
    duplicate[order[i].second] = true;  // the later index of an equal run
  }
  if (duplicate.empty()) return;
  std::size_t kept = 0;
  for (std::size_t i = 0; i < n; ++i) {
    if (!duplicate[i]) quads[kept++] = quads[i];
  }
  quads.resize(kept);
}

// The quads of each blank node, as one flat array with start offsets.
void PreparedDataset::Index() {
  const std::vector<PreparedQuad>& quads = arena_.quads();
  const std::size_t nodes = arena_.blank_node_count();
  quads_of_start_.assign(nodes + 1, 0);
  // A quad is listed once per node even when the node occupies two positions.
  const auto for_each_node = [](const PreparedQuad& q, auto&& fn) {
    for (std::size_t i = 0; i < 3; ++i) {
      const Slot& s = q.slots[kPositions[i]];
      if (!s.is_blank()) continue;
      bool repeat = false;
      for (std::size_t j = 0; j < i; ++j) repeat |= q.slots[kPositions[j]].blank == s.blank;
      if (!repeat) fn(s.blank);
    }
  };
  for (const PreparedQuad& q : quads) {
    for_each_node(q, [this](std::uint32_t node) { ++quads_of_start_[node + 1]; });
  }
  for (std::size_t i = 1; i <= nodes; ++i) quads_of_start_[i] += quads_of_start_[i - 1];
  quads_of_.resize(quads_of_start_[nodes]);
  std::vector<std::uint32_t> next(quads_of_start_.begin(), quads_of_start_.end() - 1);
  for (std::uint32_t qi = 0; qi < quads.size(); ++qi) {
    for_each_node(quads[qi], [this, &next, qi](std::uint32_t node) { quads_of_[next[node]++] = qi; });
  }
}

Result<PreparedDataset> PreparedDataset::Build(const Dataset& input) {
  PreparedDataset d;
  d.arena_.Reserve(input.size(), input.size() * 96);
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
      return d.arena_.NewBlankNode();
    }
    const auto [it, inserted] = node_of_label.try_emplace(label, next);
    if (inserted) {
      d.labels_.push_back(label);
      d.arena_.NewBlankNode();
    }
    return it->second;
  };
  const auto make_slot = [&d, &node_for](const Term& t) {
    if (t.kind == TermKind::kBlankNode) return QuadArena::Blank(node_for(t.value));
    if (t.kind == TermKind::kDefaultGraph) return QuadArena::DefaultGraph();
    return d.arena_.Append(t);
  };

  for (std::size_t i = 0; i < input.size(); ++i) {
    const Quad& q = input[i];
    PSL_RETURN_IF_ERROR(CheckQuadShape(q, i));
    const Slot s = make_slot(q.subject);
    const Slot p = make_slot(q.predicate);
    const Slot o = make_slot(q.object);
    d.arena_.Add(s, p, o, make_slot(q.graph));
    if (!d.arena_.fits()) return Status::InvalidArgument("dataset too large to canonicalize");
  }
  d.RemoveDuplicates();
  d.Index();

  std::vector<std::uint32_t> by_label(d.labels_.size());
  std::iota(by_label.begin(), by_label.end(), 0u);
  std::sort(by_label.begin(), by_label.end(),
            [&d](std::uint32_t a, std::uint32_t b) { return d.labels_[a] < d.labels_[b]; });
  d.label_rank_.resize(d.labels_.size());
  for (std::uint32_t r = 0; r < by_label.size(); ++r) d.label_rank_[by_label[r]] = r;
  return d;
}

Result<PreparedDataset> PreparedDataset::FromArena(QuadArena arena) {
  if (!arena.fits()) return Status::InvalidArgument("dataset too large to canonicalize");
  PreparedDataset d;
  d.arena_ = std::move(arena);
  d.arena_.CompactBlankNodes();
  d.RemoveDuplicates();
  d.Index();
  d.label_rank_.resize(d.arena_.blank_node_count());
  std::iota(d.label_rank_.begin(), d.label_rank_.end(), 0u);
  return d;
}

}  // namespace passerelle::rdf::internal
