// Fuzz target: JSON Canonicalization Scheme (formats/jcs.h) over what the
// strict reader accepts. Invariant: the canonical form is a fixed point —
// canonicalising its parse gives the same bytes.
#include <nlohmann/json.hpp>

#include "formats/jcs.h"
#include "formats/json.h"
#include "fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace passerelle;
  auto parsed = ParseJson(fuzz::Text(data, size));
  if (!parsed.ok()) return 0;
  auto canonical = CanonicalizeJson(*parsed);
  if (!canonical.ok()) return 0;
  auto reparsed = ParseJson(*canonical);
  fuzz::Check(reparsed.ok(), "canonical JSON does not parse");
  auto again = CanonicalizeJson(*reparsed);
  fuzz::Check(again.ok() && *again == *canonical, "JCS is not a fixed point");
  return 0;
}
