// Fuzz target: Data Integrity proof parsing and the cryptosuites' hash data
// (formats/data_integrity.h): every proof of a secured document is parsed,
// and for those that parse, the document to verify against (proof sets,
// previousProof chains, proof @context) and its canonical forms are built.
#include <nlohmann/json.hpp>

#include "formats/data_integrity.h"
#include "formats/json.h"
#include "fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace passerelle;
  auto parsed = ParseJson(fuzz::Text(data, size));
  if (!parsed.ok() || !parsed->is_object()) return 0;
  nlohmann::json proofs = ProofsOf(*parsed);
  std::size_t n = 0;
  for (const auto& proof : proofs) {
    if (++n > 4) break;
    auto di = ParseDataIntegrityProof(proof, "/proof");
    if (!di.ok()) continue;
    fuzz::Check(di->signature.size() == 64, "a parsed proof's signature is not 64 bytes");
    (void)HashDataForSecuredDocument(*parsed, proof, di->suite);
  }
  return 0;
}
