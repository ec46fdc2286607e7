// Passerelle — the toRdf() API entry point (API §9.1 toRdf()).
#include "formats/jsonld/to_rdf.h"

#include <string>
#include <unordered_set>
#include <vector>

#include <nlohmann/json.hpp>

#include "formats/jsonld/expand.h"
#include "formats/jsonld/internal/node_map.h"
#include "formats/jsonld/internal/rdf_conversion.h"

namespace passerelle::jsonld {
namespace {

// RDF datasets are sets: drop repeated quads, keeping first occurrences.
size_t HashTerm(const rdf::Term& t) {
  size_t h = std::hash<std::string>{}(t.value);
  h ^= std::hash<std::string>{}(t.datatype) + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
  h ^= std::hash<std::string>{}(t.language) + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
  return h * 31 + static_cast<size_t>(t.kind);
}

void RemoveDuplicates(rdf::Dataset& dataset) {
  struct QuadHash {
    const rdf::Dataset* d;
    size_t operator()(size_t i) const {
      const rdf::Quad& q = (*d)[i];
      return ((HashTerm(q.subject) * 31 + HashTerm(q.predicate)) * 31 + HashTerm(q.object)) * 31 +
             HashTerm(q.graph);
    }
  };
  struct QuadEq {
    const rdf::Dataset* d;
    bool operator()(size_t a, size_t b) const { return (*d)[a] == (*d)[b]; }
  };
  std::unordered_set<size_t, QuadHash, QuadEq> seen(dataset.size() * 2, QuadHash{&dataset},
                                                    QuadEq{&dataset});
  std::vector<bool> keep(dataset.size());
  for (size_t i = 0; i < dataset.size(); ++i) keep[i] = seen.insert(i).second;
  seen.clear();
  size_t kept = 0;
  for (size_t i = 0; i < dataset.size(); ++i) {
    if (!keep[i]) continue;
    if (kept != i) dataset[kept] = std::move(dataset[i]);
    ++kept;
  }
  dataset.resize(kept);
}

}  // namespace

Result<rdf::Dataset> ToRdf(const nlohmann::json& input, const JsonLdOptions& options) {
  PSL_ASSIGN_OR_RETURN(nlohmann::json expanded, Expand(input, options));
  try {
    internal::NodeMap node_map;
    internal::BlankNodeGenerator generator;
    PSL_RETURN_IF_ERROR(internal::GenerateNodeMap(std::move(expanded), node_map, generator));
    rdf::Dataset dataset;
    PSL_RETURN_IF_ERROR(internal::NodeMapToRdf(node_map, options, generator, dataset));
    RemoveDuplicates(dataset);
    return dataset;
  } catch (const std::exception& e) {
    return Status::Internal(std::string("json-ld to rdf: unexpected exception: ") + e.what());
  }
}

}  // namespace passerelle::jsonld
