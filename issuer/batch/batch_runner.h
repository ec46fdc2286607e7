// Passerelle — issuing a cohort: the engine behind `issuer batch`.
//
// For each good trainee row: one module credential per passed module, then a
// certification when every mandatory module is passed (listing the module
// credentials). Each credential has an idempotency key (issuer|trainee|code)
// that the store records in the same transaction as the register entry, so
// running the same batch again issues nothing twice.
//
// Crash safety: signing runs on `threads` threads (Issuer::SignForBatch); a
// committer commits what is signed in groups (Issuer::CommitBatch, one
// synced transaction each) and only then writes
// OUT/<trainee>/<code>.json (tmp + rename, through options.env, not fsync'd:
// the register is the durable copy). The register keeps the signed
// bytes, so a re-run rewrites any file missing for a recorded credential;
// a credential that was signed but not committed is simply signed again.
// Not thread-safe (one batch at a time per call; several processes may run
// against one store: the store settles who issues).
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

#include "env/env.h"
#include "formats/data_integrity.h"
#include "formats/status.h"
#include "issuer/batch/progress.h"
#include "issuer/batch/trainees.h"
#include "issuer/programme_files.h"
#include "issuer/service/issuer.h"

namespace passerelle::batch {

struct BatchOptions {
  Cryptosuite suite = Cryptosuite::kEddsaRdfc2022;
  int threads = 2;               // signing threads
  std::size_t max_group = 512;   // credentials per commit at most
  std::string actor = "batch";
  ProgressBar* progress = nullptr;  // may be null
  Env* env = &Env::Default();       // where the credential files are written; never null
};

struct BatchFailure {
  std::size_t line = 0;
  std::string trainee, code, message;
};

struct BatchSummary {
  std::size_t rows = 0, bad_rows = 0;
  std::size_t credentials = 0;  // every credential the good rows stand for
  std::size_t issued_modules = 0, issued_certifications = 0;
  std::size_t already_issued = 0;  // found in the register (earlier runs)
  std::size_t files_restored = 0;  // rewritten from the register
  std::vector<BatchFailure> failures;
  double seconds = 0;
  std::size_t issued() const { return issued_modules + issued_certifications; }
};

// Runs the batch for the good rows of `table`, issuing through `issuer`
// (which needs its store and a public URL). Errors (the batch stopped;
// what was committed stays committed): kIOError, kResourceExhausted from the
// store or the output folder; kNotFound for an issuer without a store.
Result<BatchSummary> RunCohortBatch(const ProgrammeBundle& bundle, const TraineeTable& table,
                                    const std::filesystem::path& out_dir, Issuer& issuer,
                                    const BatchOptions& options);

// Writes a credential file: `path`'s folder is created when missing, then
// env.WriteFileAtomic with Durability::kRenameOnly (mode 0644) — a reader
// sees the old file or the new one, never a torn one, but the write is not
// fsync'd: the register is the durable copy, and a re-run restores a file a
// crash lost. Errors: kIOError naming the file and the failing step.
Status WriteCredentialFile(Env& env, const std::filesystem::path& path, std::string_view bytes);

}  // namespace passerelle::batch
