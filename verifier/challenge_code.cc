// Passerelle — challenge codes.
#include "verifier/challenge_code.h"

#include <sodium.h>

namespace passerelle {

std::string NewChallengeCode() {
  if (sodium_init() < 0) std::abort();  // no randomness: never hand out a guessable code
  std::string code;
  for (std::size_t i = 0; i < kChallengeCodeLength; ++i) {
    if (i == kChallengeCodeLength / 2) code += '-';
    code += kChallengeAlphabet[randombytes_uniform(static_cast<std::uint32_t>(kChallengeAlphabet.size()))];
  }
  return code;
}

Result<std::string> ParseChallengeCode(std::string_view input) {
  if (input.size() > 64) return Status::InvalidArgument("a challenge code has 8 characters, like K7QX-3MPA");
  std::string symbols;
  for (char c : input) {
    if (c == '-' || c == ' ') continue;
    char upper = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
    if (kChallengeAlphabet.find(upper) == std::string_view::npos || upper == '\0')
      return Status::InvalidArgument(
          "a challenge code is made of 2-9 and A-Z without O, I and L, like K7QX-3MPA");
    symbols += upper;
  }
  if (symbols.size() != kChallengeCodeLength)
    return Status::InvalidArgument("a challenge code has 8 characters, like K7QX-3MPA");
  return symbols.substr(0, 4) + "-" + symbols.substr(4);
}

}  // namespace passerelle
