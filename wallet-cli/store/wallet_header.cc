// Passerelle wallet — wallet.json, read and written.
#include "wallet-cli/store/wallet_header.h"

#include <nlohmann/json.hpp>

#include "formats/json.h"
#include "formats/multibase.h"

namespace passerelle::wallet {

using nlohmann::json;
namespace fs = std::filesystem;

namespace {
constexpr std::size_t kMaxHeaderBytes = 64 * 1024;
std::string Quoted(const fs::path& p) { return "\"" + p.string() + "\""; }
}  // namespace

Result<WalletHeader> ReadWalletHeader(const fs::path& dir, Env& env) {
  fs::path path = dir / kWalletHeaderFile;
  auto text = env.ReadFileBounded(path, kMaxHeaderBytes);
  if (!text.ok()) {
    if (text.status().code() == Code::kNotFound)
      return Status::NotFound("no wallet in " + Quoted(dir) +
                              ": create one with wallet init (or choose another with --dir or PASSERELLE_WALLET_DIR)");
    return text.status();
  }
  std::string where = "wallet header " + Quoted(path);
  auto parsed = ParseJson(*text, JsonLimits{kMaxHeaderBytes, 8});
  if (!parsed.ok()) return parsed.status().Annotate(where);
  const json& h = *parsed;
  auto format = GetString(h, "format", "");
  if (!format.ok()) return format.status().Annotate(where);
  if (*format != kWalletFormat)
    return Status::Unsupported(where + ": format \"" + *format + "\" is not " + std::string(kWalletFormat));
  const json* kdf = FindMember(h, "kdf");
  if (kdf == nullptr || !kdf->is_object()) return Status::Malformed(where + ": missing kdf");
  const json* name = FindMember(*kdf, "name");
  const json* ops = FindMember(*kdf, "opslimit");
  const json* mem = FindMember(*kdf, "memlimit");
  if (name == nullptr || *name != "argon2id13")
    return Status::Unsupported(where + ": kdf must be argon2id13");
  if (ops == nullptr || !ops->is_number_unsigned() || mem == nullptr || !mem->is_number_unsigned())
    return Status::Malformed(where + ": kdf limits must be positive integers");
  WalletHeader out;
  out.kdf = KdfParams{ops->get<std::uint64_t>(), mem->get<std::size_t>()};
  if (out.kdf.opslimit > kMaxKdfOpslimit || out.kdf.memlimit > kMaxKdfMemlimit)
    return Status::ResourceExhausted(where + ": kdf limits exceed what this wallet accepts");
  if (out.kdf.opslimit < 1 || out.kdf.memlimit < 8192)
    return Status::Malformed(where + ": kdf limits below the Argon2id minimum");
  auto salt = GetString(*kdf, "salt", "/kdf");
  auto check = GetString(h, "check", "");
  if (!salt.ok() || !check.ok()) return Status::Malformed(where + ": missing salt or check");
  auto salt_bytes = DecodeMultibase(*salt);
  auto check_bytes = DecodeMultibase(*check);
  if (!salt_bytes.ok() || !check_bytes.ok())
    return Status::Malformed(where + ": salt and check must be multibase");
  out.salt = std::move(salt_bytes->bytes);
  out.check = std::move(check_bytes->bytes);
  return out;
}

std::string WalletHeaderJson(const WalletHeader& header) {
  json h = {{"format", kWalletFormat},
            {"kdf",
             {{"name", "argon2id13"},
              {"opslimit", header.kdf.opslimit},
              {"memlimit", header.kdf.memlimit},
              {"salt", EncodeMultibase(Multibase::kBase64Url, header.salt)}}},
            {"check", EncodeMultibase(Multibase::kBase64Url, header.check)}};
  return DumpJsonPretty(h) + "\n";
}

}  // namespace passerelle::wallet
