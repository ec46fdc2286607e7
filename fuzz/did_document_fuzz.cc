// Fuzz target: DID documents (keys/did_document.h) as did:web resolution and
// the verifier's cache read them, and did:key identifiers (keys/did_key.h).
// Invariants: a parsed document written back parses to the same methods; a
// did:key that parses is the canonical did:key of its key.
#include <nlohmann/json.hpp>

#include "formats/json.h"
#include "fuzz/fuzz_support.h"
#include "keys/did_document.h"
#include "keys/did_key.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace passerelle;
  std::string_view text = fuzz::Text(data, size);
  if (auto key = ParseDidKey(text); key.ok()) {
    fuzz::Check(DidKeyFor(*key) == text, "did:key is not canonical");
  }
  (void)DidOf(text);
  auto parsed = ParseJson(text);
  if (!parsed.ok()) return 0;
  auto doc = ParseDidDocument(*parsed);
  if (!doc.ok()) return 0;
  auto again = ParseDidDocument(DidDocumentToJson(*doc));
  fuzz::Check(again.ok(), "a written DID document does not parse");
  fuzz::Check(again->id == doc->id && again->methods.size() == doc->methods.size(),
              "a DID document changed through a round trip");
  DidResolver resolver;
  resolver.Add(*doc);
  for (const auto& id : doc->assertion_method) (void)ResolveVerificationMethod(resolver, id, "assertionMethod");
  for (const auto& id : doc->authentication) (void)ResolveVerificationMethod(resolver, id, "authentication");
  return 0;
}
