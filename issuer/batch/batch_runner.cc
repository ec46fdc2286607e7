// Passerelle — the cohort batch engine.
#include "issuer/batch/batch_runner.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

#include "formats/profile.h"
#include "issuer/batch/credentials.h"

namespace passerelle::batch {

namespace {

struct Item {
  const TraineeRow* row = nullptr;
  const ModuleGrade* grade = nullptr;   // null: the certification
  std::string code;                     // module code, or the programme code
  std::string key;                      // idempotency key
  std::filesystem::path file;
  std::vector<std::string> parts;       // certification: module credential ids
};

struct Signed {
  Item* item;
  std::unique_ptr<SignedIssuance> issuance;
};

class Engine {
 public:
  Engine(const ProgrammeBundle& bundle, const std::filesystem::path& out, Issuer& issuer,
         const BatchOptions& options, BatchSummary& summary)
      : bundle_(bundle), out_(out), issuer_(issuer), options_(options), summary_(summary) {}

  // Sorts `items` into already issued (restoring missing files) and to do.
  Result<std::vector<Item*>> Triage(std::vector<Item>& items) {
    std::vector<Item*> todo;
    for (auto& item : items) {
      PSL_ASSIGN_OR_RETURN(auto id, issuer_.FindByIdempotencyKey(item.key));
      if (!id) {
        todo.push_back(&item);
        continue;
      }
      ++summary_.already_issued;
      PSL_RETURN_IF_ERROR(EnsureFile(*id, item.file));
      Progress();
    }
    return todo;
  }

  // Signs `todo` on the worker threads and commits in groups.
  Status Issue(const std::vector<Item*>& todo) {
    if (todo.empty()) return Status::Ok();
    // Reserve ahead in bounded chunks: what a crash leaves reserved is
    // never used again, so keep that small.
    PSL_RETURN_IF_ERROR(issuer_.PrefetchSlots(std::min<std::size_t>(todo.size(), 2048)));
    std::atomic<std::size_t> next{0};
    std::atomic<bool> abort{false};
    std::size_t produced = 0;  // signed or failed; guarded by mu_
    auto worker = [&] {
      for (;;) {
        std::size_t i = next++;
        if (i >= todo.size() || abort) return;
        auto signed_item = Sign(*todo[i]);
        std::unique_lock<std::mutex> lock(mu_);
        space_cv_.wait(lock, [&] { return ready_.size() < 4 * options_.max_group || abort; });
        if (signed_item.ok()) {
          ready_.push_back({todo[i], std::move(*signed_item)});
        } else {
          const Item& it = *todo[i];
          failed_.push_back({it.row->line, it.row->trainee_id, it.code, signed_item.status().message()});
        }
        ++produced;
        ready_cv_.notify_one();
      }
    };
    std::vector<std::thread> threads;
    int n = options_.threads < 1 ? 1 : options_.threads;
    for (int t = 0; t < n; ++t) threads.emplace_back(worker);

    Status result;
    while (result.ok()) {
      std::vector<Signed> group;
      std::vector<BatchFailure> failed;
      {
        std::unique_lock<std::mutex> lock(mu_);
        ready_cv_.wait(lock, [&] { return !ready_.empty() || !failed_.empty() || produced == todo.size(); });
        failed.swap(failed_);
        if (ready_.empty() && failed.empty() && produced == todo.size()) break;
        while (!ready_.empty() && group.size() < options_.max_group) {
          group.push_back(std::move(ready_.front()));
          ready_.pop_front();
        }
        space_cv_.notify_all();
      }
      for (auto& f : failed) {
        summary_.failures.push_back(std::move(f));
        Progress();
      }
      result = Commit(group);
    }
    if (!result.ok()) {
      abort = true;
      space_cv_.notify_all();
    }
    for (auto& t : threads) t.join();
    return result;
  }

  Status EnsureFile(const std::string& id, const std::filesystem::path& file) {
    std::error_code ec;
    if (std::filesystem::exists(file, ec)) return Status::Ok();
    PSL_ASSIGN_OR_RETURN(std::string bytes, issuer_.FindDocument(id));
    PSL_RETURN_IF_ERROR(WriteCredentialFile(*options_.env, file, bytes));
    ++summary_.files_restored;
    return Status::Ok();
  }

  void StartProgress(std::size_t total) {
    if (options_.progress != nullptr) options_.progress->Start(total);
  }
  void Progress() {
    ++done_;
    if (options_.progress != nullptr) options_.progress->Update(done_);
  }

 private:
  Result<std::unique_ptr<SignedIssuance>> Sign(const Item& item) {
    IssuerDir folder = issuer_.folder();
    IssuerIdentity identity{folder.did, folder.name, folder.country};
    Result<nlohmann::json> credential =
        item.grade != nullptr
            ? BuildRowModuleCredential(bundle_.programme, identity, *item.row, *item.grade, NewCredentialId())
            : BuildRowCertification(bundle_.programme, identity, *item.row, item.parts, NewCredentialId());
    if (!credential.ok()) return credential.status();
    IssueRequest request;
    request.credential = std::move(*credential);
    request.suite = options_.suite;
    request.actor = options_.actor;
    request.kind = item.grade != nullptr ? "module" : "certification";
    request.programme = bundle_.programme.code;
    request.module = item.grade != nullptr ? item.code : std::string();
    request.trainee = item.row->trainee_id;
    request.idempotency_key = item.key;
    return issuer_.SignForBatch(std::move(request));
  }

  Status Commit(std::vector<Signed>& group) {
    if (group.empty()) return Status::Ok();
    std::vector<store::PendingIssuance*> pending;
    for (auto& s : group) pending.push_back(&s.issuance->pending);
    PSL_RETURN_IF_ERROR(issuer_.CommitBatch(pending));
    // Durable now: write the files.
    for (auto& s : group) {
      const Status& outcome = s.issuance->pending.outcome;
      if (outcome.ok()) {
        PSL_RETURN_IF_ERROR(WriteCredentialFile(*options_.env, s.item->file, s.issuance->pending.document));
        ++(s.item->grade != nullptr ? summary_.issued_modules : summary_.issued_certifications);
      } else if (outcome.code() == Code::kAlreadyExists) {
        // Another run issued this pair meanwhile: keep theirs.
        PSL_ASSIGN_OR_RETURN(auto id, issuer_.FindByIdempotencyKey(s.item->key));
        ++summary_.already_issued;
        if (id) PSL_RETURN_IF_ERROR(EnsureFile(*id, s.item->file));
      } else {
        summary_.failures.push_back({s.item->row->line, s.item->row->trainee_id, s.item->code, outcome.message()});
      }
      Progress();
    }
    return Status::Ok();
  }

  const ProgrammeBundle& bundle_;
  const std::filesystem::path& out_;
  Issuer& issuer_;
  const BatchOptions& options_;
  BatchSummary& summary_;
  std::size_t done_ = 0;
  std::mutex mu_;
  std::condition_variable ready_cv_, space_cv_;
  std::deque<Signed> ready_;          // guarded by mu_
  std::vector<BatchFailure> failed_;  // guarded by mu_
};

}  // namespace

Status WriteCredentialFile(Env& env, const std::filesystem::path& path, std::string_view bytes) {
  PSL_RETURN_IF_ERROR(env.CreateDirectories(path.parent_path(), 0777));  // the umask decides, as before
  return env.WriteFileAtomic(path, bytes, WriteOptions{0644, Durability::kRenameOnly});
}

Result<BatchSummary> RunCohortBatch(const ProgrammeBundle& bundle, const TraineeTable& table,
                                    const std::filesystem::path& out_dir, Issuer& issuer,
                                    const BatchOptions& options) {
  auto started = std::chrono::steady_clock::now();
  BatchSummary summary;
  summary.rows = table.data_rows;
  summary.bad_rows = table.errors.size();
  if (!issuer.has_store()) return Status::NotFound("batch: this issuer has no store to keep a register in");
  std::string did = issuer.folder().did;
  Engine engine(bundle, out_dir, issuer, options, summary);

  // Phase 1: module credentials. Phase 2: certifications, which list the
  // module credentials' ids as the register knows them.
  std::vector<Item> modules;
  std::vector<const TraineeRow*> certified;
  for (const auto& row : table.rows) {
    for (const auto& g : row.grades)
      if (g.passed)
        modules.push_back({&row, &g, g.module, IdempotencyKey(did, row.trainee_id, g.module),
                           out_dir / row.trainee_id / (g.module + ".json"), {}});
    if (EarnsCertification(row, bundle.programme)) certified.push_back(&row);
  }
  summary.credentials = modules.size() + certified.size();
  engine.StartProgress(summary.credentials);
  PSL_ASSIGN_OR_RETURN(std::vector<Item*> todo, engine.Triage(modules));
  PSL_RETURN_IF_ERROR(engine.Issue(todo));

  std::vector<Item> certs;
  const std::string& code = bundle.programme.code;
  for (const TraineeRow* row : certified) {
    Item cert{row, nullptr, code, IdempotencyKey(did, row->trainee_id, code),
              out_dir / row->trainee_id / (code + ".json"), {}};
    bool complete = true;
    for (const auto& g : row->grades) {
      if (!g.passed) continue;
      PSL_ASSIGN_OR_RETURN(auto id, issuer.FindByIdempotencyKey(IdempotencyKey(did, row->trainee_id, g.module)));
      if (!id) {
        complete = false;  // its module failed above (reported there)
        break;
      }
      cert.parts.push_back(*id);
    }
    if (complete) certs.push_back(std::move(cert));
    else summary.failures.push_back({row->line, row->trainee_id, code, "not issued: a module credential is missing"});
  }
  PSL_ASSIGN_OR_RETURN(todo, engine.Triage(certs));
  PSL_RETURN_IF_ERROR(engine.Issue(todo));

  // One sync for every file written (they can be rewritten from the
  // register, but a finished batch should leave them on disk).
  // Best effort, as the files themselves are: the register is the durable copy.
  (void)options.env->SyncFileSystemOf(out_dir);
  if (options.progress != nullptr) options.progress->Finish();
  summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return summary;
}

}  // namespace passerelle::batch
