// Passerelle tests — a binary held on its standard input, for crash tests:
// it runs up to the point where it reads stdin (a pipe the test holds), and
// the test decides when the input ends and when to SIGKILL it, so a kill
// lands at a chosen point of the work that follows without any test hook in
// the program. stdout and stderr go to files; every wait is bounded.
#pragma once

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include "tests/testing/paths.h"
#include "tests/testing/spawn.h"

namespace passerelle::testing {

class HeldProcess {
 public:
  HeldProcess(const std::vector<std::string>& argv, const std::map<std::string, std::string>& env,
              const std::filesystem::path& log_dir, const std::string& name)
      : out_(log_dir / (name + ".out")), err_(log_dir / (name + ".err")) {
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0) return;
    pid_ = SpawnWithLogs(argv, env, out_, err_, fds[0]);
    ::close(fds[0]);
    in_ = fds[1];
  }
  ~HeldProcess() {
    if (in_ >= 0) ::close(in_);
    if (pid_ > 0 && !reaped_) {
      ::kill(pid_, SIGKILL);
      Wait(std::chrono::seconds(10));
    }
  }
  HeldProcess(const HeldProcess&) = delete;
  HeldProcess& operator=(const HeldProcess&) = delete;

  bool started() const { return pid_ > 0 && in_ >= 0; }
  pid_t pid() const { return pid_; }
  // Writes `bytes` to its stdin and closes it: the program's read returns.
  void Release(const std::string& bytes) {
    std::size_t off = 0;
    while (off < bytes.size()) {
      ssize_t n = ::write(in_, bytes.data() + off, bytes.size() - off);
      if (n <= 0) break;
      off += static_cast<std::size_t>(n);
    }
    ::close(in_);
    in_ = -1;
  }
  void Kill() {
    if (pid_ > 0 && !reaped_) ::kill(pid_, SIGKILL);
  }
  // The exit code (128+N when killed by signal N), or -1 while still running at the deadline.
  int Wait(std::chrono::milliseconds timeout) {
    if (reaped_) return status_;
    auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
      int st = 0;
      if (::waitpid(pid_, &st, WNOHANG) == pid_) {
        reaped_ = true;
        status_ = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
        return status_;
      }
      if (std::chrono::steady_clock::now() >= deadline) return -1;
      std::this_thread::sleep_for(std::chrono::microseconds(200));
    }
  }
  std::string out() const { return ReadFile(out_); }
  std::string err() const { return ReadFile(err_); }

 private:
  pid_t pid_ = -1;
  int in_ = -1;
  bool reaped_ = false;
  int status_ = -1;
  std::filesystem::path out_, err_;
};

}  // namespace passerelle::testing
