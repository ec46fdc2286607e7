// Passerelle — W3C Bitstring Status List v1.0: entries, lists, bit access.
//
// Bit i of a list is (byte[i/8] >> (7 - i%8)) & 1: index 0 is the left-most,
// most significant bit. Entries of statusSize > 1 read that many bits, the
// left-most most significant. Stateless; thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "formats/status.h"

namespace passerelle {

// The spec's minimum list length (bits per purpose): herd privacy.
inline constexpr std::uint64_t kMinStatusListEntries = 131072;
// Decompressed lists larger than this are refused (16 MiB = 134M entries).
inline constexpr std::size_t kMaxStatusListBytes = 16u << 20;

struct StatusListEntry {
  std::string id;                  // optional
  std::string purpose;             // "revocation", "suspension", "message", …
  std::uint64_t index = 0;
  std::string list_credential;     // URL of the BitstringStatusListCredential
  int status_size = 1;
};

// Parses one credentialStatus object of type BitstringStatusListEntry.
// Errors: kInvalidCredential naming the member (statusListIndex must be a
// base-10 string, statusListCredential a URL, …); kUnsupported for another type.
Result<StatusListEntry> ParseStatusListEntry(const nlohmann::json& entry, std::string_view where);

// All BitstringStatusListEntry objects of a credential (none: empty vector).
Result<std::vector<StatusListEntry>> StatusEntriesOf(const nlohmann::json& credential);

// Decodes an encodedList ("u" + base64url(gzip(bits))).
// Errors: kMalformed (no 'u' prefix, bad encoding, corrupt gzip),
// kResourceExhausted (over kMaxStatusListBytes).
Result<std::string> DecodeStatusList(std::string_view encoded);
// Encodes raw bits as an encodedList.
Result<std::string> EncodeStatusList(std::string_view bits);

// Reads entry `index` (status_size bits). Errors: kInvalidCredential when
// the index lies outside the list (RANGE_ERROR).
Result<std::uint32_t> ReadStatus(std::string_view bits, std::uint64_t index, int status_size);
// Sets entry `index` to `value`. REQUIRES: the index is inside the list.
void WriteStatus(std::string& bits, std::uint64_t index, int status_size, std::uint32_t value);

}  // namespace passerelle
