// Fuzz target: recognition agreements between partner institutions
// (formats/recognition_agreement.h), as `verifier recognise` reads them.
#include <nlohmann/json.hpp>

#include "formats/json.h"
#include "formats/recognition_agreement.h"
#include "fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace passerelle;
  auto parsed = ParseJson(fuzz::Text(data, size));
  if (!parsed.ok()) return 0;
  auto agreement = ParseRecognitionAgreement(*parsed);
  if (!agreement.ok()) return 0;
  fuzz::Check(!agreement->rules.empty(), "an agreement without rules was accepted");
  for (const auto& rule : agreement->rules) {
    fuzz::Check(rule.ects > 0, "a rule granting no ECTS was accepted");
    (void)agreement->FindSourceModule(rule.from_issuer, rule.from_module);
  }
  return 0;
}
