// Passerelle — permutations of a related-blank-node list, in a fixed order.
//
// RDFC-1.0 Hash N-Degree Quads step 5.4 says "for each permutation" without fixing an
// order. The canonical N-Quads never depend on it, but when two permutations
// tie on the chosen path the first one's issuer wins, and that can change
// the issued identifiers map. We therefore enumerate exactly as the
// reference implementation (digitalbazaar/rdf-canonize, also pyld) does:
// Steinhaus–Johnson–Trotter starting from the list sorted by input blank
// node label, with one direction flag per distinct element.
// Private to formats/rdf; not thread-safe.
#pragma once

#include <algorithm>
#include <cstdint>
#include <utility>
#include <vector>

namespace passerelle::rdf::internal {

class Permuter {
 public:
  // `rank[node]` orders nodes by their input label; `list` may repeat nodes.
  Permuter(std::vector<std::uint32_t> list, const std::vector<std::uint32_t>& rank)
      : current_(std::move(list)), rank_(rank) {
    std::sort(current_.begin(), current_.end(), [this](std::uint32_t a, std::uint32_t b) {
      return rank_[a] < rank_[b];
    });
    for (std::uint32_t node : current_) {
      if (FindDir(node) == nullptr) dirs_.push_back({node, true});
    }
  }

  const std::vector<std::uint32_t>& current() const { return current_; }

  // Advances to the next permutation; false when there is none.
  bool Next() {
    // The largest mobile element: larger than the neighbour it looks at.
    const std::size_t n = current_.size();
    bool found = false;
    std::uint32_t k = 0;
    std::size_t pos = 0;
    for (std::size_t i = 0; i < n; ++i) {
      const std::uint32_t e = current_[i];
      const bool left = *FindDir(e);
      const bool mobile = left ? (i > 0 && Greater(e, current_[i - 1]))
                               : (i + 1 < n && Greater(e, current_[i + 1]));
      if (mobile && (!found || Greater(e, k))) {
        found = true;
        k = e;
        pos = i;
      }
    }
    if (!found) return false;
    const std::size_t swap = *FindDir(k) ? pos - 1 : pos + 1;
    std::swap(current_[pos], current_[swap]);
    // Reverse every element larger than k, once per occurrence (as the
    // reference does; repeated elements therefore may cancel out).
    for (std::uint32_t e : current_) {
      if (Greater(e, k)) {
        bool* d = FindDir(e);
        *d = !*d;
      }
    }
    return true;
  }

 private:
  bool Greater(std::uint32_t a, std::uint32_t b) const { return rank_[a] > rank_[b]; }
  bool* FindDir(std::uint32_t node) {
    for (auto& [n, left] : dirs_) {
      if (n == node) return &left;
    }
    return nullptr;
  }

  std::vector<std::uint32_t> current_;
  const std::vector<std::uint32_t>& rank_;
  std::vector<std::pair<std::uint32_t, bool>> dirs_;
};

}  // namespace passerelle::rdf::internal
