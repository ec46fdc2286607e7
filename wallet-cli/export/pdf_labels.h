// Passerelle wallet — the fixed words on a printed credential, per language.
//
// The credential's own text comes from its language maps; these are the
// labels around it ("Awarded to", "Grade", …) in the languages Passerelle's
// pages speak (en fr ro el ru kk az), English for any other. Pure; thread-safe.
#pragma once

#include <string_view>

namespace passerelle::wallet {

struct PdfLabels {
  std::string_view language;  // the tag these labels are in
  std::string_view awarded_to, awarded_on, grade, credits, level, workload, awarding_body, accreditation,
      valid_until, learning_outcomes, credential_id, issuer_key, scan_to_verify, no_qr, kinds[4];
};

// The labels for a BCP 47 tag (its primary subtag), English when none.
const PdfLabels& LabelsFor(std::string_view language);

}  // namespace passerelle::wallet
