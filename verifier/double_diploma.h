// Passerelle — double diplomas: two diplomas that name each other.
//
// Under a double-diploma agreement each university awards its own diploma;
// each names the agreement (achievement.agreement) and the other diploma's
// id (achievement.pairedDiploma), docs/formats/diploma.md. One diploma
// alone shows the link; two verified diplomas confirm it when they name
// each other, under the same agreement, for the same learner, from two
// different awarding bodies. Pure functions; thread-safe.
#pragma once

#include <optional>
#include <string>

#include "formats/credential.h"
#include "formats/status.h"

namespace passerelle {

struct DiplomaPairing {
  std::string agreement;    // the agreement's name
  std::string paired_with;  // the other diploma's id
};

// The pairing a diploma declares; empty for any other credential.
std::optional<DiplomaPairing> PairingOf(const Credential& credential);

// REQUIRES: both verified. OK when `a` and `b` are the two halves of one
// double diploma. Errors: kVerificationFailed naming the first mismatch
// (not paired with each other, another agreement, another learner, the
// same awarding body).
Status CheckDoubleDiploma(const Credential& a, const Credential& b);

}  // namespace passerelle
