// Passerelle — the challenge codes an employer's page hands out and a
// wallet signs into a presentation: 8 characters from an alphabet without
// look-alikes (no 0/O, 1/I/L), shown as two groups of four ("K7QX-3MPA").
// 31^8 ≈ 2^39.6 codes: with single use and a 15-minute life (see
// verifier/http/challenge_store.h) a guess succeeds with negligible odds.
// The canonical form (what the page shows, what `wallet --challenge-from`
// signs) is the grouped, upper-case one. Pure functions apart from the
// random source (libsodium); thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "formats/status.h"

namespace passerelle {

inline constexpr std::string_view kChallengeAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
inline constexpr std::size_t kChallengeCodeLength = 8;

// A fresh random code in canonical form ("K7QX-3MPA").
std::string NewChallengeCode();

// The canonical form of a code as a person types or a scanner reads it:
// case-insensitive, hyphens and spaces anywhere optional ("k7qx 3mpa",
// "K7QX3MPA", " k7qx-3mpa "). Reads at most 64 bytes.
// Errors: kInvalidArgument (too long, another character, not 8 symbols),
// with a message meant for the person who typed it.
Result<std::string> ParseChallengeCode(std::string_view input);

}  // namespace passerelle
