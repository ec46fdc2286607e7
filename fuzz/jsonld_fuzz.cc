// Fuzz target: JSON-LD 1.1 expansion and toRdf (formats/jsonld) with the
// bundled, hash-pinned loader, then RDFC-1.0 over the dataset — the path an
// eddsa-rdfc-2022 proof takes. The first byte picks the options (safe mode,
// processing mode, rdfDirection); the rest is the document.
#include <nlohmann/json.hpp>

#include "formats/json.h"
#include "formats/jsonld/expand.h"
#include "formats/jsonld/options.h"
#include "formats/jsonld/to_rdf.h"
#include "formats/rdf/canonicalize.h"
#include "fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace passerelle;
  if (size < 1) return 0;
  const std::uint8_t flags = data[0];
  auto parsed = ParseJson(fuzz::Text(data + 1, size - 1));
  if (!parsed.ok()) return 0;
  jsonld::JsonLdOptions options;
  options.safe_mode = (flags & 1) != 0;
  if (flags & 2) options.processing_mode = "json-ld-1.0";
  if (flags & 4) options.rdf_direction = (flags & 8) ? "compound-literal" : "i18n-datatype";
  if (flags & 16) options.base = "https://example.org/base/";
  options.produce_generalized_rdf = (flags & 32) != 0;
  if (flags & 64) {
    (void)jsonld::Expand(*parsed, options);
    return 0;
  }
  auto dataset = jsonld::ToRdf(*parsed, options);
  if (!dataset.ok()) return 0;
  (void)rdf::Canonicalize(*dataset);
  return 0;
}
