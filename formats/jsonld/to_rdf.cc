// Passerelle — the toRdf() API entry point (API §9.1 toRdf()).
#include "formats/jsonld/to_rdf.h"

#include <string>
#include <unordered_set>

#include <nlohmann/json.hpp>

#include "formats/jsonld/expand.h"
#include "formats/jsonld/internal/node_map.h"
#include "formats/jsonld/internal/rdf_conversion.h"

namespace passerelle::jsonld {
namespace {

// RDF datasets are sets: drop repeated quads, keeping first occurrences.
void RemoveDuplicates(rdf::Dataset& dataset) {
  std::unordered_set<std::string> seen;
  seen.reserve(dataset.size());
  rdf::Dataset unique;
  unique.reserve(dataset.size());
  for (rdf::Quad& q : dataset) {
    std::string key;
    for (const rdf::Term* t : {&q.subject, &q.predicate, &q.object, &q.graph}) {
      key.push_back(static_cast<char>('0' + static_cast<int>(t->kind)));
      key += t->value;
      key.push_back('\0');
      key += t->datatype;
      key.push_back('\0');
      key += t->language;
      key.push_back('\0');
    }
    if (seen.insert(std::move(key)).second) unique.push_back(std::move(q));
  }
  dataset = std::move(unique);
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
