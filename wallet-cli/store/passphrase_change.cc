// Passerelle wallet — the passphrase change's files: plan, commit, finish, undo.
#include "wallet-cli/store/passphrase_change.h"

#include <fcntl.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include <nlohmann/json.hpp>

#include "env/interrupted_writes.h"
#include "formats/json.h"
#include "wallet-cli/store/wallet_header.h"

namespace passerelle::wallet {

using nlohmann::json;
namespace fs = std::filesystem;

namespace {

constexpr std::string_view kPlanFormat = "passerelle-wallet-passphrase-change/v1";
constexpr std::size_t kMaxPlanBytes = 8 * 1024 * 1024;
// The files replaced through a ".next" sibling, wallet.json (the commit) apart.
constexpr std::string_view kReplacedFiles[] = {"index.pws", "issuers.pws", "holder.key"};
constexpr std::string_view kCredentialsDir = "credentials";
constexpr std::string_view kRecordSuffix = ".pws";

fs::path Next(const fs::path& dir, std::string_view name) { return dir / (std::string(name) + std::string(kNextSuffix)); }
fs::path Record(const fs::path& dir, const std::string& record) {
  return dir / kCredentialsDir / (record + std::string(kRecordSuffix));
}

// A record name as the plan may hold it: 32 lowercase hex digits.
bool IsRecordName(const std::string& s) {
  return s.size() == 32 && std::all_of(s.begin(), s.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

// rename(2) through the Env, then an fsync of the folder, so the move
// outlives a crash. A missing `from` is not an error (moved already).
Status MoveDurably(Env& env, const fs::path& from, const fs::path& to) {
  int rc = env.Rename(from, to);
  if (rc == -ENOENT) return Status::Ok();
  if (rc < 0)
    return Status::IOError("\"" + from.string() + "\": rename to \"" + to.string() + "\": " + std::strerror(-rc));
  int fd = env.Open(to.parent_path(), O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
  if (fd < 0) return Status::IOError("\"" + to.parent_path().string() + "\": open folder: " + std::strerror(-fd));
  rc = env.Fsync(fd);
  env.Close(fd);
  if (rc < 0) return Status::IOError("\"" + to.parent_path().string() + "\": fsync folder: " + std::strerror(-rc));
  return Status::Ok();
}

Result<PassphraseChangePlan> ReadPlan(Env& env, const fs::path& dir) {
  fs::path path = dir / kPassphraseChangeFile;
  PSL_ASSIGN_OR_RETURN(std::string text, env.ReadFileBounded(path, kMaxPlanBytes));
  std::string where = "\"" + path.string() + "\"";
  auto parsed = ParseJson(text, JsonLimits{kMaxPlanBytes, 4});
  if (!parsed.ok()) return parsed.status().Annotate(where);
  const json* format = FindMember(*parsed, "format");
  if (format == nullptr || *format != kPlanFormat)
    return Status::Malformed(where + ": not a " + std::string(kPlanFormat) + " file");
  PassphraseChangePlan plan;
  for (auto [member, out] : {std::pair{"oldRecords", &plan.old_records}, std::pair{"newRecords", &plan.new_records}}) {
    const json* list = FindMember(*parsed, member);
    if (list == nullptr || !list->is_array()) return Status::Malformed(where + ": missing " + member);
    for (const json& r : *list) {
      if (!r.is_string() || !IsRecordName(r.get<std::string>()))
        return Status::Malformed(where + ": " + member + " holds something other than a record name");
      out->push_back(r.get<std::string>());
    }
  }
  return plan;
}

// Step 5, idempotent: every step may already have been done by a run that
// was killed.
Status Finish(Env& env, const fs::path& dir, const PassphraseChangePlan& plan) {
  for (std::string_view name : kReplacedFiles) PSL_RETURN_IF_ERROR(MoveDurably(env, Next(dir, name), dir / name));
  for (const std::string& record : plan.old_records) {
    // Never a file of the new generation (a name clash would take 2^128 tries).
    if (std::find(plan.new_records.begin(), plan.new_records.end(), record) != plan.new_records.end()) continue;
    PSL_RETURN_IF_ERROR(env.RemoveFile(Record(dir, record)));
  }
  PSL_RETURN_IF_ERROR(env.RemoveFile(dir / kPassphraseChangeFile));
  return env.RemoveFile(Next(dir, kWalletHeaderFile));
}

// Undoes an uncommitted change: the .next files first (wallet.json.next
// among them), then the new credential files, the plan last.
Status Undo(Env& env, const fs::path& dir, const PassphraseChangePlan& plan) {
  PSL_RETURN_IF_ERROR(env.RemoveFile(Next(dir, kWalletHeaderFile)));
  for (std::string_view name : kReplacedFiles) PSL_RETURN_IF_ERROR(env.RemoveFile(Next(dir, name)));
  for (const std::string& record : plan.new_records) {
    if (std::find(plan.old_records.begin(), plan.old_records.end(), record) != plan.old_records.end()) continue;
    PSL_RETURN_IF_ERROR(env.RemoveFile(Record(dir, record)));
  }
  return env.RemoveFile(dir / kPassphraseChangeFile);
}

}  // namespace

Status WritePassphraseChangePlan(Env& env, const fs::path& dir, const PassphraseChangePlan& plan) {
  json file = {{"format", kPlanFormat}, {"oldRecords", plan.old_records}, {"newRecords", plan.new_records}};
  return env.WriteFileAtomic(dir / kPassphraseChangeFile, DumpJsonPretty(file) + "\n")
      .Annotate("passphrase change: plan");
}

Status CommitPassphraseChange(Env& env, const fs::path& dir, std::string_view header_json) {
  PSL_ASSIGN_OR_RETURN(PassphraseChangePlan plan, ReadPlan(env, dir));
  if (Status s = env.WriteFileAtomic(Next(dir, kWalletHeaderFile), header_json); !s.ok())
    return s.Annotate("passphrase change not made (the previous passphrase still opens the wallet)");
  if (Status s = env.WriteFileAtomic(dir / kWalletHeaderFile, header_json); !s.ok()) {
    // A failure after the rename (the folder's fsync) leaves the switch made.
    auto now = env.ReadFileBounded(dir / kWalletHeaderFile, 64 * 1024);
    if (now.ok() && *now == header_json)
      return s.Annotate("passphrase changed, but not yet durably (the next command finishes it)");
    return s.Annotate("passphrase change not made (the previous passphrase still opens the wallet)");
  }
  return Finish(env, dir, plan)
      .Annotate("passphrase changed, but tidying up failed (the next command finishes it)");
}

bool PassphraseChangePending(Env& env, const fs::path& dir) {
  auto names = env.ListDirectory(dir);
  if (!names.ok()) return false;
  const std::string next_header = std::string(kWalletHeaderFile) + std::string(kNextSuffix);
  return std::any_of(names->begin(), names->end(),
                     [&](const std::string& n) { return n == kPassphraseChangeFile || n == next_header; });
}

Result<std::vector<std::string>> RepairPassphraseChange(Env& env, const fs::path& dir) {
  std::vector<std::string> notes;
  auto next_header = env.ReadFileBounded(Next(dir, kWalletHeaderFile), 64 * 1024);
  if (!next_header.ok() && next_header.status().code() != Code::kNotFound) return next_header.status();
  auto header = env.ReadFileBounded(dir / kWalletHeaderFile, 64 * 1024);
  if (!header.ok()) return header.status();
  const bool committed = next_header.ok() && *next_header == *header;
  auto plan = ReadPlan(env, dir);
  if (!plan.ok()) {
    if (plan.status().code() != Code::kNotFound) return plan.status();
    // No plan: only wallet.json.next can be left, by a finish killed at its
    // last step (or, not committed, by hand).
    if (next_header.ok()) {
      PSL_RETURN_IF_ERROR(env.RemoveFile(Next(dir, kWalletHeaderFile)));
      notes.push_back(committed ? "a passphrase change was interrupted at its last step: finished it"
                                : "removed wallet.json.next, which no passphrase change refers to");
    }
    return notes;
  }
  // A kill inside a write of the change leaves its temporary file too (in
  // the folder, or among the credentials): removed with the rest, even by a
  // reader, since the change held the lock the repair now holds.
  std::size_t temporaries = 0;
  for (const fs::path& folder : {dir, dir / kCredentialsDir}) {
    PSL_ASSIGN_OR_RETURN(std::vector<std::string> removed, RemoveInterruptedWrites(env, folder));
    temporaries += removed.size();
  }
  const std::string also =
      temporaries == 0 ? "" : "; " + std::to_string(temporaries) + " temporary file(s) of an interrupted write removed";
  if (committed) {
    PSL_RETURN_IF_ERROR(Finish(env, dir, *plan));
    notes.push_back("a passphrase change was interrupted after the switch: finished it (" +
                    std::to_string(plan->old_records.size()) +
                    " old credential files removed); the new passphrase opens the wallet" + also);
  } else {
    PSL_RETURN_IF_ERROR(Undo(env, dir, *plan));
    notes.push_back("a passphrase change was interrupted before the switch: undone (the files it had written "
                    "were removed); the previous passphrase still opens the wallet" + also);
  }
  return notes;
}

}  // namespace passerelle::wallet
