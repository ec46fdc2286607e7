// Passerelle — RDFC-1.0 identifier issuer ("Issue Identifier Algorithm").
//
// Blank nodes are dense indices 0..n-1 here; the issuer maps them to issue
// numbers (0, 1, …) and remembers the order of issue. The textual prefix
// ("c14n" or "b") is added by the caller when an identifier is written.
// A value type: copying it is the "copy of issuer" of the spec. Private to
// formats/rdf; not thread-safe.
#pragma once

#include <charconv>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace passerelle::rdf::internal {

class IdentifierIssuer {
 public:
  explicit IdentifierIssuer(std::size_t blank_node_count) : number_(blank_node_count, kNone) {
    order_.reserve(blank_node_count);
  }

  bool Has(std::uint32_t node) const { return number_[node] != kNone; }
  // REQUIRES: Has(node).
  std::uint32_t Get(std::uint32_t node) const { return number_[node]; }

  // Returns the number issued to `node`, issuing the next one if needed.
  std::uint32_t Issue(std::uint32_t node) {
    if (number_[node] == kNone) {
      number_[node] = static_cast<std::uint32_t>(order_.size());
      order_.push_back(node);
    }
    return number_[node];
  }

  // Nodes in the order their identifiers were issued.
  const std::vector<std::uint32_t>& issued_order() const { return order_; }

 private:
  static constexpr std::uint32_t kNone = UINT32_MAX;
  std::vector<std::uint32_t> number_;
  std::vector<std::uint32_t> order_;
};

// Appends "_:" prefix number, e.g. "_:c14n3" or "_:b0".
inline void AppendIdentifier(std::string* out, std::string_view prefix, std::uint32_t number) {
  char buf[10];
  const auto r = std::to_chars(buf, buf + sizeof buf, number);
  out->append("_:");
  out->append(prefix);
  out->append(buf, r.ptr);
}

}  // namespace passerelle::rdf::internal
