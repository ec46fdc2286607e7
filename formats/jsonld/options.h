// Passerelle — options shared by the JSON-LD 1.1 algorithms (expand, toRdf).
//
// A plain value type: copy it, tweak it, pass it by const reference. The
// defaults are the ones a verifier wants: JSON-LD 1.1, no base IRI, the
// bundled hash-pinned contexts, bounded work. Thread-compatible.
#pragma once

#include <cstddef>
#include <memory>
#include <string>

#include <nlohmann/json_fwd.hpp>

namespace passerelle::jsonld {

class DocumentLoader;

struct JsonLdOptions {
  // Base IRI that relative IRI references in the document resolve against.
  // Empty means none: relative references stay relative (and are dropped
  // from RDF, or rejected in safe mode).
  std::string base;

  // URL the document itself was retrieved from, if any. When set it is the
  // base IRI (unless `base` is also set) and the URL that relative context
  // references ("@context": "ctx.jsonld") resolve against.
  std::string document_url;

  // Loader for remote contexts. nullptr means BundledLoader(). Not owned;
  // must outlive the call.
  const DocumentLoader* loader = nullptr;

  // "json-ld-1.1" (default) or "json-ld-1.0". Anything else is rejected
  // with kInvalidArgument.
  std::string processing_mode = "json-ld-1.1";

  // Optional context applied before the document's own (the expandContext
  // API option). A map with an "@context" entry is unwrapped.
  std::shared_ptr<const nlohmann::json> expand_context;

  // toRdf only: "" (none), "i18n-datatype" or "compound-literal".
  std::string rdf_direction;

  // toRdf only: keep triples whose predicate is a blank node.
  bool produce_generalized_rdf = false;

  // Safe mode (used when signing and verifying credentials): anything the
  // algorithms would silently drop or leave relative — an undefined term,
  // a relative @id/@type/@vocab, a blank-node predicate, a free-floating
  // value, an invalid language tag — is an error instead (kInvalidCredential,
  // with the term and a JSON Pointer to it in the message).
  bool safe_mode = false;

  // Work bounds for hostile input; exceeding one is kResourceExhausted.
  // Deepest JSON nesting accepted in the input document.
  int max_depth = 64;
  // Longest chain of remote contexts loading one another.
  std::size_t max_remote_contexts = 32;
  // Context-processing and term-definition steps per call.
  std::size_t max_context_operations = 100000;
};

}  // namespace passerelle::jsonld
