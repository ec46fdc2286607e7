// Tests for wallet-cli/export/pdf_labels.h.
#include "wallet-cli/export/pdf_labels.h"

#include <catch2/catch.hpp>

namespace passerelle::wallet {
namespace {

TEST_CASE("pdf labels: by primary subtag, English otherwise, none left empty", "[pdf]") {
  CHECK(LabelsFor("kk-KZ").language == "kk");
  CHECK(LabelsFor("fr_FR").language == "fr");
  CHECK(LabelsFor("ja").language == "en");
  for (const char* lang : {"en", "fr", "ro", "el", "ru", "kk", "az"}) {
    const PdfLabels& l = LabelsFor(lang);
    CHECK(l.language == lang);
    for (std::string_view s : {l.awarded_to, l.awarded_on, l.grade, l.credits, l.level, l.workload, l.awarding_body,
                               l.accreditation, l.valid_until, l.learning_outcomes, l.credential_id, l.issuer_key,
                               l.scan_to_verify, l.no_qr, l.kinds[0], l.kinds[1], l.kinds[2], l.kinds[3]})
      CHECK_FALSE(s.empty());
  }
}

}  // namespace
}  // namespace passerelle::wallet
