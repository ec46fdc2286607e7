// Passerelle — writing BitstringStatusListEntry objects.
#include "issuer/status/status_entries.h"

#include "formats/json.h"
#include "formats/status_list.h"
#include "formats/vc_model.h"

namespace passerelle {

using nlohmann::json;

std::string StatusListUrl(std::string_view base, std::string_view list_id) {
  while (!base.empty() && base.back() == '/') base.remove_suffix(1);
  return std::string(base) + "/status-lists/" + std::string(list_id);
}

json StatusEntryJson(const store::StatusSlot& slot, std::string_view base) {
  std::string url = StatusListUrl(base, slot.list_id);
  return json{{"id", url + "#" + std::to_string(slot.index)},
              {"type", "BitstringStatusListEntry"},
              {"statusPurpose", store::StatusPurposeName(slot.purpose)},
              {"statusListIndex", std::to_string(slot.index)},
              {"statusListCredential", url}};
}

Status CheckIncomingStatus(const json& credential) {
  const json* status = FindMember(credential, "credentialStatus");
  if (status == nullptr) return Status::Ok();
  if (!status->is_object() && !status->is_array())
    return Status::InvalidCredential("/credentialStatus: must be an object or an array of objects");
  const OneOrMany items(*status);
  for (std::size_t i = 0; i < items.size(); ++i) {
    std::string at = status->is_array() ? "/credentialStatus/" + std::to_string(i) : "/credentialStatus";
    if (!items[i].is_object()) return Status::InvalidCredential(at + ": must be an object");
    if (!HasType(items[i], "BitstringStatusListEntry")) continue;
    PSL_RETURN_IF_ERROR(ParseStatusListEntry(items[i], at).status());
    return Status::InvalidCredential(at + ": this issuer allocates BitstringStatusListEntry itself; leave it out");
  }
  return Status::Ok();
}

Status AddStatusEntries(json& credential, const std::vector<store::StatusSlot>& slots, std::string_view base) {
  PSL_RETURN_IF_ERROR(CheckIncomingStatus(credential));
  if (slots.empty()) return Status::Ok();
  json entries = json::array();
  if (const json* existing = FindMember(credential, "credentialStatus"))
    entries = existing->is_array() ? *existing : json::array({*existing});
  for (const auto& slot : slots) entries.push_back(StatusEntryJson(slot, base));
  credential["credentialStatus"] = entries.size() == 1 ? entries[0] : entries;
  auto version = DetectVcVersion(credential);
  if (version.ok() && *version == VcVersion::kV1_1) {
    json& ctx = credential["@context"];
    if (!ctx.is_array()) ctx = json::array({ctx});
    bool has = false;
    for (const auto& c : ctx) has = has || (c.is_string() && c == kStatusListContextV1);
    if (!has) ctx.push_back(std::string(kStatusListContextV1));
  }
  return Status::Ok();
}

}  // namespace passerelle
