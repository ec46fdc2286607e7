// Passerelle wallet — data folder resolution.
#include "wallet-cli/wallet_dir.h"

#include <cstdlib>

namespace passerelle::wallet {

Result<std::filesystem::path> ResolveWalletDir(const std::optional<std::string>& flag) {
  if (flag) {
    if (flag->empty()) return Status::InvalidArgument("--dir is empty");
    return std::filesystem::path(*flag);
  }
  if (const char* env = std::getenv(kWalletDirEnv); env != nullptr) {
    if (*env == '\0') return Status::InvalidArgument(std::string(kWalletDirEnv) + " is set but empty");
    return std::filesystem::path(env);
  }
  const char* home = std::getenv("HOME");
  if (home == nullptr || *home == '\0')
    return Status::InvalidArgument("cannot find the wallet: HOME is not set; pass --dir or set " +
                                   std::string(kWalletDirEnv));
  return std::filesystem::path(home) / ".local" / "share" / "passerelle" / "wallet";
}

}  // namespace passerelle::wallet
