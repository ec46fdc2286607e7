// Passerelle tests — start a binary in its own session, stdout and stderr
// to files, for the fixtures that run our programs (BackgroundProcess,
// HeldProcess).
#pragma once

#include <fcntl.h>
#include <sys/types.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace passerelle::testing {

// Forks and execs argv[0] (a path) with `env` added, standard input from
// `stdin_fd` (-1: /dev/null), stdout to `out` and stderr to `err`.
// Returns the child's pid, or -1 when fork fails.
inline pid_t SpawnWithLogs(const std::vector<std::string>& argv, const std::map<std::string, std::string>& env,
                           const std::filesystem::path& out, const std::filesystem::path& err, int stdin_fd = -1) {
  pid_t pid = ::fork();
  if (pid != 0) return pid;
  int o = ::open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  int e = ::open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  int in = stdin_fd >= 0 ? stdin_fd : ::open("/dev/null", O_RDONLY);
  ::dup2(in, 0);
  ::dup2(o, 1);
  ::dup2(e, 2);
  ::setsid();
  for (const auto& [k, v] : env) ::setenv(k.c_str(), v.c_str(), 1);
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  ::execv(args[0], args.data());
  ::_exit(127);
}

}  // namespace passerelle::testing
