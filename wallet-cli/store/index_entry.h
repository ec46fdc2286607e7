// Passerelle wallet — one credential's line in the store's index, and its
// JSON form (inside the sealed index and each sealed credential file).
// Pure functions; thread-safe.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "formats/status.h"
#include "wallet-cli/credential_summary.h"

namespace passerelle::wallet {

struct IndexEntry {
  std::string record;       // 32 hex digits; users type a prefix of it
  std::string imported_at;  // RFC 3339
  std::string source;       // where it came from (unverified wallet metadata)
  CredentialSummary summary;
};

// The JSON form: {"record", "importedAt", "source", "summary"}.
nlohmann::json EntryToJson(const IndexEntry& entry);
// Errors: kMalformed naming the member; `where` prefixes the message.
Result<IndexEntry> EntryFromJson(const nlohmann::json& json, const std::string& where);

}  // namespace passerelle::wallet
