// Passerelle — the expand() API entry point (API §9.1 expand()).
#include "formats/jsonld/expand.h"

#include <nlohmann/json.hpp>

#include "formats/jsonld/document_loader.h"
#include "formats/jsonld/internal/context_processing.h"
#include "formats/jsonld/internal/expansion.h"
#include "formats/jsonld/internal/input_limits.h"
#include "formats/jsonld/internal/iri.h"
#include "formats/jsonld/internal/processor.h"

namespace passerelle::jsonld {

using internal::CtxPtr;
using json = nlohmann::json;

Result<json> Expand(const json& input, const JsonLdOptions& options) {
  if (options.processing_mode != "json-ld-1.1" && options.processing_mode != "json-ld-1.0") {
    return Status::InvalidArgument("json-ld: unknown processing mode \"" +
                                   options.processing_mode + "\"");
  }
  if (options.rdf_direction != "" && options.rdf_direction != "i18n-datatype" &&
      options.rdf_direction != "compound-literal") {
    return Status::InvalidArgument("json-ld: unknown rdfDirection \"" + options.rdf_direction +
                                   "\"");
  }
  for (const std::string* iri : {&options.base, &options.document_url}) {
    if (!iri->empty() && !internal::IsAbsoluteIri(*iri)) {
      return Status::InvalidArgument("json-ld: base IRI \"" + *iri + "\" is not absolute");
    }
  }
  PSL_RETURN_IF_ERROR(internal::CheckDepth(input, options.max_depth, "input"));
  try {
    const DocumentLoader& loader = options.loader ? *options.loader : BundledLoader();
    internal::Processor p(options, loader);
    CtxPtr active = p.InitialContext();
    if (options.expand_context) {
      const json& ctx = *options.expand_context;
      PSL_RETURN_IF_ERROR(internal::CheckDepth(ctx, options.max_depth, "expandContext"));
      const json& local = ctx.is_object() && ctx.contains("@context") ? ctx["@context"] : ctx;
      PSL_ASSIGN_OR_RETURN(active, internal::ProcessContext(p, active, local,
                                                            active->original_base_url, {},
                                                            internal::ContextFlags{}));
    }
    std::optional<std::string> base_url;
    if (!options.document_url.empty()) {
      base_url = options.document_url;
    } else if (!options.base.empty()) {
      base_url = options.base;
    }
    PSL_ASSIGN_OR_RETURN(json expanded, internal::ExpandElement(p, active, std::nullopt, input,
                                                                base_url, false));
    if (expanded.is_object() && expanded.size() == 1 && expanded.contains("@graph")) {
      expanded = std::move(expanded["@graph"]);
    }
    if (expanded.is_null()) return json::array();
    if (!expanded.is_array()) {
      json out = json::array();
      out.push_back(std::move(expanded));
      return out;
    }
    return expanded;
  } catch (const std::exception& e) {
    // The algorithms use only non-throwing accessors on checked types; a
    // throw here is a bug, reported as such rather than crossing the API.
    return Status::Internal(std::string("json-ld expand: unexpected exception: ") + e.what());
  }
}

}  // namespace passerelle::jsonld
