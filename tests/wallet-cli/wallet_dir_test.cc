// Tests for wallet-cli/wallet_dir.h: where the wallet's data folder is (--dir, the environment, HOME).
#include "wallet-cli/wallet_dir.h"

#include <catch2/catch.hpp>

#include <stdlib.h>

#include <optional>
#include <string>

namespace passerelle::wallet {
namespace {

// Sets or unsets an environment variable for one scope.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, std::optional<std::string> value) : name_(name) {
    if (const char* old = ::getenv(name)) old_ = old;
    if (value) {
      ::setenv(name, value->c_str(), 1);
    } else {
      ::unsetenv(name);
    }
  }
  ~ScopedEnv() {
    if (old_) {
      ::setenv(name_, old_->c_str(), 1);
    } else {
      ::unsetenv(name_);
    }
  }

 private:
  const char* name_;
  std::optional<std::string> old_;
};

TEST_CASE("wallet dir: --dir wins over the environment and HOME", "[wallet]") {
  ScopedEnv dir_env(kWalletDirEnv, "/from/env");
  ScopedEnv home("HOME", "/home/ada");
  auto r = ResolveWalletDir(std::string("/from/flag"));
  REQUIRE(r.ok());
  CHECK(*r == "/from/flag");
  CHECK(ResolveWalletDir(std::string("")).status().code() == Code::kInvalidArgument);
}

TEST_CASE("wallet dir: PASSERELLE_WALLET_DIR, then HOME's data folder", "[wallet]") {
  ScopedEnv home("HOME", "/home/ada");
  {
    ScopedEnv dir_env(kWalletDirEnv, "/from/env");
    CHECK(ResolveWalletDir(std::nullopt).value() == "/from/env");
  }
  {
    ScopedEnv dir_env(kWalletDirEnv, "");
    CHECK(ResolveWalletDir(std::nullopt).status().code() == Code::kInvalidArgument);
  }
  {
    ScopedEnv dir_env(kWalletDirEnv, std::nullopt);
    CHECK(ResolveWalletDir(std::nullopt).value() == "/home/ada/.local/share/passerelle/wallet");
  }
}

TEST_CASE("wallet dir: no HOME and nothing else is an error that says what to pass", "[wallet]") {
  ScopedEnv dir_env(kWalletDirEnv, std::nullopt);
  for (std::optional<std::string> home : {std::optional<std::string>(), std::optional<std::string>("")}) {
    ScopedEnv h("HOME", home);
    auto r = ResolveWalletDir(std::nullopt);
    CHECK(r.status().code() == Code::kInvalidArgument);
    CHECK_THAT(r.status().message(), Catch::Contains("--dir"));
  }
}

}  // namespace
}  // namespace passerelle::wallet
