// Passerelle wallet — where the wallet's data folder is.
// Reads the environment; thread-safe.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "formats/status.h"

namespace passerelle::wallet {

inline constexpr const char* kWalletDirEnv = "PASSERELLE_WALLET_DIR";

// The data folder: `flag` (--dir) when given, else $PASSERELLE_WALLET_DIR,
// else ~/.local/share/passerelle/wallet (INTERFACES.md).
// Errors: kInvalidArgument when none can be worked out (no HOME) or a value is empty.
Result<std::filesystem::path> ResolveWalletDir(const std::optional<std::string>& flag);

}  // namespace passerelle::wallet
