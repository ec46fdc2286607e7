// Passerelle — Bitstring Status List v1.0.
#include "formats/status_list.h"

#include <charconv>

#include <nlohmann/json.hpp>

#include "formats/compression.h"
#include "formats/json.h"
#include "formats/multibase.h"
#include "formats/vc_model.h"

namespace passerelle {

using nlohmann::json;

Result<StatusListEntry> ParseStatusListEntry(const json& entry, std::string_view where) {
  std::string w(where);
  if (!entry.is_object()) return Status::InvalidCredential(w + ": must be an object");
  if (!HasType(entry, "BitstringStatusListEntry"))
    return Status::Unsupported(w + "/type: not a BitstringStatusListEntry");
  StatusListEntry e;
  if (const json* id = FindMember(entry, "id"); id && id->is_string()) e.id = id->get<std::string>();
  const json* purpose = FindMember(entry, "statusPurpose");
  if (purpose == nullptr || !purpose->is_string() || purpose->get_ref<const std::string&>().empty())
    return Status::InvalidCredential(w + "/statusPurpose: must be a string");
  e.purpose = purpose->get<std::string>();
  const json* index = FindMember(entry, "statusListIndex");
  if (index == nullptr || !index->is_string())
    return Status::InvalidCredential(w + "/statusListIndex: must be a base-10 integer string");
  const std::string& is = index->get_ref<const std::string&>();
  auto [ptr, ec] = std::from_chars(is.data(), is.data() + is.size(), e.index);
  if (is.empty() || ec != std::errc() || ptr != is.data() + is.size() || (is.size() > 1 && is[0] == '0'))
    return Status::InvalidCredential(w + "/statusListIndex: \"" + is.substr(0, 40) + "\" is not a base-10 integer");
  const json* list = FindMember(entry, "statusListCredential");
  if (list == nullptr || !list->is_string() || !IsAbsoluteUrl(list->get_ref<const std::string&>()))
    return Status::InvalidCredential(w + "/statusListCredential: must be a URL");
  e.list_credential = list->get<std::string>();
  if (const json* size = FindMember(entry, "statusSize")) {
    if (!size->is_number_integer() || size->get<std::int64_t>() < 1 || size->get<std::int64_t>() > 8)
      return Status::InvalidCredential(w + "/statusSize: must be an integer from 1 to 8");
    e.status_size = static_cast<int>(size->get<std::int64_t>());
  }
  if (e.status_size > 1 && FindMember(entry, "statusMessage") == nullptr)
    return Status::InvalidCredential(w + "/statusMessage: required when statusSize > 1");
  return e;
}

Result<std::vector<StatusListEntry>> StatusEntriesOf(const json& credential) {
  std::vector<StatusListEntry> out;
  const json* status = FindMember(credential, "credentialStatus");
  if (status == nullptr) return out;
  const OneOrMany items(*status);
  for (std::size_t i = 0; i < items.size(); ++i) {
    std::string at = status->is_array() ? "/credentialStatus/" + std::to_string(i) : "/credentialStatus";
    if (!HasType(items[i], "BitstringStatusListEntry")) continue;
    PSL_ASSIGN_OR_RETURN(auto e, ParseStatusListEntry(items[i], at));
    out.push_back(std::move(e));
  }
  return out;
}

Result<std::string> DecodeStatusList(std::string_view encoded) {
  if (encoded.empty() || encoded[0] != 'u')
    return Status::Malformed("encodedList: must be multibase base64url ('u…')");
  auto compressed = DecodeBase64Url(encoded.substr(1));
  if (!compressed.ok()) return compressed.status().Annotate("encodedList");
  auto bits = Decompress(*compressed, ZFormat::kGzip, kMaxStatusListBytes);
  if (!bits.ok()) return bits.status().Annotate("encodedList");
  return bits;
}

Result<std::string> EncodeStatusList(std::string_view bits) {
  PSL_ASSIGN_OR_RETURN(std::string gz, Compress(bits, ZFormat::kGzip));
  return EncodeMultibase(Multibase::kBase64Url, gz);
}

Result<std::uint32_t> ReadStatus(std::string_view bits, std::uint64_t index, int status_size) {
  std::uint64_t first = index * static_cast<std::uint64_t>(status_size);
  if (index > (std::uint64_t{1} << 40) || first + status_size > bits.size() * 8ull)
    return Status::InvalidCredential("statusListIndex " + std::to_string(index) +
                                     " lies outside the status list (RANGE_ERROR)");
  std::uint32_t v = 0;
  for (int k = 0; k < status_size; ++k) {
    std::uint64_t i = first + k;
    v = (v << 1) | ((static_cast<unsigned char>(bits[i >> 3]) >> (7 - (i & 7))) & 1u);
  }
  return v;
}

void WriteStatus(std::string& bits, std::uint64_t index, int status_size, std::uint32_t value) {
  std::uint64_t first = index * static_cast<std::uint64_t>(status_size);
  for (int k = 0; k < status_size; ++k) {
    std::uint64_t i = first + k;
    unsigned bit = (value >> (status_size - 1 - k)) & 1u;
    unsigned char mask = static_cast<unsigned char>(1u << (7 - (i & 7)));
    unsigned char& byte = reinterpret_cast<unsigned char&>(bits[i >> 3]);
    byte = bit ? (byte | mask) : (byte & ~mask);
  }
}

}  // namespace passerelle
