// Passerelle wallet — how credentials are shown to the holder.
//
// Every string taken from a credential passes through SanitizeForTerminal
// (control characters, ANSI escapes and bidi overrides come out escaped).
// Claims come only from the signed credential; wallet-local metadata
// (import time, source) is printed under a separate "unverified" heading.
// Pure functions; thread-safe.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "formats/datetime.h"
#include "wallet-cli/store/wallet_store.h"

namespace passerelle::wallet {

// The `wallet list` table, one line per credential, titles in `language`.
std::string FormatList(const std::vector<IndexEntry>& entries, const std::string& language, Timestamp now);

// `wallet list --json`: an array of {id, kind, title, …}.
nlohmann::json ListToJson(const std::vector<IndexEntry>& entries, const std::string& language);

// The human view of one credential (`wallet show`). `problems` are the
// reasons it no longer verifies (empty when it does).
std::string FormatDetails(const nlohmann::json& credential, const IndexEntry& entry,
                          const std::vector<std::string>& problems, const std::string& language);

// `wallet show --json`.
nlohmann::json DetailsToJson(const nlohmann::json& credential, const IndexEntry& entry,
                             const std::vector<std::string>& problems, const std::string& language);

// The validity window in words: "until 2027-06-24", "no end date",
// "expired on 2025-01-01", "from 2030-01-01".
std::string DescribeValidity(const CredentialSummary& summary, Timestamp now, const std::string& language = "en");

// The last known status in words: "active (checked 2026-06-25)", "unknown (never checked)",
// "none (cannot be revoked)".
std::string DescribeStatus(const CredentialSummary& summary);

}  // namespace passerelle::wallet
