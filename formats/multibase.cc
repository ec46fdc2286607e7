// Passerelle — multibase codecs (base58btc, base64url) and hex.
#include "formats/multibase.h"

#include <vector>

#include <sodium.h>

namespace passerelle {
namespace {

constexpr char kBase58Alphabet[] = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

int Base58Digit(char c) {
  static const auto table = [] {
    std::array<int8_t, 256> t{};
    t.fill(-1);
    for (int i = 0; i < 58; ++i) t[static_cast<unsigned char>(kBase58Alphabet[i])] = int8_t(i);
    return t;
  }();
  return table[static_cast<unsigned char>(c)];
}

}  // namespace

std::string EncodeBase58(std::string_view bytes) {
  std::size_t zeros = 0;
  while (zeros < bytes.size() && bytes[zeros] == 0) ++zeros;
  // log(256)/log(58) ≈ 1.366
  std::vector<std::uint8_t> b58((bytes.size() - zeros) * 138 / 100 + 1, 0);
  std::size_t length = 0;
  for (std::size_t i = zeros; i < bytes.size(); ++i) {
    int carry = static_cast<std::uint8_t>(bytes[i]);
    std::size_t j = 0;
    for (auto it = b58.rbegin(); (carry != 0 || j < length) && it != b58.rend(); ++it, ++j) {
      carry += 256 * (*it);
      *it = static_cast<std::uint8_t>(carry % 58);
      carry /= 58;
    }
    length = j;
  }
  auto it = b58.begin() + (b58.size() - length);
  while (it != b58.end() && *it == 0) ++it;
  std::string out(zeros, '1');
  for (; it != b58.end(); ++it) out += kBase58Alphabet[*it];
  return out;
}

Result<std::string> DecodeBase58(std::string_view text) {
  if (text.size() > kMaxBase58Chars)
    return Status::ResourceExhausted("base58: input longer than " +
                                     std::to_string(kMaxBase58Chars) + " characters");
  std::size_t zeros = 0;
  while (zeros < text.size() && text[zeros] == '1') ++zeros;
  // The number as little-endian 32-bit limbs; digits are folded in five at a
  // time (58^5 < 2^32), so a 64-byte signature takes 18 passes, not 88.
  // Keys and signatures fit the inline limbs: no allocation but the result.
  constexpr std::size_t kInlineLimbs = 32;
  std::uint32_t inline_limbs[kInlineLimbs];
  std::vector<std::uint32_t> heap_limbs;
  const std::size_t max_limbs = (text.size() - zeros) * 733 / 4000 + 2;
  if (max_limbs > kInlineLimbs) heap_limbs.resize(max_limbs);
  std::uint32_t* limbs = max_limbs > kInlineLimbs ? heap_limbs.data() : inline_limbs;
  std::size_t used = 0;
  std::size_t i = zeros;
  while (i < text.size()) {
    std::uint32_t chunk = 0, mul = 1;
    for (int k = 0; k < 5 && i < text.size(); ++k, ++i) {
      int d = Base58Digit(text[i]);
      if (d < 0) return Status::Malformed("base58: invalid character at offset " + std::to_string(i));
      chunk = chunk * 58 + static_cast<std::uint32_t>(d);
      mul *= 58;
    }
    std::uint64_t carry = chunk;
    for (std::size_t l = 0; l < used; ++l) {
      std::uint64_t v = static_cast<std::uint64_t>(limbs[l]) * mul + carry;
      limbs[l] = static_cast<std::uint32_t>(v);
      carry = v >> 32;
    }
    if (carry != 0) limbs[used++] = static_cast<std::uint32_t>(carry);
  }
  // Big-endian bytes of the number without its leading zero bytes, after
  // one zero byte per leading '1'.
  std::size_t skip = 0;  // leading zero bytes of the top limb
  if (used > 0)
    while (skip < 3 && ((limbs[used - 1] >> (24 - 8 * skip)) & 0xFF) == 0) ++skip;
  std::string out(zeros + used * 4 - (used > 0 ? skip : 0), '\0');
  char* w = out.data() + zeros;
  for (std::size_t l = used; l-- > 0;)
    for (int shift = 24; shift >= 0; shift -= 8) {
      if (l == used - 1 && (24 - shift) / 8 < static_cast<int>(skip)) continue;
      *w++ = static_cast<char>((limbs[l] >> shift) & 0xFF);
    }
  return out;
}

std::string EncodeBase64Url(std::string_view bytes) {
  const int variant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;
  std::string out(sodium_base64_encoded_len(bytes.size(), variant), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()),
                    bytes.size(), variant);
  out.resize(out.size() - 1);  // the NUL terminator
  return out;
}

std::string EncodeBase64(std::string_view bytes) {
  const int variant = sodium_base64_VARIANT_ORIGINAL;
  std::string out(sodium_base64_encoded_len(bytes.size(), variant), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()),
                    bytes.size(), variant);
  out.resize(out.size() - 1);
  return out;
}

Result<std::string> DecodeBase64Url(std::string_view text) {
  std::string out(text.size() * 3 / 4 + 3, '\0');
  std::size_t len = 0;
  const char* end = nullptr;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(),
                        text.size(), nullptr, &len, &end,
                        sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0 ||
      end != text.data() + text.size()) {
    return Status::Malformed("base64url: invalid encoding");
  }
  out.resize(len);
  return out;
}

std::string EncodeMultibase(Multibase base, std::string_view bytes) {
  switch (base) {
    case Multibase::kBase58Btc: return "z" + EncodeBase58(bytes);
    case Multibase::kBase64Url: return "u" + EncodeBase64Url(bytes);
  }
  return {};
}

Result<MultibaseValue> DecodeMultibase(std::string_view text) {
  if (text.empty()) return Status::Malformed("multibase: empty value");
  switch (text[0]) {
    case 'z': {
      PSL_ASSIGN_OR_RETURN(auto bytes, DecodeBase58(text.substr(1)));
      return MultibaseValue{Multibase::kBase58Btc, std::move(bytes)};
    }
    case 'u': {
      PSL_ASSIGN_OR_RETURN(auto bytes, DecodeBase64Url(text.substr(1)));
      return MultibaseValue{Multibase::kBase64Url, std::move(bytes)};
    }
    default:
      return Status::Malformed(std::string("multibase: unsupported prefix '") +
                               (static_cast<unsigned char>(text[0]) < 0x80 &&
                                        static_cast<unsigned char>(text[0]) >= 0x20
                                    ? std::string(1, text[0])
                                    : std::string("?")) +
                               "' (expected 'z' base58btc or 'u' base64url)");
  }
}

std::string HexEncode(std::string_view bytes) {
  static const char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (unsigned char c : bytes) {
    out += kHex[c >> 4];
    out += kHex[c & 0xF];
  }
  return out;
}

Result<std::string> HexDecode(std::string_view hex) {
  if (hex.size() % 2 != 0) return Status::Malformed("hex: odd length");
  auto nibble = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  std::string out;
  out.reserve(hex.size() / 2);
  for (std::size_t i = 0; i < hex.size(); i += 2) {
    int hi = nibble(hex[i]), lo = nibble(hex[i + 1]);
    if (hi < 0 || lo < 0) return Status::Malformed("hex: invalid character at offset " + std::to_string(i));
    out += static_cast<char>(hi << 4 | lo);
  }
  return out;
}

}  // namespace passerelle
