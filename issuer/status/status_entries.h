// Passerelle — the credentialStatus entries this node writes into the
// credentials it issues (Bitstring Status List v1.0, docs/formats/status-list.md).
//
// Each credential gets one BitstringStatusListEntry per purpose (revocation,
// suspension) pointing at PUBLIC_URL/status-lists/{list id}. Pure functions;
// thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "formats/status.h"
#include "issuer/store/records.h"

namespace passerelle {

inline constexpr std::string_view kStatusListContextV1 = "https://www.w3.org/ns/credentials/status/v1";

// "https://issuer.example/status-lists/revocation-1" for base
// "https://issuer.example" (a trailing '/' on the base is ignored).
std::string StatusListUrl(std::string_view public_base_url, std::string_view list_id);

// One BitstringStatusListEntry: id "<list url>#<index>", statusListIndex as
// a base-10 string.
nlohmann::json StatusEntryJson(const store::StatusSlot& slot, std::string_view public_base_url);

// Adds an entry per slot to `credential`'s credentialStatus (turning a single
// object into an array when needed). A VC 1.1 credential also gets the
// status/v1 context, which defines the entry's terms for it.
// Errors: kInvalidCredential when the credential already carries a
// BitstringStatusListEntry (this node allocates those itself) or a malformed
// one, naming the member.
Status AddStatusEntries(nlohmann::json& credential, const std::vector<store::StatusSlot>& slots,
                        std::string_view public_base_url);

// Checks a caller's credentialStatus before anything is allocated; the
// same errors as AddStatusEntries.
Status CheckIncomingStatus(const nlohmann::json& credential);

}  // namespace passerelle
