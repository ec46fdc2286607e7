// Passerelle — encrypted key files: Argon2id + XChaCha20-Poly1305 (libsodium).
#include "keys/key_file.h"

#include <nlohmann/json.hpp>

#include "formats/jcs.h"
#include "formats/json.h"
#include "formats/multibase.h"
#include "keys/internal/sodium_init.h"

namespace passerelle {
namespace {

using nlohmann::json;
constexpr std::size_t kMaxKeyFileBytes = 16 * 1024;

Result<SecretBytes> DeriveKey(const SecretBytes& passphrase, const std::string& salt,
                              const KdfParams& p) {
  PSL_ASSIGN_OR_RETURN(auto key, SecretBytes::Allocate(crypto_aead_xchacha20poly1305_ietf_KEYBYTES));
  if (crypto_pwhash(RevealSecret(key), key.size(),
                    reinterpret_cast<const char*>(RevealSecret(passphrase)), passphrase.size(),
                    reinterpret_cast<const unsigned char*>(salt.data()), p.opslimit, p.memlimit,
                    crypto_pwhash_ALG_ARGON2ID13) != 0)
    return Status::ResourceExhausted("key file: key derivation ran out of memory");
  return key;
}

// The associated data: the JCS form of every header member.
Result<std::string> HeaderAad(const json& file) {
  json header = file;
  header.erase("ciphertext");
  return CanonicalizeJson(header);
}

Result<json> ReadHeader(const std::filesystem::path& path, Env& env) {
  auto text = env.ReadFileBounded(path, kMaxKeyFileBytes);
  if (!text.ok()) {
    if (text.status().code() == Code::kNotFound) return Status::IOError("key file: " + text.status().message());
    return text.status().Annotate("key file");
  }
  auto parsed = ParseJson(*text, JsonLimits{kMaxKeyFileBytes, 8});
  if (!parsed.ok()) return parsed.status().Annotate("key file \"" + path.string() + "\"");
  const json& f = *parsed;
  const json* format = FindMember(f, "format");
  if (format == nullptr || !format->is_string())
    return Status::Malformed("key file \"" + path.string() + "\": not a Passerelle key file");
  if (*format != kKeyFileFormat)
    return Status::Malformed("key file \"" + path.string() + "\": unsupported format \"" +
                             format->get<std::string>() + "\" (expected " +
                             std::string(kKeyFileFormat) + ")");
  return parsed;
}

}  // namespace

Status WriteKeyFile(const std::filesystem::path& path, const Ed25519SigningKey& key,
                    const SecretBytes& passphrase, const KdfParams& params, Env& env) {
  internal::EnsureSodium();
  if (passphrase.empty()) return Status::InvalidArgument("key file: empty passphrase");
  std::string salt(crypto_pwhash_SALTBYTES, '\0');
  randombytes_buf(salt.data(), salt.size());
  std::string nonce(crypto_aead_xchacha20poly1305_ietf_NPUBBYTES, '\0');
  randombytes_buf(nonce.data(), nonce.size());

  json file = {{"format", kKeyFileFormat},
               {"algorithm", "Ed25519"},
               {"publicKeyMultibase", key.public_key().ToMultibase()},
               {"kdf",
                {{"name", "argon2id13"},
                 {"opslimit", params.opslimit},
                 {"memlimit", params.memlimit},
                 {"salt", EncodeMultibase(Multibase::kBase64Url, salt)}}},
               {"cipher", "xchacha20poly1305-ietf"},
               {"nonce", EncodeMultibase(Multibase::kBase64Url, nonce)}};
  PSL_ASSIGN_OR_RETURN(std::string aad, HeaderAad(file));
  PSL_ASSIGN_OR_RETURN(auto kek, DeriveKey(passphrase, salt, params));
  std::string ciphertext(key.seed().size() + crypto_aead_xchacha20poly1305_ietf_ABYTES, '\0');
  unsigned long long clen = 0;
  crypto_aead_xchacha20poly1305_ietf_encrypt(
      reinterpret_cast<unsigned char*>(ciphertext.data()), &clen, RevealSecret(key.seed()),
      key.seed().size(), reinterpret_cast<const unsigned char*>(aad.data()), aad.size(), nullptr,
      reinterpret_cast<const unsigned char*>(nonce.data()), RevealSecret(kek));
  ciphertext.resize(clen);
  file["ciphertext"] = EncodeMultibase(Multibase::kBase64Url, ciphertext);
  std::string text = DumpJsonPretty(file) + "\n";

  Status written = env.CreateFileExclusive(path, text, 0600);
  if (written.code() == Code::kAlreadyExists)
    return Status::AlreadyExists("key file \"" + path.string() + "\" already exists; refusing to overwrite it");
  return written.Annotate("write key file");
}

Result<Ed25519SigningKey> ReadKeyFile(const std::filesystem::path& path, const SecretBytes& passphrase, Env& env) {
  internal::EnsureSodium();
  PSL_ASSIGN_OR_RETURN(json file, ReadHeader(path, env));
  std::string where = "key file \"" + path.string() + "\"";
  const json* kdf = FindMember(file, "kdf");
  if (kdf == nullptr || !kdf->is_object()) return Status::Malformed(where + ": missing kdf");
  const json* ops = FindMember(*kdf, "opslimit");
  const json* mem = FindMember(*kdf, "memlimit");
  const json* name = FindMember(*kdf, "name");
  if (name == nullptr || *name != "argon2id13") return Status::Malformed(where + ": kdf must be argon2id13");
  if (ops == nullptr || !ops->is_number_unsigned() || mem == nullptr || !mem->is_number_unsigned())
    return Status::Malformed(where + ": kdf limits must be positive integers");
  KdfParams params{ops->get<std::uint64_t>(), mem->get<std::size_t>()};
  if (params.opslimit > kMaxKdfOpslimit || params.memlimit > kMaxKdfMemlimit)
    return Status::ResourceExhausted(where + ": kdf limits exceed what this reader accepts");
  if (params.opslimit < crypto_pwhash_OPSLIMIT_MIN || params.memlimit < crypto_pwhash_MEMLIMIT_MIN)
    return Status::Malformed(where + ": kdf limits below the Argon2id minimum");
  const json* cipher = FindMember(file, "cipher");
  if (cipher == nullptr || *cipher != "xchacha20poly1305-ietf")
    return Status::Malformed(where + ": cipher must be xchacha20poly1305-ietf");

  PSL_ASSIGN_OR_RETURN(std::string salt_mb, GetString(*kdf, "salt", "/kdf"));
  PSL_ASSIGN_OR_RETURN(std::string nonce_mb, GetString(file, "nonce", ""));
  PSL_ASSIGN_OR_RETURN(std::string ct_mb, GetString(file, "ciphertext", ""));
  PSL_ASSIGN_OR_RETURN(std::string pk_mb, GetString(file, "publicKeyMultibase", ""));
  auto salt = DecodeMultibase(salt_mb);
  auto nonce = DecodeMultibase(nonce_mb);
  auto ct = DecodeMultibase(ct_mb);
  if (!salt.ok() || salt->bytes.size() != crypto_pwhash_SALTBYTES || !nonce.ok() ||
      nonce->bytes.size() != crypto_aead_xchacha20poly1305_ietf_NPUBBYTES || !ct.ok() ||
      ct->bytes.size() != Ed25519SigningKey::kSeedSize + crypto_aead_xchacha20poly1305_ietf_ABYTES)
    return Status::Malformed(where + ": salt, nonce or ciphertext has the wrong encoding or size");
  auto expected_pk = Ed25519PublicKey::FromMultibase(pk_mb);
  if (!expected_pk.ok()) return expected_pk.status().Annotate(where);

  PSL_ASSIGN_OR_RETURN(std::string aad, HeaderAad(file));
  PSL_ASSIGN_OR_RETURN(auto kek, DeriveKey(passphrase, salt->bytes, params));
  PSL_ASSIGN_OR_RETURN(auto seed, SecretBytes::Allocate(Ed25519SigningKey::kSeedSize));
  unsigned long long mlen = 0;
  if (crypto_aead_xchacha20poly1305_ietf_decrypt(
          RevealSecret(seed), &mlen, nullptr,
          reinterpret_cast<const unsigned char*>(ct->bytes.data()), ct->bytes.size(),
          reinterpret_cast<const unsigned char*>(aad.data()), aad.size(),
          reinterpret_cast<const unsigned char*>(nonce->bytes.data()), RevealSecret(kek)) != 0)
    return Status::PermissionDenied(where + ": wrong passphrase (or the file was modified)");
  PSL_ASSIGN_OR_RETURN(auto key, Ed25519SigningKey::FromSeed(seed));
  if (!(key.public_key() == *expected_pk))
    return Status::Malformed(where + ": the decrypted key does not match its public key");
  return key;
}

Result<Ed25519PublicKey> ReadKeyFilePublicKey(const std::filesystem::path& path, Env& env) {
  PSL_ASSIGN_OR_RETURN(json file, ReadHeader(path, env));
  PSL_ASSIGN_OR_RETURN(std::string pk_mb, GetString(file, "publicKeyMultibase", ""));
  return Ed25519PublicKey::FromMultibase(pk_mb);
}

}  // namespace passerelle
