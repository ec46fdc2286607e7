// Passerelle — the operating system's Env: each primitive is one system call,
// its failure reported as -errno.
#include "env/posix_env.h"

#include <dirent.h>
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>

namespace passerelle {

namespace {
int OrErrno(int rc) { return rc < 0 ? -errno : rc; }
}  // namespace

Env& Env::Default() {
  static PosixEnv env;
  return env;
}

Timestamp PosixEnv::Now() const { return passerelle::Now(); }

int PosixEnv::Open(const std::filesystem::path& path, int flags, mode_t mode) {
  return OrErrno(::open(path.c_str(), flags, mode));
}

long PosixEnv::Read(int fd, char* buffer, std::size_t size) {
  ssize_t n = ::read(fd, buffer, size);
  return n < 0 ? -errno : static_cast<long>(n);
}

long PosixEnv::Write(int fd, const char* data, std::size_t size) {
  ssize_t n = ::write(fd, data, size);
  return n < 0 ? -errno : static_cast<long>(n);
}

int PosixEnv::Fsync(int fd) { return OrErrno(::fsync(fd)); }

int PosixEnv::SyncFileSystem(int fd) { return OrErrno(::syncfs(fd)); }

int PosixEnv::Close(int fd) { return OrErrno(::close(fd)); }

int PosixEnv::Fstat(int fd, struct stat* st) { return OrErrno(::fstat(fd, st)); }

int PosixEnv::Rename(const std::filesystem::path& from, const std::filesystem::path& to) {
  return OrErrno(::rename(from.c_str(), to.c_str()));
}

int PosixEnv::Link(const std::filesystem::path& from, const std::filesystem::path& to) {
  return OrErrno(::link(from.c_str(), to.c_str()));
}

int PosixEnv::Unlink(const std::filesystem::path& path) { return OrErrno(::unlink(path.c_str())); }

int PosixEnv::MakeDirectory(const std::filesystem::path& path, mode_t mode) {
  return OrErrno(::mkdir(path.c_str(), mode));
}

int PosixEnv::ReadDirectory(const std::filesystem::path& dir, std::vector<std::string>* names) {
  DIR* d = ::opendir(dir.c_str());
  if (d == nullptr) return -errno;
  errno = 0;
  while (const dirent* entry = ::readdir(d)) {
    std::string_view name = entry->d_name;
    if (name != "." && name != "..") names->emplace_back(name);
  }
  int err = errno;
  ::closedir(d);
  return err != 0 ? -err : 0;
}

}  // namespace passerelle
