// Passerelle wallet — the store's public header, wallet.json: format, KDF
// parameters and salt, and the sealed check value (docs/cli/wallet.md,
// "Store"). Reading enforces the KDF caps before anything is derived.
// Stateless; thread-safe.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "env/env.h"
#include "formats/status.h"
#include "keys/key_file.h"

namespace passerelle::wallet {

inline constexpr std::string_view kWalletFormat = "passerelle-wallet/v1";
inline constexpr std::string_view kWalletHeaderFile = "wallet.json";

struct WalletHeader {
  // salt: 16 bytes; check: a sealed blob (sealing.h), both raw bytes.
  KdfParams kdf;
  std::string salt;
  std::string check;
};

// Reads DIR/wallet.json. Errors: kNotFound (no wallet: the message says to
// run wallet init), kUnsupported (another format or KDF), kMalformed,
// kResourceExhausted (KDF parameters over kMaxKdfOpslimit/kMaxKdfMemlimit),
// kIOError.
Result<WalletHeader> ReadWalletHeader(const std::filesystem::path& dir, Env& env = Env::Default());

// The JSON text of a header.
std::string WalletHeaderJson(const WalletHeader& header);

}  // namespace passerelle::wallet
