// Passerelle — RDF Dataset Canonicalization (RDFC-1.0, W3C Recommendation).
//
// Pure function over a Dataset; thread-safe. Work is bounded: a dataset that
// would need more Hash N-Degree Quads calls than `max_hash_n_degree_calls`
// fails fast with kResourceExhausted instead of hanging (poison graphs).
#pragma once

#include <cstdint>
#include <map>
#include <string>

#include "formats/rdf/dataset.h"
#include "formats/rdf/quad_arena.h"
#include "formats/status.h"

namespace passerelle::rdf {

enum class HashAlgorithm { kSha256, kSha384 };

struct CanonicalizeOptions {
  HashAlgorithm hash = HashAlgorithm::kSha256;
  // Upper bound on Hash N-Degree Quads invocations over the whole run.
  std::uint64_t max_hash_n_degree_calls = 4096;
};

struct CanonicalDataset {
  // The canonical N-Quads document: sorted lines, each ending in "\n".
  std::string nquads;
  // Issued identifiers: input blank node label -> canonical label ("c14n0"…).
  std::map<std::string, std::string> issued;
};

// Canonicalizes `input` (duplicate quads are removed, as RDF datasets are sets).
// Errors: kResourceExhausted when the work bound is hit.
Result<CanonicalDataset> Canonicalize(const Dataset& input,
                                      const CanonicalizeOptions& options = {});

// The canonical N-Quads of a dataset built in compact form (duplicates are
// removed, and blank nodes that no quad mentions). The same bytes as
// Canonicalize() of the equivalent Dataset, without the issued map: its
// blank nodes have no input labels.
// Errors: kResourceExhausted when the work bound is hit; kInvalidArgument
// when the dataset outgrew the arena's 32-bit offsets.
Result<std::string> CanonicalizeToNQuads(QuadArena dataset,
                                         const CanonicalizeOptions& options = {});

}  // namespace passerelle::rdf
