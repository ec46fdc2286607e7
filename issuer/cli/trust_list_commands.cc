// Passerelle issuer CLI — trust lists: an issuer's entry, an authority's list.
#include <algorithm>
#include <filesystem>
#include <iostream>

#include <nlohmann/json.hpp>

#include "formats/json.h"
#include "formats/profile.h"
#include "formats/trust_list.h"
#include "env/env.h"
#include "issuer/cli/commands.h"
#include "issuer/credential_signer.h"
#include "issuer/issuer_dir.h"
#include "issuer/cli/unlock_issuer.h"

namespace passerelle::cli {

using nlohmann::json;

namespace {

constexpr std::size_t kMaxEntriesFileBytes = 8u << 20;

// Reads the entries file: an array of entities, or an object holding one
// under "trustedEntity" (a previous list's credentialSubject, say).
Result<std::vector<TrustedEntity>> ReadEntries(const std::string& file) {
  auto text = Env::Default().ReadFileBounded(file, kMaxEntriesFileBytes);
  if (!text.ok() && text.status().code() != Code::kResourceExhausted)
    return Status::IOError(text.status().message());  // exit status 2: the file could not be read
  if (!text.ok()) return text.status();
  auto doc = ParseJson(*text, JsonLimits{kMaxEntriesFileBytes, 16});
  if (!doc.ok()) return doc.status().Annotate(file);
  const json* items = &*doc;
  std::string base;
  if (doc->is_object()) {
    items = FindMember(*doc, "trustedEntity");
    base = "/trustedEntity";
    if (items == nullptr) return Status::InvalidArgument(file + ": expected an array of entries or {\"trustedEntity\": [...]}");
  }
  if (!items->is_array() || items->empty()) return Status::InvalidArgument(file + ": no entries");
  std::vector<TrustedEntity> out;
  for (std::size_t i = 0; i < items->size(); ++i) {
    auto e = ParseTrustedEntity((*items)[i], base + "/" + std::to_string(i));
    if (!e.ok()) return e.status().Annotate(file);
    out.push_back(std::move(*e));
  }
  return out;
}

// Writes the signed list to `path` (0644, replaced atomically and durably),
// creating its folder when missing.
Status WriteSignedList(const std::filesystem::path& path, std::string_view text) {
  Env& env = Env::Default();
  PSL_RETURN_IF_ERROR(env.CreateDirectories(path.parent_path(), 0777));
  return env.WriteFileAtomic(path, text, WriteOptions{0644, Durability::kSynced});
}

}  // namespace

int RunTrustListSign(const TrustListSignArgs& args, std::ostream& out, std::ostream& err) {
  auto suite = ParseCryptosuite(args.suite);
  if (!suite.ok()) {
    Diag(err).Error("--suite", suite.status());
    return 2;
  }
  if (args.valid_days < 1 || args.valid_days > 3 * 366) {
    Diag(err).Error("--valid-days must be between 1 and 1098: verifiers refuse a stale list, so keep it short");
    return 2;
  }
  auto entries = ReadEntries(args.entries);
  if (!entries.ok()) {
    Diag(err).Error("--entries", entries.status());
    return entries.status().code() == Code::kIOError ? 2 : 1;
  }
  auto issuer = OpenIssuerDir(args.common.dir);
  if (!issuer.ok()) {
    Diag(err).Error(issuer.status());
    return 2;
  }
  const Timestamp now = Now();
  TrustList list;
  list.id = args.id.value_or("");
  list.issuer = issuer->did;
  list.valid_from = Timestamp{now.seconds, 0};
  list.valid_until = Timestamp{now.seconds + std::int64_t{args.valid_days} * 86400, 0};
  list.entities = std::move(*entries);
  json unsigned_list = TrustListToCredential(list, issuer->name, issuer->country);
  // The list must read back as it will be read by verifiers.
  if (auto check = ParseTrustList(unsigned_list); !check.ok()) {
    Diag(err).Error(check.status());
    return 1;
  }
  // A root list (it names authorities) is checked offline with the keys it
  // gives for its own signer: a did:web signer must be among its entries.
  const bool names_authorities = std::any_of(list.entities.begin(), list.entities.end(),
                                             [](const TrustedEntity& e) { return e.role == TrustRole::kAuthority; });
  const bool names_itself = std::any_of(list.entities.begin(), list.entities.end(),
                                        [&](const TrustedEntity& e) { return e.did == issuer->did; });
  if (names_authorities && !names_itself && issuer->did.rfind("did:web:", 0) == 0) {
    Diag(err).Error("this is a root list (it names authorities) but not its own signer " + issuer->did +
                    ": verifiers could not check it offline");
    Diag(err).Hint("add the entry of `issuer trust-list entry --dir " + args.common.dir + " --authority`");
    return 1;
  }
  auto unlocked = UnlockIssuer(args.common);
  if (!unlocked.ok()) {
    Diag(err).Error(unlocked.status());
    return 2;
  }
  const Ed25519SigningKey* key = &unlocked->key;
  auto signed_list = SignCredential(*issuer, *key, unsigned_list, SignRequest{*suite, now});
  if (!signed_list.ok()) {
    Diag(err).Error(signed_list.status());
    return signed_list.status().code() == Code::kInternal ? 2 : 1;
  }
  const std::string text = DumpJsonPretty(*signed_list) + "\n";
  if (args.out == "-") {
    out << text;
  } else if (Status w = WriteSignedList(std::filesystem::absolute(args.out), text); !w.ok()) {
    Diag(err).Error("--out", w);
    return 2;
  } else {
    err << "issuer: signed a trust list of " << list.entities.size() << " entr"
        << (list.entities.size() == 1 ? "y" : "ies") << ", valid until " << FormatDateTime(list.valid_until)
        << ", to " << args.out << "\n";
  }
  return 0;
}

int RunTrustListEntry(const TrustListEntryArgs& args, std::ostream& out, std::ostream& err) {
  auto issuer = OpenIssuerDir(args.dir);
  if (!issuer.ok()) {
    Diag(err).Error(issuer.status());
    return 2;
  }
  TrustedEntity e;
  e.did = issuer->did;
  e.role = args.authority ? TrustRole::kAuthority : TrustRole::kIssuer;
  e.name = issuer->name;
  e.country = issuer->country;
  for (const auto& k : issuer->keys)
    e.keys.push_back({k.method_id, k.public_key.ToMultibase(), Timestamp{k.created.seconds, 0},
                      k.retired ? std::optional<Timestamp>(Timestamp{k.retired->seconds, 0}) : std::nullopt,
                      std::nullopt});
  e.credential_kinds = args.kinds;
  for (int level : args.eqf_levels) e.eqf_levels.push_back(level);
  if (args.published_at) e.published_at = *args.published_at;
  json entry = TrustedEntityToJson(e);
  // Print only what a list would accept.
  if (auto check = ParseTrustedEntity(entry, ""); !check.ok()) {
    Diag(err).Error(check.status());
    if (e.country.empty()) Diag(err).Hint("this issuer folder has no country; it was made without --country");
    if (args.authority && (!args.kinds.empty() || !args.eqf_levels.empty()))
      Diag(err).Hint("an authority's scope is its country: drop --kind and --eqf");
    return 2;
  }
  out << DumpJsonPretty(entry) << "\n";
  return 0;
}

}  // namespace passerelle::cli
