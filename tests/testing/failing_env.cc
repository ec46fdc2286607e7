// Passerelle tests — an Env whose file system fails on demand (see failing_env.h).
#include "tests/testing/failing_env.h"

#include <algorithm>
#include <cerrno>

namespace passerelle::testing {

void FailingEnv::Fail(Fault fault, int after) {
  std::lock_guard<std::mutex> lock(mu_);
  fault_ = fault;
  remaining_successes_ = after;
  failures_ = 0;
}

void FailingEnv::ShortWrites(std::size_t max_bytes) {
  std::lock_guard<std::mutex> lock(mu_);
  short_write_bytes_ = max_bytes;
}

void FailingEnv::Heal() {
  std::lock_guard<std::mutex> lock(mu_);
  fault_.reset();
  short_write_bytes_ = 0;
}

int FailingEnv::failures() const {
  std::lock_guard<std::mutex> lock(mu_);
  return failures_;
}

void FailingEnv::SetNow(Timestamp now) {
  std::lock_guard<std::mutex> lock(mu_);
  now_ = now;
}

Timestamp FailingEnv::Now() const {
  std::lock_guard<std::mutex> lock(mu_);
  return now_ ? *now_ : PosixEnv::Now();
}

int FailingEnv::Inject(Fault kind) {
  std::lock_guard<std::mutex> lock(mu_);
  if (!fault_ || *fault_ != kind) return 0;
  if (remaining_successes_ > 0) {
    --remaining_successes_;
    return 0;
  }
  ++failures_;
  return kind == Fault::kWriteNoSpace ? -ENOSPC : -EIO;
}

long FailingEnv::Write(int fd, const char* data, std::size_t size) {
  if (int rc = Inject(Fault::kWriteNoSpace); rc < 0) return rc;
  if (int rc = Inject(Fault::kWriteIo); rc < 0) return rc;
  std::size_t chunk = size;
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (short_write_bytes_ > 0) chunk = std::min(size, short_write_bytes_);
  }
  return PosixEnv::Write(fd, data, chunk);
}

int FailingEnv::Fsync(int fd) {
  if (int rc = Inject(Fault::kFsync); rc < 0) return rc;
  return PosixEnv::Fsync(fd);
}

int FailingEnv::Rename(const std::filesystem::path& from, const std::filesystem::path& to) {
  if (int rc = Inject(Fault::kRename); rc < 0) return rc;
  return PosixEnv::Rename(from, to);
}

int FailingEnv::Link(const std::filesystem::path& from, const std::filesystem::path& to) {
  if (int rc = Inject(Fault::kLink); rc < 0) return rc;
  return PosixEnv::Link(from, to);
}

}  // namespace passerelle::testing
