// Fuzz target: programme files and grading scales (issuer/programme.h), as
// `issuer issue` and `issuer batch` read them; for a programme that parses,
// a module credential is built for each module (the issuer signs these).
#include <nlohmann/json.hpp>

#include "formats/json.h"
#include "fuzz/fuzz_support.h"
#include "issuer/programme.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace passerelle;
  auto parsed = ParseJson(fuzz::Text(data, size));
  if (!parsed.ok()) return 0;
  if (auto scales = ParseGradingScales(*parsed); scales.ok()) {
    for (const auto& [name, scale] : *scales) {
      (void)CheckGrade(scale, name, scale.pass_mark);
      (void)IsPassingGrade(scale, scale.max);
    }
  }
  auto programme = ParseProgramme(*parsed);
  if (!programme.ok()) return 0;
  IssuerIdentity issuer{"did:web:uni.example", "Fuzz University", "FR"};
  Learner learner{std::string("did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2"), "Ada", "Lovelace"};
  ModuleAward award{"urn:uuid:11111111-1111-4111-8111-111111111111", "15", "FR-0-20", fuzz::FixedNow()};
  std::size_t n = 0;
  for (const auto& module : programme->modules) {
    if (++n > 8) break;
    fuzz::Check(programme->FindModule(module.code) != nullptr, "a parsed module cannot be found by its code");
    (void)BuildModuleCredential(*programme, module, issuer, learner, award);
  }
  (void)BuildCertificationCredential(*programme, issuer, learner, {award.credential_id},
                                     "urn:uuid:22222222-2222-4222-8222-222222222222", fuzz::FixedNow());
  return 0;
}
