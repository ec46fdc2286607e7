// Passerelle wallet — the Europass (EDC) export: a stored Passerelle
// credential as the ELM 3 `edc-ap` JSON-LD document that the European
// Digital Credentials for Learning infrastructure seals.
//
// The document (docs/formats/europass-export.md) is unsigned: EDC seals it
// with the issuer's eSeal, so it is a description of the credential, not a
// substitute for it. It is read only through the typed model
// (formats/credential.h), uses only terms the edc-ap context defines, and
// expands in JSON-LD safe mode with the bundled contexts. Pure functions;
// thread-safe.
#pragma once

#include <nlohmann/json_fwd.hpp>

#include "formats/credential.h"
#include "formats/status.h"

namespace passerelle::wallet {

inline constexpr std::string_view kEdcApContext = "http://data.europa.eu/snb/model/context/edc-ap";

// Returns the edc-ap document for `credential`: the learning achievement,
// its specification (title, ECTS credit points, EQF / NQF level, workload,
// learning outcomes), the assessment with its grade and grading scheme,
// the awarding process and body, the holder, and every language map kept.
// Errors: kUnsupported when `credential` carries no Passerelle achievement
// (nothing to describe in ELM terms).
Result<nlohmann::json> ToEuropass(const Credential& credential);

}  // namespace passerelle::wallet
