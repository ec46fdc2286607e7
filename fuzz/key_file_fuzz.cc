// Fuzz target: encrypted key files (keys/key_file.h), read from disk as the
// programs read them: the public-key reader, and the secret-key reader with a
// fixed passphrase (AEAD must refuse anything not written with it). Files
// asking for more than 1 MiB of Argon2id memory are read by the public-key
// reader only, to keep executions fast (the reader's own cap is tested in
// tests/keys/key_file_test.cc).
//
// Seeds: the key files the programs write use 64 MiB of Argon2id, so they
// reach only the public-key reader. With PASSERELLE_FUZZ_WRITE_SEEDS=DIR set,
// the target instead writes key files with cheap KDF parameters under the
// target's passphrase into DIR and exits (scripts/fuzz-seeds runs it so).
#include <cstdlib>
#include <fstream>
#include <iostream>

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

const passerelle::SecretBytes& FuzzPassphrase() {
  static const passerelle::SecretBytes passphrase =
      std::move(passerelle::SecretBytes::CopyFrom("fuzz passphrase").value());
  return passphrase;
}

// Key files the secret-key reader opens within the target's KDF budget.
int WriteCheapSeeds(const std::filesystem::path& dir) {
  using namespace passerelle;
  std::filesystem::create_directories(dir);
  const KdfParams params[] = {{1, 8u << 10}, {2, 64u << 10}, {4, 1u << 20}};
  int n = 0;
  for (const KdfParams& p : params) {
    auto seed = SecretBytes::CopyFrom(std::string(32, static_cast<char>('a' + n)));
    auto key = seed.ok() ? Ed25519SigningKey::FromSeed(*seed) : Result<Ed25519SigningKey>(seed.status());
    std::filesystem::path path = dir / ("cheap-kdf-" + std::to_string(n++) + ".key");
    std::filesystem::remove(path);
    Status written = key.ok() ? WriteKeyFile(path, *key, FuzzPassphrase(), p) : key.status();
    if (!written.ok()) {
      std::cerr << "key_file_fuzz: " << written.ToString() << "\n";
      return 1;
    }
  }
  return 0;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  if (const char* dir = std::getenv("PASSERELLE_FUZZ_WRITE_SEEDS")) std::exit(WriteCheapSeeds(dir));
  return 0;
}

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
    auto key = ReadKeyFile(path, FuzzPassphrase());
    if (key.ok()) {
      auto pub = ReadKeyFilePublicKey(path);
      fuzz::Check(pub.ok() && *pub == key->public_key(), "a readable key file names another public key");
    }
  }
  return 0;
}
