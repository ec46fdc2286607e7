// Passerelle — ISO 3166-1 alpha-2 country codes, as people type them.
//
// An awarding body's country decides whether it may assert an EQF level
// (formats/profile.h), and binds it to a national authority's trust list:
// it must be one real code, always stored in upper case. People type "ro",
// " FR ", or the EU's "EL" for Greece; this unit turns what they type into
// the one stored form or says why it cannot. Stateless; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "formats/status.h"

namespace passerelle {

// Returns the code in its stored form: trimmed, upper case, "EL" (the EU's
// code for Greece) as ISO's "GR". "EU" is accepted for European-level
// authorities. Errors: kInvalidArgument naming what was typed (control
// characters shown as '?').
Result<std::string> NormalizeCountryCode(std::string_view typed);

// True when `code` is an assigned ISO 3166-1 alpha-2 code (upper case), or "EU".
bool IsKnownCountryCode(std::string_view code);

}  // namespace passerelle
