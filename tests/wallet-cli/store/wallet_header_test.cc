// Tests for wallet-cli/store/wallet_header.h: wallet.json written and read, with the KDF caps enforced.
#include "wallet-cli/store/wallet_header.h"

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "env/env.h"
#include "formats/json.h"
#include "tests/testing/temp_dir.h"

namespace passerelle::wallet {
namespace {

using nlohmann::json;

WalletHeader Sample() {
  WalletHeader h;
  h.kdf = KdfParams{3, 1u << 20};
  h.salt = std::string("0123456789abcdef", 16);
  h.check = std::string("\x00sealed\xff", 8);
  return h;
}

void Write(const passerelle::testing::TempDir& dir, const std::string& text) {
  REQUIRE(Env::Default().WriteFileAtomic(dir.path() / kWalletHeaderFile, text).ok());
}

TEST_CASE("wallet header: written and read back unchanged", "[wallet][store]") {
  passerelle::testing::TempDir dir;
  const WalletHeader h = Sample();
  const std::string text = WalletHeaderJson(h);
  CHECK(text.back() == '\n');
  json j = ParseJson(text).value();
  CHECK(j["format"] == kWalletFormat);
  CHECK(j["kdf"]["name"] == "argon2id13");
  Write(dir, text);
  auto back = ReadWalletHeader(dir.path());
  REQUIRE(back.ok());
  CHECK(back->kdf.opslimit == 3);
  CHECK(back->kdf.memlimit == (1u << 20));
  CHECK(back->salt == h.salt);
  CHECK(back->check == h.check);
  CHECK(WalletHeaderJson(*back) == text);
}

TEST_CASE("wallet header: no wallet is not found, with a hint to run wallet init", "[wallet][store]") {
  passerelle::testing::TempDir dir;
  auto r = ReadWalletHeader(dir.path());
  CHECK(r.status().code() == Code::kNotFound);
  CHECK_THAT(r.status().message(), Catch::Contains("wallet init"));
}

TEST_CASE("wallet header: another format or KDF is unsupported", "[wallet][store]") {
  passerelle::testing::TempDir dir;
  json j = ParseJson(WalletHeaderJson(Sample())).value();
  json other_format = j;
  other_format["format"] = "passerelle-wallet/v2";
  Write(dir, DumpJson(other_format));
  CHECK(ReadWalletHeader(dir.path()).status().code() == Code::kUnsupported);
  json other_kdf = j;
  other_kdf["kdf"]["name"] = "scrypt";
  Write(dir, DumpJson(other_kdf));
  CHECK(ReadWalletHeader(dir.path()).status().code() == Code::kUnsupported);
}

TEST_CASE("wallet header: KDF limits over the caps are refused before any work", "[wallet][store]") {
  passerelle::testing::TempDir dir;
  json j = ParseJson(WalletHeaderJson(Sample())).value();
  json ops = j;
  ops["kdf"]["opslimit"] = kMaxKdfOpslimit + 1;
  Write(dir, DumpJson(ops));
  CHECK(ReadWalletHeader(dir.path()).status().code() == Code::kResourceExhausted);
  json mem = j;
  mem["kdf"]["memlimit"] = kMaxKdfMemlimit + 1;
  Write(dir, DumpJson(mem));
  CHECK(ReadWalletHeader(dir.path()).status().code() == Code::kResourceExhausted);
  json at_cap = j;
  at_cap["kdf"]["opslimit"] = kMaxKdfOpslimit;
  at_cap["kdf"]["memlimit"] = kMaxKdfMemlimit;
  Write(dir, DumpJson(at_cap));
  CHECK(ReadWalletHeader(dir.path()).ok());
}

TEST_CASE("wallet header: damaged headers are malformed", "[wallet][store]") {
  passerelle::testing::TempDir dir;
  const json j = ParseJson(WalletHeaderJson(Sample())).value();
  auto refused = [&](const json& bad) {
    Write(dir, DumpJson(bad));
    return ReadWalletHeader(dir.path()).status().code();
  };
  Write(dir, "{not json");
  CHECK(ReadWalletHeader(dir.path()).status().code() == Code::kMalformed);
  json no_kdf = j;
  no_kdf.erase("kdf");
  CHECK(refused(no_kdf) == Code::kMalformed);
  json negative = j;
  negative["kdf"]["opslimit"] = -1;
  CHECK(refused(negative) == Code::kMalformed);
  json below_minimum = j;
  below_minimum["kdf"]["memlimit"] = 4096;
  CHECK(refused(below_minimum) == Code::kMalformed);
  json zero_ops = j;
  zero_ops["kdf"]["opslimit"] = 0;
  CHECK(refused(zero_ops) == Code::kMalformed);
  json no_check = j;
  no_check.erase("check");
  CHECK(refused(no_check) == Code::kMalformed);
  json bad_salt = j;
  bad_salt["kdf"]["salt"] = "not multibase!";
  CHECK(refused(bad_salt) == Code::kMalformed);
}

}  // namespace
}  // namespace passerelle::wallet
