// Fuzz target: trust lists (formats/trust_list.h) and the registry that
// reads them before their signature is known to be good
// (verifier/trust_registry.h AddRoot / AddList). Invariant: an entity that
// parses writes back to JSON that parses to the same DID and key count.
#include <nlohmann/json.hpp>

#include "formats/json.h"
#include "formats/trust_list.h"
#include "fuzz/fuzz_support.h"
#include "verifier/trust_registry.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace passerelle;
  std::string_view text = fuzz::Text(data, size);
  TrustRegistry registry;
  (void)registry.AddRoot(text, "root.json", fuzz::FixedNow());
  (void)registry.AddList(text, "list.json", fuzz::FixedNow());
  auto parsed = ParseJson(text);
  if (!parsed.ok()) return 0;
  auto list = ParseTrustList(*parsed);
  if (!list.ok()) return 0;
  for (const auto& entity : list->entities) {
    auto again = ParseTrustedEntity(TrustedEntityToJson(entity), "/entity");
    fuzz::Check(again.ok(), "a written trusted entity does not parse");
    fuzz::Check(again->did == entity.did && again->keys.size() == entity.keys.size(),
                "a trusted entity changed through a round trip");
    (void)DocumentFor(entity);
  }
  (void)TrustListToCredential(*list, "Authority", "FR");
  return 0;
}
