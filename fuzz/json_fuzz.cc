// Fuzz target: the strict JSON reader (formats/json.h ParseJson), through
// which every outside document enters. Invariant: what it accepts, dumped
// compactly, parses again to the same value.
#include <nlohmann/json.hpp>

#include "formats/json.h"
#include "fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace passerelle;
  auto parsed = ParseJson(fuzz::Text(data, size));
  if (!parsed.ok()) return 0;
  std::string dumped = DumpJson(*parsed);
  auto again = ParseJson(dumped);
  fuzz::Check(again.ok(), "DumpJson output does not parse");
  fuzz::Check(*again == *parsed, "DumpJson output parses to another value");
  (void)DumpJsonPretty(*parsed);
  return 0;
}
