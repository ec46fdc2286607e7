// Passerelle — the environment seam: the clock and every durable file operation.
//
// Keys, the issuer folder, the verifier's caches and the wallet store reach the
// clock and the file system only through an Env, so there is one durable-write
// implementation in the tree and tests can substitute a fixed clock or a file
// system that fails (tests/testing/failing_env.h).
//
// An Env has two layers. The operations (Now, WriteFileAtomic,
// CreateFileExclusive, ReadFileBounded, CreateDirectories, RemoveFile,
// ListDirectory) are what callers use; they are written once, in env/env.cc, on
// top of a handful of POSIX-shaped primitives (Open, Write, Fsync, Rename, …)
// that an implementation supplies. Env::Default() supplies them from the
// operating system (env/posix_env.h); a test double overrides a primitive to
// return ENOSPC, EIO, a short write or a failed fsync, and the real algorithm
// runs on top of it.
//
// Errors are Status values naming the path and the failing step
// ("\"wallet/index.pws.tmp-12-0\": fsync: Input/output error"); nothing throws.
// Env::Default() is stateless and thread-safe; the operations are thread-safe
// for distinct paths on a thread-safe Env.
#pragma once

#include <sys/stat.h>
#include <sys/types.h>

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "formats/datetime.h"
#include "formats/status.h"

namespace passerelle {

// How WriteFileAtomic makes a replacement last.
enum class Durability {
  // The new bytes, then the rename, are on disk when the call returns
  // (fsync of the file, fsync of its folder).
  kSynced,
  // Rename only: a crash may lose the new file (or keep the old one) but never
  // leaves a torn one. For copies of data held durably elsewhere.
  kRenameOnly,
};

struct WriteOptions {
  mode_t mode = 0600;  // permission bits of a created file (umask applies)
  Durability durability = Durability::kSynced;
};

class Env {
 public:
  virtual ~Env() = default;

  // The process-wide operating-system Env (system clock, POSIX files). Never null.
  static Env& Default();

  // ---- the clock ---------------------------------------------------------

  // The current time. Default: the system clock.
  virtual Timestamp Now() const = 0;

  // ---- the operations callers use ----------------------------------------

  // Replaces (or creates) `path` with `bytes`: a temporary sibling
  // "<name>.tmp-<pid>-<n>" is created (O_EXCL, O_NOFOLLOW, options.mode),
  // written in full (retrying EINTR and short writes), fsync'd, renamed over
  // `path`, and the folder is fsync'd. On any failure `path` keeps its old
  // bytes and the temporary file is removed. Returns OK once the new bytes
  // are durable (or renamed, for Durability::kRenameOnly).
  // Errors: kIOError naming the file and the step (create, write, fsync,
  // rename, fsync folder) with the system error.
  Status WriteFileAtomic(const std::filesystem::path& path, std::string_view bytes,
                         const WriteOptions& options = {});

  // Creates `path` holding `bytes`, refusing to replace anything already
  // there (a file, a folder or a symbolic link): the bytes go to a temporary
  // sibling (O_CREAT|O_EXCL|O_NOFOLLOW, `mode`), written in full and fsync'd,
  // which is then link(2)ed to `path` — one atomic step that fails when the
  // name exists — and the folder is fsync'd. So `path` never appears
  // half-written, even after a crash. On failure nothing is left behind.
  // Errors: kAlreadyExists ("\"PATH\" already exists"), kIOError.
  Status CreateFileExclusive(const std::filesystem::path& path, std::string_view bytes,
                             mode_t mode = 0600);

  // Reads the whole of the regular file `path`, holding at most
  // `max_bytes` + 1 bytes in memory.
  // Errors: kNotFound ("cannot read \"PATH\": no such file"),
  // kResourceExhausted ("\"PATH\" is larger than N bytes"), kInvalidArgument
  // (not a regular file: a folder, a device, a pipe), kIOError.
  Result<std::string> ReadFileBounded(const std::filesystem::path& path, std::size_t max_bytes);

  // Creates `dir` and its missing parents with `mode` (0700: private to the
  // user); existing folders are left as they are, and an empty path (the
  // current folder) is fine. Errors: kIOError (also when `dir` exists but is
  // not a folder).
  Status CreateDirectories(const std::filesystem::path& dir, mode_t mode = 0700);

  // Removes the file `path`. A missing file is not an error. Errors: kIOError.
  Status RemoveFile(const std::filesystem::path& path);

  // Flushes every pending write of the file system holding `path`
  // (syncfs(2)): one sync after many Durability::kRenameOnly writes.
  // Errors: kIOError.
  Status SyncFileSystemOf(const std::filesystem::path& path);

  // The names (not paths) of the entries of `dir`, sorted, without "." and
  // "..". Errors: kNotFound (no such folder), kIOError.
  Result<std::vector<std::string>> ListDirectory(const std::filesystem::path& dir);

  // ---- primitives, supplied by an implementation --------------------------
  // POSIX-shaped: each returns a non-negative value on success and -errno on
  // failure. Callers use the operations above; these are the points a test
  // double overrides.

  virtual int Open(const std::filesystem::path& path, int flags, mode_t mode) = 0;  // a descriptor
  virtual long Read(int fd, char* buffer, std::size_t size) = 0;                    // bytes read, 0 at end
  virtual long Write(int fd, const char* data, std::size_t size) = 0;               // bytes written (may be fewer)
  virtual int Fsync(int fd) = 0;
  virtual int SyncFileSystem(int fd) = 0;  // syncfs(2)
  virtual int Close(int fd) = 0;
  virtual int Fstat(int fd, struct stat* st) = 0;
  virtual int Rename(const std::filesystem::path& from, const std::filesystem::path& to) = 0;
  virtual int Link(const std::filesystem::path& from, const std::filesystem::path& to) = 0;
  virtual int Unlink(const std::filesystem::path& path) = 0;
  virtual int MakeDirectory(const std::filesystem::path& path, mode_t mode) = 0;
  // The entry names of `dir` (unsorted, without "." and "..") into `names`.
  virtual int ReadDirectory(const std::filesystem::path& dir, std::vector<std::string>* names) = 0;

 private:
  Result<std::filesystem::path> WriteTemporarySibling(const std::filesystem::path& path, std::string_view bytes,
                                                      mode_t mode, Durability durability);
  Status SyncFolderOf(const std::filesystem::path& path);
};

// True for the names of the temporary files WriteFileAtomic and
// CreateFileExclusive leave behind when the process dies mid-write
// ("NAME.tmp-PID-N"); a folder's owner may remove them.
bool IsTemporaryFileName(std::string_view name);

}  // namespace passerelle
