// Passerelle — toRdf straight from the JSON input, for the common shape of
// credentials.
//
// The general algorithm (formats/jsonld/to_rdf.h) expands the document into
// a JSON tree, flattens that into a node map and converts the node map into
// quads: three copies of the data as nlohmann::json, one or two heap
// allocations per string, map and array. Credentials, presentations and
// proof configurations are made of node objects whose keys are terms, @id
// and @type, with scalars, typed scalars, value objects, nested nodes,
// language maps, list containers and @graph containers (a presentation's
// credentials, a credential's proofs) as values. For such documents this walks the input
// once and appends each quad straight into an rdf::QuadArena, making the
// same context-processing calls (memoised contexts, scoped contexts, work
// counters, nesting frames) in the same order as expansion does.
//
// Anything else — @graph / @list / @reverse / @included / @nest / @index
// on nodes, JSON literals, index/id/type/graph maps, containers combined,
// JSON-LD 1.0 mode, an expandContext, rdfDirection, more than one @id or
// @type entry — and every input on which expansion or toRdf would fail,
// drop something or report a safe-mode event, is declined: the caller then
// runs the general algorithm, which produces the dataset or the exact error
// with its JSON path. Thread-safe (shares only the memoised contexts).
#pragma once

#include <nlohmann/json_fwd.hpp>

#include "formats/jsonld/options.h"
#include "formats/rdf/quad_arena.h"

namespace passerelle::jsonld::internal {

// Appends the quads of `input` to `out` and returns true, or returns false
// (declined; `out` is then in an unspecified state and must be discarded).
// When true, `out` holds a dataset isomorphic to ToRdf(input, options)
// (blank node identities differ; duplicate quads may remain, as
// canonicalization removes them). Never throws.
bool DirectToRdf(const nlohmann::json& input, const JsonLdOptions& options,
                 rdf::QuadArena& out);

}  // namespace passerelle::jsonld::internal
