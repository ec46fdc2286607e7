// Passerelle — the durable file operations, written once on top of an Env's primitives.
//
// Every crash-safe write in the tree comes through here: a temporary sibling
// written in full and fsync'd, then renamed (replace) or linked (exclusive
// create) into place, then the folder fsync'd. Any failure removes the
// temporary file and leaves the target as it was.
#include "env/env.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>

namespace passerelle {
namespace {

constexpr std::string_view kTmpMarker = ".tmp-";

std::string Quoted(const std::filesystem::path& p) { return "\"" + p.string() + "\""; }

// `rc` is -errno.
Status Failed(const std::filesystem::path& path, std::string_view step, long rc) {
  return Status::IOError(Quoted(path) + ": " + std::string(step) + ": " + std::strerror(static_cast<int>(-rc)));
}

std::filesystem::path TemporarySibling(const std::filesystem::path& path) {
  static std::atomic<unsigned> counter{0};
  return path.string() + std::string(kTmpMarker) + std::to_string(::getpid()) + "-" + std::to_string(counter++);
}

}  // namespace

bool IsTemporaryFileName(std::string_view name) { return name.find(kTmpMarker) != std::string_view::npos; }

Status Env::SyncFolderOf(const std::filesystem::path& path) {
  std::filesystem::path dir = path.parent_path();
  if (dir.empty()) dir = ".";
  int fd = Open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
  if (fd < 0) return Failed(dir, "open folder", fd);
  int rc = Fsync(fd);
  Close(fd);
  if (rc < 0) return Failed(dir, "fsync folder", rc);
  return Status::Ok();
}

Result<std::filesystem::path> Env::WriteTemporarySibling(const std::filesystem::path& path, std::string_view bytes,
                                                         mode_t mode, Durability durability) {
  std::filesystem::path tmp = TemporarySibling(path);
  int fd = Open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode);
  if (fd < 0) return Failed(tmp, "create", fd);
  auto abandon = [&](std::string_view step, long rc) {
    Close(fd);
    Unlink(tmp);
    return Failed(tmp, step, rc);
  };
  std::size_t off = 0;
  while (off < bytes.size()) {
    long n = Write(fd, bytes.data() + off, bytes.size() - off);
    if (n == -EINTR) continue;
    if (n < 0) return abandon("write", n);
    if (n == 0) return abandon("write", -EIO);  // no progress: never loop forever
    off += static_cast<std::size_t>(n);
  }
  if (durability == Durability::kSynced) {
    if (int rc = Fsync(fd); rc < 0) return abandon("fsync", rc);
  }
  if (int rc = Close(fd); rc < 0) {
    Unlink(tmp);
    return Failed(tmp, "close", rc);
  }
  return tmp;
}

Status Env::WriteFileAtomic(const std::filesystem::path& path, std::string_view bytes, const WriteOptions& options) {
  PSL_ASSIGN_OR_RETURN(std::filesystem::path tmp, WriteTemporarySibling(path, bytes, options.mode, options.durability));
  if (int rc = Rename(tmp, path); rc < 0) {
    Unlink(tmp);
    return Failed(path, "rename", rc);
  }
  if (options.durability == Durability::kRenameOnly) return Status::Ok();
  return SyncFolderOf(path);
}

Status Env::CreateFileExclusive(const std::filesystem::path& path, std::string_view bytes, mode_t mode) {
  PSL_ASSIGN_OR_RETURN(std::filesystem::path tmp, WriteTemporarySibling(path, bytes, mode, Durability::kSynced));
  int rc = Link(tmp, path);
  Unlink(tmp);
  if (rc == -EEXIST) return Status::AlreadyExists(Quoted(path) + " already exists");
  if (rc < 0) return Failed(path, "link", rc);
  return SyncFolderOf(path);
}

Result<std::string> Env::ReadFileBounded(const std::filesystem::path& path, std::size_t max_bytes) {
  int fd = Open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK, 0);  // O_NONBLOCK: opening a FIFO never hangs
  if (fd == -ENOENT) return Status::NotFound("cannot read " + Quoted(path) + ": no such file");
  if (fd < 0) return Status::IOError("cannot read " + Quoted(path) + ": " + std::strerror(-fd));
  struct stat st {};
  if (int rc = Fstat(fd, &st); rc < 0) {
    Close(fd);
    return Failed(path, "stat", rc);
  }
  if (!S_ISREG(st.st_mode)) {
    Close(fd);
    return Status::InvalidArgument("cannot read " + Quoted(path) + ": not a regular file");
  }
  std::string out;
  char buffer[16384];
  while (true) {
    long n = Read(fd, buffer, sizeof buffer);
    if (n == -EINTR) continue;
    if (n < 0) {
      Close(fd);
      return Status::IOError("cannot read " + Quoted(path) + ": " + std::strerror(static_cast<int>(-n)));
    }
    if (n == 0) break;
    if (out.size() + static_cast<std::size_t>(n) > max_bytes) {
      Close(fd);
      return Status::ResourceExhausted(Quoted(path) + " is larger than " + std::to_string(max_bytes) + " bytes");
    }
    out.append(buffer, static_cast<std::size_t>(n));
  }
  Close(fd);
  return out;
}

Status Env::CreateDirectories(const std::filesystem::path& dir, mode_t mode) {
  if (dir.empty()) return Status::Ok();  // the current folder
  std::filesystem::path partial;
  for (const auto& part : dir) {
    partial /= part;
    if (partial.empty() || partial == partial.root_path()) continue;
    if (int rc = MakeDirectory(partial, mode); rc < 0 && rc != -EEXIST) return Failed(partial, "mkdir", rc);
  }
  int fd = Open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
  if (fd == -ENOTDIR) return Status::IOError(Quoted(dir) + " is not a folder");
  if (fd < 0) return Failed(dir, "open folder", fd);
  Close(fd);
  return Status::Ok();
}

Status Env::RemoveFile(const std::filesystem::path& path) {
  int rc = Unlink(path);
  if (rc < 0 && rc != -ENOENT) return Failed(path, "remove", rc);
  return Status::Ok();
}

Status Env::SyncFileSystemOf(const std::filesystem::path& path) {
  int fd = Open(path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0) return Failed(path, "open", fd);
  int rc = SyncFileSystem(fd);
  Close(fd);
  if (rc < 0) return Failed(path, "syncfs", rc);
  return Status::Ok();
}

Result<std::vector<std::string>> Env::ListDirectory(const std::filesystem::path& dir) {
  std::vector<std::string> names;
  int rc = ReadDirectory(dir, &names);
  if (rc == -ENOENT) return Status::NotFound(Quoted(dir) + ": no such folder");
  if (rc < 0) return Failed(dir, "list", rc);
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace passerelle
