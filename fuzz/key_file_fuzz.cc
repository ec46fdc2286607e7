// Fuzz target: encrypted key files (keys/key_file.h), read from disk as the
// programs read them: the public-key reader, and the secret-key reader with a
// fixed passphrase (AEAD must refuse anything not written with it). Files
// asking for more than 1 MiB of Argon2id memory are read by the public-key
// reader only, to keep executions fast (the reader's own cap is tested in
// tests/keys/key_file_test.cc).
#include <fstream>

#include <nlohmann/json.hpp>

#include "formats/json.h"
#include "fuzz/fuzz_support.h"
#include "keys/key_file.h"
#include "keys/secret_bytes.h"
#include "keys/signing_key.h"

namespace {

bool CheapKdf(std::string_view text) {
  auto parsed = passerelle::ParseJson(text);
  if (!parsed.ok() || !parsed->is_object()) return true;  // refused before any KDF
  const nlohmann::json* kdf = passerelle::FindMember(*parsed, "kdf");
  if (kdf == nullptr || !kdf->is_object()) return true;
  const nlohmann::json* mem = passerelle::FindMember(*kdf, "memlimit");
  const nlohmann::json* ops = passerelle::FindMember(*kdf, "opslimit");
  if (mem != nullptr && mem->is_number_unsigned() && mem->get<std::uint64_t>() > (1u << 20)) return false;
  if (ops != nullptr && ops->is_number_unsigned() && ops->get<std::uint64_t>() > 4) return false;
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace passerelle;
  std::string_view text = fuzz::Text(data, size);
  std::filesystem::path path = fuzz::ScratchDir() / "issuer.key";
  {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
  }
  (void)ReadKeyFilePublicKey(path);
  if (CheapKdf(text)) {
    static const SecretBytes passphrase = std::move(SecretBytes::CopyFrom("fuzz passphrase").value());
    auto key = ReadKeyFile(path, passphrase);
    if (key.ok()) {
      auto pub = ReadKeyFilePublicKey(path);
      fuzz::Check(pub.ok() && *pub == key->public_key(), "a readable key file names another public key");
    }
  }
  return 0;
}
