// Passerelle wallet — crash-safe file writes (tmp + fsync + rename + fsync dir).
#include "wallet-cli/store/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>

namespace passerelle::wallet {
namespace {

constexpr std::string_view kTmpMarker = ".tmp-";

Status Errno(const std::filesystem::path& path, const char* what, int err) {
  return Status::IOError("\"" + path.string() + "\": " + what + ": " + std::strerror(err));
}

std::filesystem::path TemporarySibling(const std::filesystem::path& path) {
  static std::atomic<unsigned> counter{0};
  return path.string() + std::string(kTmpMarker) + std::to_string(::getpid()) + "-" +
         std::to_string(counter++);
}

Status SyncDirectoryOf(const std::filesystem::path& path) {
  std::filesystem::path dir = path.parent_path();
  if (dir.empty()) dir = ".";
  int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return Errno(dir, "open folder", errno);
  int rc = ::fsync(fd);
  int err = errno;
  ::close(fd);
  if (rc != 0) return Errno(dir, "fsync folder", err);
  return Status::Ok();
}

// Writes `bytes` to a new temporary sibling of `path`; returns its name.
Result<std::filesystem::path> WriteTemporary(const std::filesystem::path& path, std::string_view bytes,
                                             mode_t mode) {
  std::filesystem::path tmp = TemporarySibling(path);
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
  if (fd < 0) return Errno(tmp, "create", errno);
  std::size_t off = 0;
  while (off < bytes.size()) {
    ssize_t n = ::write(fd, bytes.data() + off, bytes.size() - off);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      int err = n < 0 ? errno : EIO;
      ::close(fd);
      ::unlink(tmp.c_str());
      return Errno(tmp, "write", err);
    }
    off += static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0) {
    int err = errno;
    ::close(fd);
    ::unlink(tmp.c_str());
    return Errno(tmp, "fsync", err);
  }
  if (::close(fd) != 0) {
    int err = errno;
    ::unlink(tmp.c_str());
    return Errno(tmp, "close", err);
  }
  return tmp;
}

}  // namespace

Status WriteFileAtomically(const std::filesystem::path& path, std::string_view bytes, mode_t mode) {
  PSL_ASSIGN_OR_RETURN(std::filesystem::path tmp, WriteTemporary(path, bytes, mode));
  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    int err = errno;
    ::unlink(tmp.c_str());
    return Errno(path, "rename", err);
  }
  return SyncDirectoryOf(path);
}

Status CreateFileAtomically(const std::filesystem::path& path, std::string_view bytes, mode_t mode) {
  PSL_ASSIGN_OR_RETURN(std::filesystem::path tmp, WriteTemporary(path, bytes, mode));
  int rc = ::link(tmp.c_str(), path.c_str());
  int err = errno;
  ::unlink(tmp.c_str());
  if (rc != 0) {
    if (err == EEXIST) return Status::AlreadyExists("\"" + path.string() + "\" already exists");
    return Errno(path, "link", err);
  }
  return SyncDirectoryOf(path);
}

Result<std::string> ReadFileBounded(const std::filesystem::path& path, std::size_t max_bytes) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    if (errno == ENOENT) return Status::NotFound("\"" + path.string() + "\" does not exist");
    return Errno(path, "open", errno);
  }
  std::string out;
  char buf[16384];
  while (true) {
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      int err = errno;
      ::close(fd);
      return Errno(path, "read", err);
    }
    if (n == 0) break;
    if (out.size() + static_cast<std::size_t>(n) > max_bytes) {
      ::close(fd);
      return Status::ResourceExhausted("\"" + path.string() + "\" is larger than " +
                                       std::to_string(max_bytes) + " bytes");
    }
    out.append(buf, static_cast<std::size_t>(n));
  }
  ::close(fd);
  return out;
}

Status MakePrivateDirectories(const std::filesystem::path& dir) {
  std::filesystem::path partial;
  for (const auto& part : dir) {
    partial /= part;
    if (partial.empty() || partial == partial.root_path()) continue;
    if (::mkdir(partial.c_str(), 0700) != 0 && errno != EEXIST) return Errno(partial, "mkdir", errno);
  }
  struct stat st{};
  if (::stat(dir.c_str(), &st) != 0) return Errno(dir, "stat", errno);
  if (!S_ISDIR(st.st_mode)) return Status::IOError("\"" + dir.string() + "\" is not a folder");
  return Status::Ok();
}

bool IsTemporaryFileName(std::string_view name) { return name.find(kTmpMarker) != std::string_view::npos; }

}  // namespace passerelle::wallet
