// Passerelle — the issuer's data folder.
#include "issuer/issuer_dir.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "env/interrupted_writes.h"
#include "formats/country.h"
#include "issuer/batch/csv.h"
#include "formats/json.h"
#include "keys/did_key.h"

namespace passerelle {

using nlohmann::json;

namespace {

bool ValidDidWeb(const std::string& did) {
  if (did.rfind("did:web:", 0) != 0 || did.size() <= 8) return false;
  for (char c : did.substr(8))
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
          c == '-' || c == ':' || c == '%' || c == '_'))
      return false;
  return true;
}

constexpr std::size_t kMaxConfigBytes = 1 << 20;

Status WriteConfig(const IssuerDir& d, Env& env) {
  json keys = json::array();
  for (const auto& k : d.keys) {
    json jk = {{"id", k.method_id},
               {"file", k.file},
               {"publicKeyMultibase", k.public_key.ToMultibase()},
               {"created", FormatDateTime(k.created)}};
    if (k.retired) jk["retired"] = FormatDateTime(*k.retired);
    keys.push_back(std::move(jk));
  }
  json config = {{"format", kIssuerDirFormat}, {"did", d.did}, {"name", d.name},
                 {"country", d.country}, {"keys", keys}};
  std::string text = DumpJsonPretty(config) + "\n";
  // Public (0644): the DID document is served from it.
  return env.WriteFileAtomic(d.dir / "issuer.json", text, WriteOptions{0644, Durability::kSynced})
      .Annotate("issuer.json");
}

// Writes issuer.json naming d.keys.back(), a key file just created. When that
// fails the previous issuer.json stands, and the new key file, which nothing
// names, is removed so that a retry can create it again.
Status WriteConfigOrForgetKey(const IssuerDir& d, Env& env) {
  Status written = WriteConfig(d, env);
  if (!written.ok()) (void)env.RemoveFile(d.dir / d.keys.back().file);
  return written;
}

Result<IssuerKeyRecord> NewKey(const IssuerDir& d, int number, const SecretBytes& passphrase,
                               Timestamp now, const KdfParams& kdf, Env& env) {
  PSL_ASSIGN_OR_RETURN(auto key, Ed25519SigningKey::Generate());
  IssuerKeyRecord rec{};
  rec.file = "keys/key-" + std::to_string(number) + ".key";
  rec.public_key = key.public_key();
  rec.created = now;
  rec.method_id = d.did.rfind("did:key:", 0) == 0 ? DidKeyVerificationMethod(key.public_key())
                                                   : d.did + "#key-" + std::to_string(number);
  PSL_RETURN_IF_ERROR(WriteKeyFile(d.dir / rec.file, key, passphrase, kdf, env));
  return rec;
}

}  // namespace

DidDocument IssuerDir::Document() const {
  DidDocument doc;
  doc.id = did;
  for (const auto& k : keys) {
    doc.methods.push_back({k.method_id, did, k.public_key, k.retired, std::nullopt});
    doc.assertion_method.push_back(k.method_id);
    doc.authentication.push_back(k.method_id);
  }
  return doc;
}

Status CheckIssuerName(std::string_view name) {
  if (name.size() > 200) return Status::InvalidArgument("--name: longer than 200 bytes");
  if (!batch::IsValidUtf8(name))
    return Status::InvalidArgument("--name: not valid UTF-8 (check the terminal's encoding)");
  for (unsigned char c : name)
    if (c < 0x20 || c == 0x7f) return Status::InvalidArgument("--name: holds a control character");
  return Status::Ok();
}

Result<IssuerDir> UpdateIssuerProfile(const IssuerDir& issuer, const std::optional<std::string>& name,
                                      const std::optional<std::string>& country, Env& env) {
  IssuerDir d = issuer;
  if (name) {
    PSL_RETURN_IF_ERROR(CheckIssuerName(*name));
    if (name->empty()) return Status::InvalidArgument("--name: empty; an awarding body is named in its credentials");
    d.name = *name;
  }
  if (country) {
    auto normalized = NormalizeCountryCode(*country);
    if (!normalized.ok()) return normalized.status().Annotate("--country");
    d.country = std::move(*normalized);
  }
  PSL_RETURN_IF_ERROR(WriteConfig(d, env));
  return d;
}

Result<IssuerDir> InitIssuerDir(const std::filesystem::path& dir, const InitOptions& options,
                                const SecretBytes& passphrase, Env& env) {
  if (std::filesystem::exists(dir / "issuer.json"))
    return Status::AlreadyExists("\"" + dir.string() + "\" already holds an issuer; refusing to overwrite it");
  PSL_RETURN_IF_ERROR(CheckIssuerName(options.name));
  if (options.did_web && !ValidDidWeb(*options.did_web))
    return Status::InvalidArgument("--did \"" + *options.did_web + "\" is not a did:web DID (did:web:host[:path])");
  std::string country;
  if (!options.country.empty()) {
    auto normalized = NormalizeCountryCode(options.country);
    if (!normalized.ok()) return normalized.status().Annotate("--country");
    country = std::move(*normalized);
  }
  PSL_RETURN_IF_ERROR(env.CreateDirectories(dir, 0777));  // the umask decides, as for any folder
  PSL_RETURN_IF_ERROR(env.CreateDirectories(dir / "keys", 0700));
  std::error_code ec;
  std::filesystem::permissions(dir / "keys", std::filesystem::perms::owner_all, ec);

  IssuerDir d;
  d.dir = dir;
  d.name = options.name;
  d.country = country;
  Timestamp now = env.Now();
  now.nanos = 0;
  if (options.did_web) {
    d.did = *options.did_web;
    PSL_ASSIGN_OR_RETURN(auto rec, NewKey(d, 1, passphrase, now, options.kdf, env));
    d.keys.push_back(std::move(rec));
  } else {
    // did:key: the DID is derived from the key itself.
    PSL_ASSIGN_OR_RETURN(auto key, Ed25519SigningKey::Generate());
    d.did = DidKeyFor(key.public_key());
    IssuerKeyRecord rec{DidKeyVerificationMethod(key.public_key()), "keys/key-1.key",
                        key.public_key(), now, std::nullopt};
    PSL_RETURN_IF_ERROR(WriteKeyFile(dir / rec.file, key, passphrase, options.kdf, env));
    d.keys.push_back(std::move(rec));
  }
  PSL_RETURN_IF_ERROR(WriteConfigOrForgetKey(d, env));
  return d;
}

Result<IssuerDir> OpenIssuerDir(const std::filesystem::path& dir, Env& env) {
  auto text = env.ReadFileBounded(dir / "issuer.json", kMaxConfigBytes);
  if (!text.ok() && text.status().code() == Code::kNotFound)
    return Status::NotFound("\"" + dir.string() + "\" holds no issuer (run: issuer init --dir " + dir.string() + ")");
  if (!text.ok()) return text.status();
  auto parsed = ParseJson(*text, JsonLimits{kMaxConfigBytes, 16});
  if (!parsed.ok()) return parsed.status().Annotate("issuer.json");
  const json& c = *parsed;
  if (const json* f = FindMember(c, "format"); f == nullptr || *f != kIssuerDirFormat)
    return Status::Malformed("issuer.json: not a " + std::string(kIssuerDirFormat) + " file");
  IssuerDir d;
  d.dir = dir;
  PSL_ASSIGN_OR_RETURN(d.did, GetString(c, "did", ""));
  if (const json* n = FindMember(c, "name"); n && n->is_string()) d.name = n->get<std::string>();
  if (const json* n = FindMember(c, "country"); n && n->is_string() && !n->get_ref<const std::string&>().empty()) {
    // Folders made before codes were normalised may hold "ro": read as "RO".
    auto normalized = NormalizeCountryCode(n->get<std::string>());
    if (!normalized.ok()) return normalized.status().Annotate("issuer.json: /country");
    d.country = std::move(*normalized);
  }
  const json* keys = FindMember(c, "keys");
  if (keys == nullptr || !keys->is_array() || keys->empty())
    return Status::Malformed("issuer.json: /keys must list at least one key");
  for (std::size_t i = 0; i < keys->size(); ++i) {
    const json& k = (*keys)[i];
    std::string at = "/keys/" + std::to_string(i);
    IssuerKeyRecord rec{};
    PSL_ASSIGN_OR_RETURN(rec.method_id, GetString(k, "id", at));
    PSL_ASSIGN_OR_RETURN(rec.file, GetString(k, "file", at));
    if (rec.file.find("..") != std::string::npos || (!rec.file.empty() && rec.file[0] == '/'))
      return Status::Malformed("issuer.json: " + at + "/file must stay inside the folder");
    PSL_ASSIGN_OR_RETURN(std::string mb, GetString(k, "publicKeyMultibase", at));
    PSL_ASSIGN_OR_RETURN(rec.public_key, Ed25519PublicKey::FromMultibase(mb));
    PSL_ASSIGN_OR_RETURN(std::string created, GetString(k, "created", at));
    PSL_ASSIGN_OR_RETURN(rec.created, ParseDateTime(created));
    if (const json* r = FindMember(k, "retired"); r && r->is_string()) {
      PSL_ASSIGN_OR_RETURN(Timestamp t, ParseDateTime(r->get<std::string>()));
      rec.retired = t;
    }
    d.keys.push_back(std::move(rec));
  }
  return d;
}

Result<Ed25519SigningKey> LoadCurrentKey(const IssuerDir& issuer, const SecretBytes& passphrase, Env& env) {
  const auto& rec = issuer.current_key();
  PSL_ASSIGN_OR_RETURN(auto key, ReadKeyFile(issuer.dir / rec.file, passphrase, env));
  if (!(key.public_key() == rec.public_key))
    return Status::Malformed("key file \"" + rec.file + "\" does not hold the key issuer.json names");
  return key;
}

Result<IssuerDir> RotateKey(const IssuerDir& issuer, const SecretBytes& passphrase, Timestamp now,
                            const KdfParams& kdf, Env& env) {
  if (issuer.did.rfind("did:key:", 0) == 0)
    return Status::InvalidArgument("a did:key issuer cannot rotate its key (the DID is the key); use did:web");
  // Prove the passphrase opens the current key before adding another under it.
  PSL_RETURN_IF_ERROR(LoadCurrentKey(issuer, passphrase, env).status());
  IssuerDir d = issuer;
  now.nanos = 0;
  // The old key stays good for a short grace period, so that a running node
  // (which picks up the new key within a second) never releases a signature
  // dated after its key's retirement.
  d.keys.back().retired = Timestamp{now.seconds + kRotationGraceSeconds, 0};
  // The first number no key file holds (a killed rotation may have left one).
  int number = static_cast<int>(d.keys.size()) + 1;
  auto existing = env.ListDirectory(d.dir / "keys");
  if (!existing.ok() && existing.status().code() != Code::kNotFound) return existing.status();
  auto taken = [&](int n) {
    if (!existing.ok()) return false;
    std::string name = "key-" + std::to_string(n) + ".key";
    if (std::find(existing->begin(), existing->end(), name) != existing->end()) return true;
    return std::any_of(d.keys.begin(), d.keys.end(), [&](const IssuerKeyRecord& k) { return k.file == "keys/" + name; });
  };
  while (taken(number)) ++number;
  PSL_ASSIGN_OR_RETURN(auto rec, NewKey(d, number, passphrase, now, kdf, env));
  d.keys.push_back(std::move(rec));
  PSL_RETURN_IF_ERROR(WriteConfigOrForgetKey(d, env));
  return d;
}

Result<std::vector<std::string>> RepairIssuerDir(const IssuerDir& issuer, Env& env) {
  std::vector<std::string> notes;
  for (const char* sub : {"", "keys"}) {
    std::filesystem::path folder = std::string(sub).empty() ? issuer.dir : issuer.dir / sub;
    PSL_ASSIGN_OR_RETURN(auto removed, RemoveInterruptedWrites(env, folder));
    for (const auto& name : removed) {
      std::string shown = std::string(sub).empty() ? name : std::string(sub) + "/" + name;
      notes.push_back("removed " + shown + ", left by a write that was interrupted (the file it would have replaced is intact)");
    }
  }
  auto keys = env.ListDirectory(issuer.dir / "keys");
  if (!keys.ok()) return keys.status().code() == Code::kNotFound ? Result<std::vector<std::string>>(notes) : keys.status();
  for (const auto& name : *keys) {
    if (!name.ends_with(".key") || IsTemporaryFileName(name)) continue;
    std::string file = "keys/" + name;
    bool listed = std::any_of(issuer.keys.begin(), issuer.keys.end(), [&](const IssuerKeyRecord& k) { return k.file == file; });
    if (!listed)
      notes.push_back(file + " was written by a key rotation that did not finish (issuer.json never named it): "
                      "it never signed anything; it is left in place and its number is skipped");
  }
  return notes;
}

}  // namespace passerelle
