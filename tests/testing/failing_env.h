// Passerelle tests — an Env whose file system fails on demand, and whose clock stands still.
//
// FailingEnv runs the real durable-file algorithms of env/env.cc on the real
// file system, but a chosen primitive starts failing after a number of
// successful calls (a disk that fills up: ENOSPC; a dying disk: EIO; a fsync,
// rename or link that fails), or every write is cut short (the write loop must
// finish the job). Failures last until Heal(). Now() returns SetNow()'s value
// once set. Thread-safe.
#pragma once

#include <cstddef>
#include <mutex>
#include <optional>

#include "env/posix_env.h"

namespace passerelle::testing {

enum class Fault {
  kWriteNoSpace,  // write(2) fails with ENOSPC
  kWriteIo,       // write(2) fails with EIO
  kFsync,         // fsync(2) fails with EIO (files and folders)
  kRename,        // rename(2) fails with EIO
  kLink,          // link(2) fails with EIO
};

class FailingEnv : public PosixEnv {
 public:
  // From now on the primitive `fault` names succeeds `after` more times, then
  // fails on every call until Heal().
  void Fail(Fault fault, int after = 0);
  // Every write(2) takes at most `max_bytes` bytes (0: whole writes again).
  void ShortWrites(std::size_t max_bytes);
  // Ends every injected failure and short write.
  void Heal();
  // How many calls the current fault has failed so far.
  int failures() const;
  // Fixes the clock at `now`.
  void SetNow(Timestamp now);

  Timestamp Now() const override;
  long Write(int fd, const char* data, std::size_t size) override;
  int Fsync(int fd) override;
  int Rename(const std::filesystem::path& from, const std::filesystem::path& to) override;
  int Link(const std::filesystem::path& from, const std::filesystem::path& to) override;

 private:
  // -errno when the call of `kind` must fail, 0 to pass it through.
  int Inject(Fault kind);

  mutable std::mutex mu_;
  std::optional<Fault> fault_;
  int remaining_successes_ = 0;
  int failures_ = 0;
  std::size_t short_write_bytes_ = 0;
  std::optional<Timestamp> now_;
};

}  // namespace passerelle::testing
