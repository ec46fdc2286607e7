// Fuzz target: the whole verification pipeline (verifier/verifier.h Verify)
// on arbitrary bytes under a fixed policy: a fixed "now", and — so that
// proofs are checked to the end — the issuer the document names trusted when
// the first byte's low bit is set; its second bit expects a challenge and
// domain (a presentation). Invariants: a verified report has no errors and
// only verified credentials; the JSON report always builds.
#include <nlohmann/json.hpp>

#include "formats/json.h"
#include "fuzz/fuzz_support.h"
#include "verifier/verifier.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace passerelle;
  if (size < 1) return 0;
  const std::uint8_t flags = data[0];
  std::string_view text = fuzz::Text(data + 1, size - 1);
  VerifyOptions options;
  options.now = fuzz::FixedNow();
  if (flags & 1) {
    if (auto doc = ParseJson(text); doc.ok() && doc->is_object()) {
      const nlohmann::json* issuer = FindMember(*doc, "issuer");
      if (issuer != nullptr && issuer->is_object()) issuer = FindMember(*issuer, "id");
      if (issuer != nullptr && issuer->is_string()) options.trusted_issuers.push_back(issuer->get<std::string>());
    }
  }
  if (flags & 2) {
    options.challenge = "fuzz-challenge";
    options.domain = "https://verifier.example";
  }
  VerificationReport report = Verify(text, options);
  if (report.verified) {
    fuzz::Check(report.errors.empty(), "a verified report carries errors");
    for (const auto& c : report.credentials) fuzz::Check(c.verified, "a verified report holds an unverified credential");
  }
  (void)ReportToJson(report);
  return 0;
}
