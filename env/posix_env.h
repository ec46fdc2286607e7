// Passerelle — the operating system's Env: the system clock and POSIX file calls.
//
// Env::Default() returns one of these. Test doubles derive from it and
// override the primitives they want to fail, passing the others through
// (tests/testing/failing_env.h). Stateless; thread-safe.
#pragma once

#include "env/env.h"

namespace passerelle {

class PosixEnv : public Env {
 public:
  Timestamp Now() const override;

  int Open(const std::filesystem::path& path, int flags, mode_t mode) override;
  long Read(int fd, char* buffer, std::size_t size) override;
  long Write(int fd, const char* data, std::size_t size) override;
  int Fsync(int fd) override;
  int SyncFileSystem(int fd) override;
  int Close(int fd) override;
  int Fstat(int fd, struct stat* st) override;
  int Rename(const std::filesystem::path& from, const std::filesystem::path& to) override;
  int Link(const std::filesystem::path& from, const std::filesystem::path& to) override;
  int Unlink(const std::filesystem::path& path) override;
  int MakeDirectory(const std::filesystem::path& path, mode_t mode) override;
  int ReadDirectory(const std::filesystem::path& dir, std::vector<std::string>* names) override;
};

}  // namespace passerelle
