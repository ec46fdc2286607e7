// Passerelle — Open Badges 3.0 views of a Passerelle credential
// (docs/formats/openbadges.md).
//
// 1EdTech Open Badges 3.0 (context 3.0.3, on the VC 2.0 data model) is how
// badge wallets and displayers read achievements. This unit maps a native
// Passerelle credential, read through the typed model, onto an OB 3.0
// Achievement (criteria from the learning outcomes, EQF level as an
// `alignment`, ECTS as `creditsAvailable`, the grade's scale as a
// `resultDescription`) and onto a whole unsigned OpenBadgeCredential that
// the issuer signs with eddsa-rdfc-2022. Every term used is defined by the
// bundled VC 2.0 and OB 3.0.3 contexts (safe-mode expansion succeeds).
// Pure functions; thread-safe.
#pragma once

#include <string_view>

#include <nlohmann/json_fwd.hpp>

#include "formats/credential.h"
#include "formats/status.h"

namespace passerelle {

inline constexpr std::string_view kOpenBadgesContext = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";

// Returns the OB 3.0 Achievement for `credential`'s achievement, with an
// "@context" of its own when `standalone` (an unsigned description for
// badge platforms). Text is in `language` (PickLanguage fallbacks).
// Errors: kUnsupported when `credential` carries no Passerelle achievement.
Result<nlohmann::json> OpenBadgeAchievement(const Credential& credential, std::string_view language = "en",
                                            bool standalone = false);

// Returns an unsigned OpenBadgeCredential with the same id, issuer, holder,
// dates and award as `credential`: credentialSubject is an
// AchievementSubject with the achievement, `creditsEarned`, and a `result`
// holding the grade against the achievement's resultDescription. No
// credentialStatus: the issuer's register adds it.
// Errors: kUnsupported as OpenBadgeAchievement; kInvalidCredential when
// `credential` has no id.
Result<nlohmann::json> ToOpenBadgeCredential(const Credential& credential, std::string_view language = "en");

}  // namespace passerelle
