// Passerelle — RDF Dataset Canonicalization, RDFC-1.0 (W3C Recommendation 2024-05-21).
//
// Follows https://www.w3.org/TR/rdf-canon/ step by step: the Canonicalization
// Algorithm, Hash First Degree Quads, Hash Related Blank Node and Hash
// N-Degree Quads; the step numbers below are the spec's.
// Blank nodes are dense indices (see internal/prepared_dataset.h), so the
// issuers are small vectors and lines are built by appends into reused
// buffers. Hash N-Degree Quads calls are counted against
// options.max_hash_n_degree_calls, which bounds the whole run: the number of
// permutations tried is bounded by a fixed multiple of it as well.
#include "formats/rdf/canonicalize.h"

#include <algorithm>
#include <charconv>
#include <cstring>
#include <map>
#include <memory>
#include <numeric>
#include <optional>
#include <span>
#include <utility>
#include <vector>

#include "formats/rdf/internal/hasher.h"
#include "formats/rdf/internal/identifier_issuer.h"
#include "formats/rdf/internal/permuter.h"
#include "formats/rdf/internal/prepared_dataset.h"

namespace passerelle::rdf {
namespace {

using internal::AppendIdentifier;
using internal::Hasher;
using internal::IdentifierIssuer;
using internal::Permuter;
using internal::PreparedDataset;
using internal::PreparedQuad;
using internal::Slot;

constexpr std::string_view kCanonicalPrefix = "c14n";
constexpr std::string_view kTemporaryPrefix = "b";
// Permutations that end without a recursive call (pruned, or with every
// related node already named) are cheap but not free; allow this many per
// permitted Hash N-Degree Quads call.
constexpr std::uint64_t kPermutationsPerCall = 64;

std::size_t DecimalDigits(std::uint32_t v) {
  std::size_t n = 1;
  while (v >= 10) {
    v /= 10;
    ++n;
  }
  return n;
}

struct NDegreeResult {
  std::string hash;
  IdentifierIssuer issuer;
};

class Canonicalizer {
 public:
  Canonicalizer(const PreparedDataset& data, const CanonicalizeOptions& options)
      : data_(data), options_(options), canonical_(data.blank_node_count()), hasher_(options.hash) {}

  // Issues the canonical identifiers (the algorithm up to step 5).
  Status Run();
  // Last steps: relabel, serialise, sort, join into *out.
  void WriteNQuads(std::string* out);
  // The issued identifiers map (input label -> canonical label).
  std::map<std::string, std::string> IssuedMap() const;

 private:
  Status HashFirstDegree(std::uint32_t node, std::string* hash);
  // Writes the lines of `quads` into line_buffer_ (sized exactly) and sorts
  // views of them into line_views_.
  template <class Quads, class LabelSizeFn, class LabelFn>
  void SortedLines(const Quads& quads, LabelSizeFn&& label_size, LabelFn&& label);
  std::string_view FirstDegree(std::uint32_t node) const {
    return std::string_view(first_degree_).substr(node * hex_size_, hex_size_);
  }
  void HashRelated(std::uint32_t related, const PreparedQuad& quad, char position,
                   const IdentifierIssuer& issuer, std::string* hash);
  Result<NDegreeResult> HashNDegree(std::uint32_t node, const IdentifierIssuer& issuer);
  Status HashFailed() const { return Status::Internal("rdfc-1.0: hash computation failed"); }

  const PreparedDataset& data_;
  const CanonicalizeOptions& options_;
  IdentifierIssuer canonical_;
  std::string first_degree_;  // node i's Hash First Degree Quads at [i * hex_size_, +hex_size_)
  std::size_t hex_size_ = 0;
  std::uint64_t n_degree_calls_ = 0;
  std::uint64_t permutations_ = 0;
  bool hash_failed_ = false;
  Hasher hasher_;            // one EVP context, reused for every message
  std::string related_input_;  // scratch for HashRelated
  std::string hash_;          // scratch for first-degree hashes
  // Scratch for SortedLines; not zero-filled when grown.
  std::unique_ptr<char[]> line_buffer_;
  std::size_t line_capacity_ = 0;
  std::vector<std::string_view> line_views_;
};

template <class Quads, class LabelSizeFn, class LabelFn>
void Canonicalizer::SortedLines(const Quads& quads, LabelSizeFn&& label_size, LabelFn&& label) {
  std::size_t total = 0;
  for (const auto& q : quads) total += data_.LineSize(q, label_size);
  if (total > line_capacity_) {  // no reallocation below: the views stay valid
    line_capacity_ = std::max(total, 2 * line_capacity_);
    line_buffer_ = std::make_unique_for_overwrite<char[]>(line_capacity_);
  }
  line_views_.clear();
  char* out = line_buffer_.get();
  for (const auto& q : quads) {
    char* end = data_.WriteLine(out, q, label);
    line_views_.emplace_back(out, static_cast<std::size_t>(end - out));
    out = end;
  }
  std::sort(line_views_.begin(), line_views_.end());
}

// Iterates the quads of a node by index, as SortedLines wants a range of quads.
struct QuadsOf {
  const PreparedDataset& data;
  std::span<const std::uint32_t> ids;
  struct Iterator {
    const PreparedDataset* data;
    const std::uint32_t* id;
    const PreparedQuad& operator*() const { return data->quads()[*id]; }
    Iterator& operator++() {
      ++id;
      return *this;
    }
    bool operator!=(const Iterator& o) const { return id != o.id; }
  };
  Iterator begin() const { return {&data, ids.data()}; }
  Iterator end() const { return {&data, ids.data() + ids.size()}; }
};

// Hash First Degree Quads: the quads of `node`, with `node` as _:a and every other blank node
// as _:z, sorted in code point order (= byte order of UTF-8), hashed.
Status Canonicalizer::HashFirstDegree(std::uint32_t node, std::string* hash) {
  SortedLines(QuadsOf{data_, data_.quads_of(node)}, [](std::uint32_t) { return std::size_t{1}; },
              [node](char* out, std::uint32_t b) {
                *out = b == node ? 'a' : 'z';
                return out + 1;
              });
  hasher_.Begin();
  for (std::string_view line : line_views_) hasher_.Update(line);
  if (!hasher_.FinishHex(hash)) return HashFailed();
  return Status::Ok();
}

// Hash Related Blank Node: position, then <predicate> unless the position is the graph, then
// the related node's canonical id, temporary id or first-degree hash.
void Canonicalizer::HashRelated(std::uint32_t related, const PreparedQuad& quad, char position,
                                const IdentifierIssuer& issuer, std::string* hash) {
  std::string& input = related_input_;
  input.clear();
  input.push_back(position);
  if (position != 'g') input.append(data_.text(quad.slots[1]));
  if (canonical_.Has(related)) {
    AppendIdentifier(&input, kCanonicalPrefix, canonical_.Get(related));
  } else if (issuer.Has(related)) {
    AppendIdentifier(&input, kTemporaryPrefix, issuer.Get(related));
  } else {
    input.append(FirstDegree(related));
  }
  if (!hasher_.HexDigest(input, hash)) hash_failed_ = true;
}

// Hash N-Degree Quads.
Result<NDegreeResult> Canonicalizer::HashNDegree(std::uint32_t node,
                                                 const IdentifierIssuer& issuer_in) {
  if (++n_degree_calls_ > options_.max_hash_n_degree_calls) {
    return Status::ResourceExhausted("rdfc-1.0: more than " +
                                     std::to_string(options_.max_hash_n_degree_calls) +
                                     " hash n-degree quads calls (poison dataset?)");
  }
  // Steps 1-3: related hash -> related nodes, iterated in code point order.
  std::map<std::string, std::vector<std::uint32_t>> related_by_hash;
  std::string related_hash;
  static constexpr std::pair<std::size_t, char> kPositions[] = {{0, 's'}, {2, 'o'}, {3, 'g'}};
  for (std::uint32_t qi : data_.quads_of(node)) {
    const PreparedQuad& quad = data_.quads()[qi];
    for (const auto& [k, position] : kPositions) {
      const Slot& s = quad.slots[k];
      if (!s.is_blank() || s.blank == node) continue;
      HashRelated(s.blank, quad, position, issuer_in, &related_hash);
      related_by_hash[related_hash].push_back(s.blank);
    }
  }
  if (hash_failed_) return HashFailed();

  // Steps 4-5.
  std::string data_to_hash;
  IdentifierIssuer issuer = issuer_in;
  for (auto& [hash, related_nodes] : related_by_hash) {
    data_to_hash.append(hash);
    std::string chosen_path;
    std::optional<IdentifierIssuer> chosen_issuer;
    Permuter permuter(std::move(related_nodes), data_.label_rank());
    do {
      if (++permutations_ > options_.max_hash_n_degree_calls * kPermutationsPerCall) {
        return Status::ResourceExhausted("rdfc-1.0: too many permutations (poison dataset?)");
      }
      IdentifierIssuer issuer_copy = issuer;
      std::string path;
      std::vector<std::uint32_t> recursion_list;
      // Steps 5.4.4.3 and 5.4.5.5: a path already longer and greater can't win.
      const auto worse = [&path, &chosen_path] {
        return !chosen_path.empty() && path.size() >= chosen_path.size() && path > chosen_path;
      };
      bool skip = false;
      for (std::uint32_t related : permuter.current()) {  // step 5.4.4
        if (canonical_.Has(related)) {
          AppendIdentifier(&path, kCanonicalPrefix, canonical_.Get(related));
        } else {
          if (!issuer_copy.Has(related)) recursion_list.push_back(related);
          AppendIdentifier(&path, kTemporaryPrefix, issuer_copy.Issue(related));
        }
        if (worse()) {
          skip = true;
          break;
        }
      }
      for (std::size_t i = 0; !skip && i < recursion_list.size(); ++i) {  // step 5.4.5
        const std::uint32_t related = recursion_list[i];
        PSL_ASSIGN_OR_RETURN(NDegreeResult result, HashNDegree(related, issuer_copy));
        AppendIdentifier(&path, kTemporaryPrefix, issuer_copy.Get(related));
        path.push_back('<');
        path.append(result.hash);
        path.push_back('>');
        issuer_copy = std::move(result.issuer);
        skip = worse();
      }
      if (!skip && (chosen_path.empty() || path < chosen_path)) {  // step 5.4.6
        chosen_path = std::move(path);
        chosen_issuer = std::move(issuer_copy);
      }
    } while (permuter.Next());
    data_to_hash.append(chosen_path);  // step 5.5
    issuer = std::move(*chosen_issuer);  // step 5.6; the first permutation always sets it
  }
  NDegreeResult out{std::string(), std::move(issuer)};
  if (!hasher_.HexDigest(data_to_hash, &out.hash)) return HashFailed();
  return out;
}

Status Canonicalizer::Run() {
  const std::size_t n = data_.blank_node_count();
  // A lone blank node gets c14n0 whatever its first-degree hash (step 4
  // issues the unique hashes in order): a proof configuration's node, or a
  // credential with one nested node, needs no hashing at all.
  if (n == 1) {
    canonical_.Issue(0);
    return Status::Ok();
  }
  // Canonicalization Algorithm step 3: first-degree hashes.
  std::size_t max_quads = 0;
  for (std::uint32_t node = 0; node < n; ++node) {
    max_quads = std::max(max_quads, data_.quads_of(node).size());
  }
  line_views_.reserve(std::max(max_quads, data_.quads().size()));
  first_degree_.reserve(n * 2 * EVP_MAX_MD_SIZE);
  for (std::uint32_t node = 0; node < n; ++node) {
    PSL_RETURN_IF_ERROR(HashFirstDegree(node, &hash_));
    hex_size_ = hash_.size();
    first_degree_.append(hash_);
  }
  // The hash to blank nodes map: nodes sorted by hash, ties in order of
  // appearance; each run of equal hashes is one entry, visited in order.
  std::vector<std::uint32_t> by_hash(n);
  std::iota(by_hash.begin(), by_hash.end(), 0u);
  std::stable_sort(by_hash.begin(), by_hash.end(), [this](std::uint32_t a, std::uint32_t b) {
    return FirstDegree(a) < FirstDegree(b);
  });
  const auto for_each_group = [&](auto&& fn) -> Status {
    for (std::size_t i = 0, j; i < n; i = j) {
      for (j = i + 1; j < n && FirstDegree(by_hash[j]) == FirstDegree(by_hash[i]);) ++j;
      PSL_RETURN_IF_ERROR(fn(std::span<const std::uint32_t>(by_hash.data() + i, j - i)));
    }
    return Status::Ok();
  };

  // Step 4: nodes with a unique first-degree hash, in hash order.
  PSL_RETURN_IF_ERROR(for_each_group([this](std::span<const std::uint32_t> nodes) {
    if (nodes.size() == 1) canonical_.Issue(nodes[0]);
    return Status::Ok();
  }));
  // Step 5: the rest, by Hash N-Degree Quads, in hash order.
  return for_each_group([this, n](std::span<const std::uint32_t> nodes) -> Status {
    if (nodes.size() == 1) return Status::Ok();
    std::vector<NDegreeResult> hash_path_list;
    for (std::uint32_t node : nodes) {
      if (canonical_.Has(node)) continue;
      IdentifierIssuer temporary(n);
      temporary.Issue(node);
      PSL_ASSIGN_OR_RETURN(NDegreeResult result, HashNDegree(node, temporary));
      hash_path_list.push_back(std::move(result));
    }
    std::stable_sort(hash_path_list.begin(), hash_path_list.end(),
                     [](const NDegreeResult& a, const NDegreeResult& b) { return a.hash < b.hash; });
    for (const NDegreeResult& result : hash_path_list) {
      for (std::uint32_t node : result.issuer.issued_order()) canonical_.Issue(node);
    }
    return Status::Ok();
  });
}

void Canonicalizer::WriteNQuads(std::string* out) {
  const auto label_size = [this](std::uint32_t node) {
    return kCanonicalPrefix.size() + DecimalDigits(canonical_.Get(node));
  };
  const auto label = [this](char* out, std::uint32_t node) {
    std::memcpy(out, kCanonicalPrefix.data(), kCanonicalPrefix.size());
    out += kCanonicalPrefix.size();
    return std::to_chars(out, out + 10, canonical_.Get(node)).ptr;
  };
  SortedLines(data_.quads(), label_size, label);
  std::size_t total = 0;
  for (std::string_view v : line_views_) total += v.size();
  out->clear();
  out->reserve(total);
  for (std::string_view v : line_views_) out->append(v);
}

std::map<std::string, std::string> Canonicalizer::IssuedMap() const {
  std::map<std::string, std::string> issued;
  for (std::uint32_t node = 0; node < data_.blank_node_count(); ++node) {
    std::string id(kCanonicalPrefix);
    id += std::to_string(canonical_.Get(node));
    issued.emplace(std::string(data_.label(node)), std::move(id));
  }
  return issued;
}

}  // namespace

Result<CanonicalDataset> Canonicalize(const Dataset& input, const CanonicalizeOptions& options) {
  PSL_ASSIGN_OR_RETURN(PreparedDataset data, PreparedDataset::Build(input));
  Canonicalizer canonicalizer(data, options);
  PSL_RETURN_IF_ERROR(canonicalizer.Run());
  CanonicalDataset out;
  canonicalizer.WriteNQuads(&out.nquads);
  out.issued = canonicalizer.IssuedMap();
  return out;
}

Result<std::string> CanonicalizeToNQuads(QuadArena dataset, const CanonicalizeOptions& options) {
  PSL_ASSIGN_OR_RETURN(PreparedDataset data, PreparedDataset::FromArena(std::move(dataset)));
  Canonicalizer canonicalizer(data, options);
  PSL_RETURN_IF_ERROR(canonicalizer.Run());
  std::string nquads;
  canonicalizer.WriteNQuads(&nquads);
  return nquads;
}

}  // namespace passerelle::rdf
