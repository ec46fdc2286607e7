// Passerelle — base45 (RFC 9285).
#include "formats/base45.h"

#include <array>
#include <cstdint>

namespace passerelle {
namespace {

int Base45Digit(char c) {
  static const auto table = [] {
    std::array<std::int8_t, 256> t{};
    t.fill(-1);
    for (std::size_t i = 0; i < kBase45Alphabet.size(); ++i)
      t[static_cast<unsigned char>(kBase45Alphabet[i])] = static_cast<std::int8_t>(i);
    return t;
  }();
  return table[static_cast<unsigned char>(c)];
}

}  // namespace

std::string EncodeBase45(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size() / 2 * 3 + 2);
  std::size_t i = 0;
  for (; i + 1 < bytes.size(); i += 2) {
    unsigned n = static_cast<unsigned char>(bytes[i]) * 256u + static_cast<unsigned char>(bytes[i + 1]);
    out += kBase45Alphabet[n % 45];
    out += kBase45Alphabet[(n / 45) % 45];
    out += kBase45Alphabet[n / (45 * 45)];
  }
  if (i < bytes.size()) {
    unsigned n = static_cast<unsigned char>(bytes[i]);
    out += kBase45Alphabet[n % 45];
    out += kBase45Alphabet[n / 45];
  }
  return out;
}

Result<std::string> DecodeBase45(std::string_view text) {
  if (text.size() % 3 == 1)
    return Status::Malformed("base45: length " + std::to_string(text.size()) +
                             " leaves a single character at the end (offset " +
                             std::to_string(text.size() - 1) + ")");
  std::string out;
  out.reserve(text.size() / 3 * 2 + 1);
  for (std::size_t i = 0; i < text.size(); i += 3) {
    std::size_t group = text.size() - i >= 3 ? 3 : 2;
    unsigned n = 0;
    unsigned scale = 1;
    for (std::size_t k = 0; k < group; ++k) {
      int d = Base45Digit(text[i + k]);
      if (d < 0)
        return Status::Malformed("base45: invalid character at offset " + std::to_string(i + k));
      n += static_cast<unsigned>(d) * scale;
      scale *= 45;
    }
    if (group == 3) {
      if (n > 0xFFFF)
        return Status::Malformed("base45: the group at offset " + std::to_string(i) +
                                 " encodes " + std::to_string(n) + ", more than two bytes hold");
      out += static_cast<char>(n >> 8);
      out += static_cast<char>(n & 0xFF);
    } else {
      if (n > 0xFF)
        return Status::Malformed("base45: the final pair at offset " + std::to_string(i) +
                                 " encodes " + std::to_string(n) + ", more than one byte holds");
      out += static_cast<char>(n);
    }
  }
  return out;
}

}  // namespace passerelle
