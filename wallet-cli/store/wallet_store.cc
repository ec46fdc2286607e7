// Passerelle wallet — the encrypted store: header, index, one sealed file per credential.
#include "wallet-cli/store/wallet_store.h"

#include "env/interrupted_writes.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <thread>

#include <nlohmann/json.hpp>

#include "formats/datetime.h"
#include "formats/digest.h"
#include "formats/jcs.h"
#include "formats/json.h"
#include "keys/did_document.h"
#include "keys/did_key.h"
#include "wallet-cli/store/passphrase_change.h"
#include "wallet-cli/store/wallet_header.h"

namespace passerelle::wallet {

using nlohmann::json;
namespace fs = std::filesystem;

namespace {

constexpr std::string_view kIndexFormat = "passerelle-wallet-index/v1";
constexpr std::string_view kRecordFormat = "passerelle-wallet-record/v1";
constexpr std::string_view kHolderKeyFile = "holder.key";
constexpr std::string_view kIndexFile = "index.pws";
constexpr std::string_view kLockFile = ".lock";
constexpr std::string_view kCredentialsDir = "credentials";
constexpr std::string_view kRecordSuffix = ".pws";
constexpr std::string_view kIndexLabel = "index";
constexpr std::string_view kIssuersFile = "issuers.pws";
constexpr std::string_view kIssuersLabel = "issuers";
constexpr std::string_view kIssuersFormat = "passerelle-wallet-issuers/v1";
constexpr std::size_t kMaxIssuersBytes = 4 * 1024 * 1024;
constexpr std::string_view kCheckLabel = "check";
constexpr std::size_t kMinPrefix = 4;

std::string Quoted(const fs::path& p) { return "\"" + p.string() + "\""; }

std::string RecordLabel(std::string_view record) { return "credential/" + std::string(record); }

// Locks the folder, waiting at most `wait` for another wallet command to
// let go (polled: flock has no timeout of its own); `while_waiting` is
// called once, when the folder is first found busy.
Result<int> AcquireLock(const fs::path& dir, LockMode mode, std::chrono::milliseconds wait,
                        const std::function<void()>& while_waiting = {}) {
  fs::path path = dir / kLockFile;
  int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0) return Status::IOError(Quoted(path) + ": " + std::strerror(errno));
  const int op = (mode == LockMode::kExclusive ? LOCK_EX : LOCK_SH) | LOCK_NB;
  const auto deadline = std::chrono::steady_clock::now() + wait;
  bool told = false;
  while (::flock(fd, op) != 0) {
    const int err = errno;
    if (err == EINTR) continue;
    if (err == EWOULDBLOCK && std::chrono::steady_clock::now() < deadline) {
      if (!told && while_waiting) while_waiting();
      told = true;
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
      continue;
    }
    ::close(fd);
    if (err == EWOULDBLOCK)
      return Status::IOError("wallet " + Quoted(dir) + " is in use by another wallet command (still after " +
                             std::to_string(wait.count() / 1000) + " s); try again once it has finished");
    return Status::IOError(Quoted(path) + ": lock: " + std::strerror(err));
  }
  return fd;
}

}  // namespace

WalletStore::WalletStore(WalletStore&& o) noexcept
    : dir_(std::move(o.dir_)),
      keys_(std::move(o.keys_)),
      env_(o.env_),
      holder_did_(std::move(o.holder_did_)),
      entries_(std::move(o.entries_)),
      notes_(std::move(o.notes_)),
      index_stale_(o.index_stale_),
      lock_fd_(o.lock_fd_),
      mode_(o.mode_) {
  o.lock_fd_ = -1;
}

WalletStore& WalletStore::operator=(WalletStore&& o) noexcept {
  if (this != &o) {
    if (lock_fd_ >= 0) ::close(lock_fd_);
    dir_ = std::move(o.dir_);
    keys_ = std::move(o.keys_);
    env_ = o.env_;
    holder_did_ = std::move(o.holder_did_);
    entries_ = std::move(o.entries_);
    notes_ = std::move(o.notes_);
    index_stale_ = o.index_stale_;
    lock_fd_ = o.lock_fd_;
    mode_ = o.mode_;
    o.lock_fd_ = -1;
  }
  return *this;
}

WalletStore::~WalletStore() {
  if (lock_fd_ >= 0) ::close(lock_fd_);  // releases the flock
}

Result<WalletStore> WalletStore::Create(const fs::path& dir, const SecretBytes& passphrase,
                                        const KdfParams& kdf, Env& env) {
  if (passphrase.empty()) return Status::InvalidArgument("empty passphrase");
  PSL_RETURN_IF_ERROR(env.CreateDirectories(dir, 0700));
  PSL_ASSIGN_OR_RETURN(int lock_fd, AcquireLock(dir, LockMode::kExclusive, kDefaultLockWait));
  auto release = [&](Status s) {
    ::close(lock_fd);
    return s;
  };
  for (auto name : {kWalletHeaderFile, kHolderKeyFile, kIndexFile}) {
    if (fs::exists(dir / name))
      return release(Status::AlreadyExists(
          "a wallet already exists in " + Quoted(dir) + " (found " + std::string(name) +
          "); refusing to overwrite it"));
  }
  auto key = Ed25519SigningKey::Generate();
  if (!key.ok()) return release(key.status());
  Status s = WriteKeyFile(dir / kHolderKeyFile, *key, passphrase, kdf, env);
  if (!s.ok()) return release(s.Annotate("holder key"));
  if (Status made = env.CreateDirectories(dir / kCredentialsDir, 0700); !made.ok()) return release(made);

  std::string salt = NewStoreSalt();
  auto keys = StoreKeys::Derive(passphrase, salt, kdf);
  if (!keys.ok()) return release(keys.status());
  WalletStore store(dir, std::move(*keys), env);
  store.lock_fd_ = lock_fd;  // the store owns the lock from here on
  store.mode_ = LockMode::kExclusive;
  store.holder_did_ = DidKeyFor(key->public_key());
  PSL_RETURN_IF_ERROR(store.WriteIndex());
  WalletHeader header{kdf, salt, store.keys_.Seal(kCheckLabel, kWalletFormat)};
  // Written last: a folder without wallet.json is not (yet) a wallet.
  PSL_RETURN_IF_ERROR(env.CreateFileExclusive(dir / kWalletHeaderFile, WalletHeaderJson(header)));
  return store;
}

Result<WalletStore> WalletStore::Open(const fs::path& dir, const SecretBytes& passphrase, LockMode mode, Env& env,
                                      std::chrono::milliseconds lock_wait,
                                      const std::function<void()>& while_waiting) {
  // "No wallet" before a lock file is made.
  PSL_RETURN_IF_ERROR(ReadWalletHeader(dir, env).status());
  PSL_ASSIGN_OR_RETURN(int lock_fd, AcquireLock(dir, mode, lock_wait, while_waiting));
  auto fail = [&](Status s) {
    ::close(lock_fd);
    return s;
  };
  // An interrupted passphrase change is finished or undone first, under the
  // exclusive lock (a reader takes it for the repair), before the header is read.
  std::vector<std::string> repaired;
  if (PassphraseChangePending(env, dir)) {
    if (mode == LockMode::kShared && ::flock(lock_fd, LOCK_EX) != 0)
      return fail(Status::IOError("wallet " + Quoted(dir) + ": lock: " + std::strerror(errno)));
    auto notes = RepairPassphraseChange(env, dir);
    if (mode == LockMode::kShared) ::flock(lock_fd, LOCK_SH);
    if (!notes.ok()) return fail(notes.status().Annotate("wallet " + Quoted(dir)));
    repaired = std::move(*notes);
  }
  auto header = ReadWalletHeader(dir, env);
  if (!header.ok()) return fail(header.status());
  auto keys = StoreKeys::Derive(passphrase, header->salt, header->kdf);
  if (!keys.ok()) return fail(keys.status());
  WalletStore store(dir, std::move(*keys), env);
  store.lock_fd_ = lock_fd;
  store.mode_ = mode;
  store.notes_ = std::move(repaired);
  auto check = store.keys_.Open(kCheckLabel, header->check);
  if (!check.ok() || *check != kWalletFormat) {
    // What the repair did tells which passphrase opens the wallet now.
    std::string repairs;
    for (const std::string& note : store.notes_) repairs += "; " + note;
    return Status::PermissionDenied("wallet " + Quoted(dir) + ": wrong passphrase" + repairs);
  }
  PSL_ASSIGN_OR_RETURN(store.holder_did_, ReadHolderDid(dir, env));
  Status index = store.LoadIndex();
  if (!index.ok()) {
    if (index.code() == Code::kIOError || index.code() == Code::kResourceExhausted) return index;
    // The index is only a cache of the credential files: rebuild it.
    store.entries_.clear();
    store.index_stale_ = true;
    store.notes_.push_back(index.message() + "; the index was rebuilt from the credential files");
  }
  PSL_RETURN_IF_ERROR(store.RecoverOrphans());
  return store;
}

Result<std::string> WalletStore::ReadHolderDid(const fs::path& dir, Env& env) {
  fs::path path = dir / kHolderKeyFile;
  if (!fs::exists(path))
    return Status::NotFound("no wallet in " + Quoted(dir) + ": create one with wallet init");
  PSL_ASSIGN_OR_RETURN(Ed25519PublicKey key, ReadKeyFilePublicKey(path, env));
  return DidKeyFor(key);
}

Result<Ed25519SigningKey> WalletStore::HolderKey(const SecretBytes& passphrase) const {
  return ReadKeyFile(dir_ / kHolderKeyFile, passphrase, *env_);
}

fs::path WalletStore::RecordPath(std::string_view record) const {
  return dir_ / kCredentialsDir / (std::string(record) + std::string(kRecordSuffix));
}

Status WalletStore::LoadIndex() {
  fs::path path = dir_ / kIndexFile;
  auto sealed = env_->ReadFileBounded(path, kMaxIndexBytes);
  if (!sealed.ok()) return sealed.status().Annotate("wallet index");
  auto plain = keys_.Open(kIndexLabel, *sealed);
  if (!plain.ok()) return plain.status().Annotate("wallet index " + Quoted(path));
  auto parsed = ParseJson(*plain, JsonLimits{kMaxIndexBytes, 16});
  if (!parsed.ok()) return parsed.status().Annotate("wallet index");
  const json* entries = FindMember(*parsed, "entries");
  if (FindMember(*parsed, "format") == nullptr || *FindMember(*parsed, "format") != kIndexFormat ||
      entries == nullptr || !entries->is_array())
    return Status::Malformed("wallet index " + Quoted(path) + ": not a " + std::string(kIndexFormat) + " index");
  entries_.clear();
  for (std::size_t i = 0; i < entries->size(); ++i) {
    PSL_ASSIGN_OR_RETURN(IndexEntry e, EntryFromJson((*entries)[i], "wallet index /entries/" + std::to_string(i)));
    entries_.push_back(std::move(e));
  }
  return Status::Ok();
}

Result<std::vector<std::string>> WalletStore::IssuerDocuments() const {
  fs::path path = dir_ / kIssuersFile;
  std::vector<std::string> out;
  if (!fs::exists(path)) return out;
  PSL_ASSIGN_OR_RETURN(std::string sealed, env_->ReadFileBounded(path, kMaxIssuersBytes));
  auto plain = keys_.Open(kIssuersLabel, sealed);
  if (!plain.ok()) return plain.status().Annotate("wallet issuers " + Quoted(path));
  auto parsed = ParseJson(*plain, JsonLimits{kMaxIssuersBytes, 32});
  if (!parsed.ok()) return parsed.status().Annotate("wallet issuers");
  const json* documents = FindMember(*parsed, "documents");
  const json* format = FindMember(*parsed, "format");
  if (format == nullptr || *format != kIssuersFormat || documents == nullptr || !documents->is_array())
    return Status::Malformed("wallet issuers " + Quoted(path) + ": not a " + std::string(kIssuersFormat) + " file");
  for (const json& d : *documents) out.push_back(DumpJson(d));
  return out;
}

Status WalletStore::KeepIssuerDocument(std::string_view did_document_json) {
  if (mode_ != LockMode::kExclusive) return Status::InvalidArgument("the wallet was opened read-only");
  PSL_ASSIGN_OR_RETURN(json incoming, ParseJson(did_document_json, JsonLimits{1 << 20, 32}));
  PSL_ASSIGN_OR_RETURN(DidDocument parsed, ParseDidDocument(incoming));
  PSL_ASSIGN_OR_RETURN(std::vector<std::string> kept, IssuerDocuments());
  json documents = json::array();
  for (const std::string& text : kept) {
    json d = json::parse(text);
    if (const json* id = FindMember(d, "id"); id != nullptr && *id == parsed.id) continue;  // replaced
    documents.push_back(std::move(d));
  }
  documents.push_back(std::move(incoming));
  json file = {{"format", kIssuersFormat}, {"documents", std::move(documents)}};
  return env_->WriteFileAtomic(dir_ / kIssuersFile, keys_.Seal(kIssuersLabel, DumpJson(file)))
      .Annotate("wallet issuers");
}

Status WalletStore::WriteIndex() const {
  json entries = json::array();
  for (const auto& e : entries_) entries.push_back(EntryToJson(e));
  json index = {{"format", kIndexFormat}, {"entries", std::move(entries)}};
  return env_->WriteFileAtomic(dir_ / kIndexFile, keys_.Seal(kIndexLabel, DumpJson(index)));
}

Status WalletStore::RecoverOrphans() {
  fs::path folder = dir_ / kCredentialsDir;
  auto listed = env_->ListDirectory(folder);
  if (!listed.ok()) return Status::IOError(listed.status().message());
  std::vector<std::string> names;
  for (const std::string& name : *listed) {
    if (IsTemporaryFileName(name)) {
      // A write that never reached its rename (the exclusive lock says no
      // one is writing now): nothing refers to it.
      if (mode_ == LockMode::kExclusive && env_->RemoveFile(folder / name).ok())
        notes_.push_back("removed credentials/" + name + ", left by an import that was interrupted while writing");
      continue;
    }
    if (name.size() <= kRecordSuffix.size() || !name.ends_with(kRecordSuffix)) continue;
    names.push_back(name.substr(0, name.size() - kRecordSuffix.size()));
  }
  if (mode_ == LockMode::kExclusive) {
    // The index, issuers and header files' own interrupted replacements.
    auto removed = RemoveInterruptedWrites(*env_, dir_);
    if (!removed.ok()) return Status::IOError(removed.status().message());
    for (const auto& name : *removed)
      notes_.push_back("removed " + name + ", left by a write that was interrupted (the file it would have replaced is intact)");
  }
  bool changed = false;
  const bool rebuilt = index_stale_;  // a rebuilt index already says so once
  for (const auto& record : names) {
    bool known = std::any_of(entries_.begin(), entries_.end(),
                             [&](const IndexEntry& e) { return e.record == record; });
    if (known) continue;
    IndexEntry probe;
    probe.record = record;
    auto stored = Load(probe);
    if (!stored.ok()) {  // not ours or damaged: never listed, never deleted
      notes_.push_back("credentials/" + record + std::string(kRecordSuffix) + ": " + stored.status().message() +
                       "; left aside");
      continue;
    }
    entries_.push_back(std::move(stored->entry));
    if (!rebuilt)
      notes_.push_back("credentials/" + record + std::string(kRecordSuffix) +
                       " was stored by an import interrupted before the index listed it: added to the index");
    changed = true;
  }
  if (changed) {
    index_stale_ = true;
    std::stable_sort(entries_.begin(), entries_.end(),
                     [](const IndexEntry& a, const IndexEntry& b) { return a.imported_at < b.imported_at; });
  }
  if (!index_stale_) return Status::Ok();
  if (mode_ == LockMode::kExclusive) {
    PSL_RETURN_IF_ERROR(WriteIndex());
    index_stale_ = false;
  } else if (::flock(lock_fd_, LOCK_EX | LOCK_NB) == 0) {
    // A reader with the folder to itself writes the repair back too.
    Status written = WriteIndex();
    ::flock(lock_fd_, LOCK_SH);
    PSL_RETURN_IF_ERROR(written);
    index_stale_ = false;
  }
  return Status::Ok();
}

Result<std::string> WalletStore::IdentityOf(std::string_view credential_json) {
  PSL_ASSIGN_OR_RETURN(json vc, ParseJson(credential_json, JsonLimits{kMaxStoredCredentialBytes, 64}));
  if (const json* id = FindMember(vc, "id"); id != nullptr && id->is_string())
    return "id:" + id->get<std::string>();
  PSL_ASSIGN_OR_RETURN(std::string canonical, CanonicalizeJson(vc));
  return "jcs-sha256:" + Sha256Hex(canonical);
}

Result<const IndexEntry*> WalletStore::FindDuplicate(std::string_view credential_json) const {
  PSL_ASSIGN_OR_RETURN(std::string identity, IdentityOf(credential_json));
  std::string record = keys_.RecordName(identity);
  for (const auto& e : entries_)
    if (e.record == record) return &e;
  return static_cast<const IndexEntry*>(nullptr);
}

Result<IndexEntry> WalletStore::Add(std::string_view credential_json, const CredentialSummary& summary,
                                    std::string_view source) {
  if (mode_ != LockMode::kExclusive)
    return Status::InvalidArgument("wallet: the store was opened read-only");
  PSL_ASSIGN_OR_RETURN(std::string identity, IdentityOf(credential_json));
  IndexEntry entry{keys_.RecordName(identity), FormatDateTime(env_->Now()), std::string(source), summary};
  json record = {{"format", kRecordFormat},
                 {"entry", EntryToJson(entry)},
                 {"credential", std::string(credential_json)}};
  Status created = env_->CreateFileExclusive(RecordPath(entry.record),
                                             keys_.Seal(RecordLabel(entry.record), DumpJson(record)));
  if (created.code() == Code::kAlreadyExists)
    return Status::AlreadyExists("the wallet already holds this credential (" + entry.record.substr(0, 8) + ")");
  PSL_RETURN_IF_ERROR(created);
  entries_.push_back(entry);
  Status indexed = WriteIndex();
  if (!indexed.ok())
    return indexed.Annotate("credential stored, but the index was not updated (the next command repairs it)");
  return entry;
}

Result<IndexEntry> WalletStore::Find(std::string_view id) const {
  if (id.empty()) return Status::InvalidArgument("empty credential ID");
  const IndexEntry* found = nullptr;
  for (const auto& e : entries_)
    if (!e.summary.credential_id.empty() && e.summary.credential_id == id) return e;
  bool hex = std::all_of(id.begin(), id.end(), [](char c) { return std::isxdigit(static_cast<unsigned char>(c)); });
  if (!hex)
    return Status::NotFound("no credential \"" + std::string(id) + "\" in the wallet");
  if (id.size() < kMinPrefix)
    return Status::InvalidArgument("credential ID \"" + std::string(id) + "\" is too short: give at least " +
                                   std::to_string(kMinPrefix) + " characters");
  std::string lower(id);
  for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const auto& e : entries_) {
    if (e.record.rfind(lower, 0) != 0) continue;
    if (found != nullptr)
      return Status::InvalidArgument("credential ID \"" + std::string(id) + "\" is ambiguous: give more characters");
    found = &e;
  }
  if (found == nullptr) return Status::NotFound("no credential \"" + std::string(id) + "\" in the wallet");
  return *found;
}

Result<StoredCredential> WalletStore::Load(const IndexEntry& entry) const {
  fs::path path = RecordPath(entry.record);
  auto sealed = env_->ReadFileBounded(path, 2 * kMaxStoredCredentialBytes + 64 * 1024);
  if (!sealed.ok()) return sealed.status();
  auto plain = keys_.Open(RecordLabel(entry.record), *sealed);
  if (!plain.ok()) return plain.status().Annotate("credential " + entry.record.substr(0, 8));
  auto parsed = ParseJson(*plain, JsonLimits{4 * kMaxStoredCredentialBytes, 16});
  if (!parsed.ok()) return parsed.status().Annotate("credential " + entry.record.substr(0, 8));
  const json* format = FindMember(*parsed, "format");
  const json* e = FindMember(*parsed, "entry");
  const json* credential = FindMember(*parsed, "credential");
  if (format == nullptr || *format != kRecordFormat || e == nullptr || credential == nullptr ||
      !credential->is_string())
    return Status::Malformed("credential " + entry.record.substr(0, 8) + ": not a wallet record");
  PSL_ASSIGN_OR_RETURN(IndexEntry stored_entry, EntryFromJson(*e, "credential " + entry.record.substr(0, 8)));
  if (stored_entry.record != entry.record)
    return Status::Malformed("credential " + entry.record.substr(0, 8) + ": the record names another file");
  return StoredCredential{std::move(stored_entry), credential->get<std::string>()};
}

}  // namespace passerelle::wallet

namespace passerelle::wallet {

Result<std::size_t> WalletStore::ChangePassphrase(const SecretBytes& old_passphrase,
                                                  const SecretBytes& new_passphrase) {
  if (mode_ != LockMode::kExclusive) return Status::InvalidArgument("wallet: the store was opened read-only");
  if (new_passphrase.empty()) return Status::InvalidArgument("empty new passphrase");
  // Everything is read and checked before anything is written.
  PSL_ASSIGN_OR_RETURN(WalletHeader header, ReadWalletHeader(dir_, *env_));
  auto holder = HolderKey(old_passphrase);
  if (!holder.ok()) return holder.status().Annotate("holder key");
  std::vector<StoredCredential> stored;
  for (const IndexEntry& e : entries_) {
    PSL_ASSIGN_OR_RETURN(StoredCredential c, Load(e));
    stored.push_back(std::move(c));
  }
  PSL_ASSIGN_OR_RETURN(std::vector<std::string> issuers, IssuerDocuments());
  const bool has_issuers = fs::exists(dir_ / kIssuersFile);

  WalletHeader next{header.kdf, NewStoreSalt(), {}};
  PSL_ASSIGN_OR_RETURN(StoreKeys keys, StoreKeys::Derive(new_passphrase, next.salt, next.kdf));
  next.check = keys.Seal(kCheckLabel, kWalletFormat);
  PassphraseChangePlan plan;
  std::vector<IndexEntry> entries;
  for (StoredCredential& c : stored) {
    PSL_ASSIGN_OR_RETURN(std::string identity, IdentityOf(c.credential_json));
    plan.old_records.push_back(c.entry.record);
    c.entry.record = keys.RecordName(identity);
    plan.new_records.push_back(c.entry.record);
    entries.push_back(c.entry);
  }
  const std::string not_made = "passphrase change not made (the previous passphrase still opens the wallet)";
  PSL_RETURN_IF_ERROR(WritePassphraseChangePlan(*env_, dir_, plan).Annotate(not_made));
  for (const StoredCredential& c : stored) {
    json record = {{"format", kRecordFormat}, {"entry", EntryToJson(c.entry)}, {"credential", c.credential_json}};
    PSL_RETURN_IF_ERROR(env_->CreateFileExclusive(RecordPath(c.entry.record),
                                                  keys.Seal(RecordLabel(c.entry.record), DumpJson(record)))
                            .Annotate(not_made));
  }
  json index_entries = json::array();
  for (const auto& e : entries) index_entries.push_back(EntryToJson(e));
  json index = {{"format", kIndexFormat}, {"entries", std::move(index_entries)}};
  const std::string next_suffix(kNextSuffix);
  PSL_RETURN_IF_ERROR(env_->WriteFileAtomic(dir_ / (std::string(kIndexFile) + next_suffix),
                                            keys.Seal(kIndexLabel, DumpJson(index)))
                          .Annotate(not_made));
  if (has_issuers) {
    json documents = json::array();
    for (const std::string& d : issuers) documents.push_back(json::parse(d));
    json file = {{"format", kIssuersFormat}, {"documents", std::move(documents)}};
    PSL_RETURN_IF_ERROR(env_->WriteFileAtomic(dir_ / (std::string(kIssuersFile) + next_suffix),
                                              keys.Seal(kIssuersLabel, DumpJson(file)))
                            .Annotate(not_made));
  }
  const fs::path next_key = dir_ / (std::string(kHolderKeyFile) + next_suffix);
  PSL_RETURN_IF_ERROR(env_->RemoveFile(next_key).Annotate(not_made));
  PSL_RETURN_IF_ERROR(WriteKeyFile(next_key, *holder, new_passphrase, header.kdf, *env_).Annotate(not_made));
  const std::string header_json = WalletHeaderJson(next);
  Status committed = CommitPassphraseChange(*env_, dir_, header_json);
  auto on_disk = env_->ReadFileBounded(dir_ / kWalletHeaderFile, 64 * 1024);
  if (on_disk.ok() && *on_disk == header_json) {
    // From the switch on the new keys are the wallet's, whatever tidying failed.
    keys_ = std::move(keys);
    entries_ = std::move(entries);
  } else if (!committed.ok()) {
    // Not switched: remove what was written now if the disk lets us (else
    // the next Open does).
    (void)RepairPassphraseChange(*env_, dir_);
  }
  PSL_RETURN_IF_ERROR(committed);
  return entries_.size();
}

}  // namespace passerelle::wallet
